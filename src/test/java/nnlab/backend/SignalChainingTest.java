package nnlab.backend;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nnlab.backend.opencl.OpenClAssumptions;
import nnlab.backend.opencl.OpenClBackend;
import nnlab.backend.opencl.SignalChaining;
import nnlab.backend.simd.SimdBackend;
import nnlab.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * OpenCL drivers such as PoCL replace the JVM's SIGSEGV handler as they load; without signal chaining
 * (libjsig) the JVM then dies at its next deliberate SIGSEGV. See {@link SignalChaining}.
 */
class SignalChainingTest {

    private static final Path JSIG = Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
    private static final List<String> VECTOR = List.of("--add-modules", "jdk.incubator.vector");

    /** Child entry point: "auto" prints the auto selection; "stress" opens OpenCL, then runs simd GEMMs. */
    public static final class Child {
        public static void main(String[] args) {
            if (args[0].equals("auto")) {
                Backends.Selection s = Backends.select("auto");
                System.out.println(s.backend().name() + ": " + s.reason());
                s.backend().close();
                return;
            }
            // The order of `nnlab bench gemm --backends simd,opencl`, which crashed without libjsig: simd code is
            // compiled first, then PoCL loads (replacing the handlers), then the compiled code runs again.
            try (Backend simd = new SimdBackend()) {
                gemms(simd, 512, 1.0);
                try (Backend opencl = OpenClBackend.open()) {
                    gemms(opencl, 512, 0.5);
                    gemms(simd, 1024, 1.5);
                }
            }
            System.out.println("survived");
        }
    }

    private static void gemms(Backend backend, int n, double seconds) {
        float[] a = new float[n * n];
        float[] c = new float[n * n];
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1e9) {
            backend.gemm(false, false, n, n, n, 1f, a, a, 0f, c);
        }
    }

    @Test
    void testJvmsRunWithSignalChaining() {
        // The pom's jsig profile preloads libjsig into every test JVM, as ./nnlab does for the CLI.
        assumeTrue(Files.exists(JSIG), "this JDK has no " + JSIG);
        assertThat(SignalChaining.active(), is(true));
    }

    @Test
    void withoutSignalChainingAutoDoesNotTouchOpenClAndSaysWhy() throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "checked on Linux only");
        Map<String, String> env = new HashMap<>();
        env.put("LD_PRELOAD", null);
        ChildJvm.Result r = ChildJvm.run(VECTOR, env, Child.class, "auto");
        assertThat(r.err(), r.exitCode(), is(0));
        assertThat(r.out(), containsString("simd: auto: OpenCL was not probed, because the JVM's signal handlers are not chained"));
        assertThat(r.out(), containsString("LD_PRELOAD=" + JSIG));
        assertThat(r.err(), not(containsString("untested OpenCL platform")));
    }

    @Test
    void withSignalChainingOpenClAndHeavySimdWorkShareAJvm() throws IOException, InterruptedException {
        // Without libjsig the child dies with SIGSEGV (6 runs of 6 here); with it, 0 of 6. The child also proves the
        // launcher-free fix: LD_PRELOAD is all it takes.
        OpenClAssumptions.assumeOpenCl();
        assumeTrue(Files.exists(JSIG), "this JDK has no " + JSIG);
        ChildJvm.Result r = ChildJvm.run(VECTOR, Map.of("LD_PRELOAD", JSIG.toString()), Child.class, "stress");
        assertThat(r.err(), r.exitCode(), is(0));
        assertThat(r.out(), containsString("survived"));
    }
}
