package nnlab.backend.opencl;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds out, once per JVM and without ever throwing, whether OpenCL can run here.
 *
 * <p>{@link #probe()} loads Aparapi's JNI library (which needs the OpenCL ICD loader
 * {@code libOpenCL.so.1}) and lists every platform and device. Every failure on the way, including an
 * {@link UnsatisfiedLinkError} or {@link NoClassDefFoundError} from native loading, becomes an
 * unavailable {@link OpenClProbe} whose {@code problem} says what is missing and whose {@code fix} says
 * what to install. Nothing is printed from Java: Aparapi's {@code java.util.logging} output (logger
 * {@code com.aparapi}, which would report a missing library as SEVERE with advice that does not apply,
 * and kernel fall-backs with stack traces) is switched off unless {@code -Dcom.aparapi.logLevel} is
 * given; nnlab reports these conditions itself. (One line, "WARNING: Aparapi is running on an untested
 * OpenCL platform version", comes from Aparapi's native code on stderr and cannot be silenced from Java.)
 *
 * <p>System property {@code nnlab.opencl.sharedMemory} (default {@code true}): when {@code false}, every
 * device is configured with {@code setSharedMemory(false)} before first use, so that Aparapi's explicit
 * {@code put}/{@code get} are real copies even on a CPU device (as on a discrete GPU). CI runs the
 * backend tests once that way to catch a missing {@code put} or {@code get}.
 */
public final class OpenClSupport {

    /** The fix offered whenever OpenCL is missing. */
    static final String FIX = "install an OpenCL driver: PoCL for CPUs (apt-get install pocl-opencl-icd "
            + "ocl-icd-libopencl1) or your GPU vendor's driver (NVIDIA: nvidia-opencl-icd), or run with NNLAB_BACKEND=cpu";

    /** System property that turns Aparapi's shared (host-pointer) buffers off; default true. */
    public static final String SHARED_MEMORY_PROPERTY = "nnlab.opencl.sharedMemory";

    private static OpenClProbe probe;
    /** The Aparapi device objects, in the order of {@code probe.devices()}; typed Object so that this class never needs Aparapi to load. */
    private static List<Object> handles = List.of();

    private OpenClSupport() {
    }

    /**
     * Probes OpenCL on first call and returns the cached answer afterwards. Never throws; prints nothing,
     * except one warning when the JVM runs without signal chaining (see {@link SignalChaining}).
     */
    public static synchronized OpenClProbe probe() {
        if (probe == null) {
            if (!SignalChaining.active()) {
                System.getLogger(OpenClSupport.class.getName()).log(System.Logger.Level.WARNING,
                        "nnlab: loading OpenCL although " + SignalChaining.risk() + ". Fix: " + SignalChaining.fix());
            }
            List<Object> found = new ArrayList<>();
            probe = runProbe(found);
            handles = List.copyOf(found);
        }
        return probe;
    }

    /** True unless {@code -Dnnlab.opencl.sharedMemory=false}. */
    static boolean sharedMemory() {
        return !"false".equalsIgnoreCase(System.getProperty(SHARED_MEMORY_PROPERTY, "true").trim());
    }

    /** The Aparapi {@code OpenCLDevice} behind {@code info}, from the last probe. */
    static synchronized Object handle(OpenClDeviceInfo info) {
        int i = probe().devices().indexOf(info);
        if (i < 0) {
            throw new IllegalArgumentException("not a device found by OpenClSupport.probe(): " + info);
        }
        return handles.get(i);
    }

    private static OpenClProbe runProbe(List<Object> found) {
        try {
            AparapiRuntime.configure(sharedMemory());
            if (!AparapiRuntime.nativeLoaded()) {
                return unavailable(whyNativeFailed());
            }
            List<OpenClDeviceInfo> devices = new ArrayList<>();
            int platforms = AparapiRuntime.scan(devices, found);
            if (platforms == 0) {
                String vendors = System.getenv("OCL_ICD_VENDORS");
                return unavailable("no OpenCL platform found: the ICD loader found no installed OpenCL driver"
                        + (vendors == null ? " (no .icd file in /etc/OpenCL/vendors)" : " (OCL_ICD_VENDORS=" + vendors + " lists none)"));
            }
            if (devices.isEmpty()) {
                found.clear();
                return unavailable("OpenCL found " + platforms + " platform(s) but no device");
            }
            return new OpenClProbe(true, null, null, devices);
        } catch (Throwable t) {
            found.clear();
            return unavailable("loading OpenCL failed with " + firstLine(t));
        }
    }

    private static OpenClProbe unavailable(String problem) {
        return new OpenClProbe(false, problem, FIX, List.of());
    }

    /** Tells apart "no ICD loader", "a broken ICD loader" and "Aparapi's own library failed" (Linux). */
    private static String whyNativeFailed() {
        String aparapi = "Aparapi's native OpenCL bridge (from aparapi-jni) could not be loaded on this system";
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return aparapi + " (is the OpenCL ICD loader library installed?)";
        }
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/usr/local/lib", "/lib/x86_64-linux-gnu", "/lib64", "/lib"));
        for (String dir : dirs) {
            File lib = dir.isEmpty() ? null : new File(dir, "libOpenCL.so.1");
            if (lib != null && lib.exists()) {
                if (!isElf(lib)) {
                    return "the OpenCL ICD loader " + lib + " is damaged (not a shared library); reinstall it";
                }
                return aparapi + " (the OpenCL ICD loader " + lib + " is present)";
            }
        }
        return "the OpenCL ICD loader library libOpenCL.so.1 is not installed";
    }

    /** True when the file starts with the ELF magic number (checked instead of loading it into this JVM). */
    private static boolean isElf(File file) {
        try (java.io.InputStream in = new java.io.FileInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String firstLine(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.lines().findFirst().orElse(""));
    }
}
