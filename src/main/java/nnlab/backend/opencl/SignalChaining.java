package nnlab.backend.opencl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether the JVM's signal handlers survive loading an OpenCL driver.
 *
 * <p>The JVM takes SIGSEGV on purpose (implicit null checks, safepoint polls in compiled code) and
 * handles it itself. Some OpenCL drivers install handlers of their own as they load: PoCL (through
 * LLVM) replaces the handlers for SIGSEGV and SIGILL as soon as its platform is listed
 * ({@code -Xcheck:jni} reports "SIGSEGV handler modified!"). From then on the JVM's next deliberate
 * SIGSEGV kills the process: measured here, 3 runs in 4 of {@code nnlab bench gemm --backends simd,opencl}
 * died with a segmentation fault and no {@code hs_err} file.
 *
 * <p>The JDK's cure is signal chaining: {@code libjsig.so}, preloaded before the JVM starts
 * ({@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}), keeps the JVM's handlers first and hands other signals on
 * to the driver's. {@code ./nnlab}, {@code mvn test} and {@code mvn exec:exec} preload it. A JVM started
 * any other way (an IDE run) does not have it: there {@link nnlab.backend.Backends} does not probe
 * OpenCL for {@code auto}, and asking for OpenCL explicitly logs one warning with this fix.
 *
 * <p>Only Linux is checked (through {@code /proc/self/maps}); elsewhere chaining is assumed.
 */
public final class SignalChaining {

    private SignalChaining() {
    }

    /** True when {@code libjsig} is loaded in this process, or when this is not Linux (not checked there). */
    public static boolean active() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return true;
        }
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains("/libjsig.so");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What to do about it, e.g. "start java with LD_PRELOAD=/usr/lib/jvm/java-17/lib/libjsig.so (...)". */
    public static String fix() {
        return "start java with LD_PRELOAD=" + Path.of(System.getProperty("java.home"), "lib", "libjsig.so")
                + " (./nnlab and mvn do this for you)";
    }

    /** The sentence that explains the risk, for logs and {@code nnlab info}. */
    public static String risk() {
        return "the JVM's signal handlers are not chained (libjsig is not preloaded), and OpenCL drivers such as "
                + "PoCL replace them, after which the JVM can die with a segmentation fault";
    }
}
