package nnlab.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.PrintWriter;
import java.io.StringWriter;
import nnlab.backend.opencl.OpenClAssumptions;
import nnlab.backend.opencl.OpenClSupport;
import org.junit.jupiter.api.Test;

/** {@code nnlab info} in the normal test environment (surefire passes the Vector API module). */
class InfoCommandTest {

    static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return "exit=" + code + "\n" + out + err;
    }

    @Test
    void reportsJavaTheChosenBackendAndWhy() {
        String text = run("info");
        assertThat(text, containsString("exit=0"));
        assertThat(text, containsString("Java      " + System.getProperty("java.version")));
        assertThat(text, containsString("Requested auto"));
        assertThat(text, matchesPattern("(?s).*\\nBackend   (cpu|simd|opencl): .*\\nWhy       auto: .*"));
    }

    @Test
    void reportsSimdAvailabilityAndVectorWidth() {
        // surefire starts the test JVM with --add-modules jdk.incubator.vector, as ./nnlab does.
        assertThat(run("info"), matchesPattern("(?s).*SIMD      available: JDK Vector API, \\d+-bit vectors \\(\\d+ float lanes\\).*"));
    }

    @Test
    void listsEveryOpenClDeviceWhenOpenClIsInstalled() {
        OpenClAssumptions.assumeOpenCl();
        String text = run("info");
        assertThat(text, containsString("OpenCL    available:"));
        for (var device : OpenClSupport.probe().devices()) {
            assertThat(text, containsString("] " + device.name() + ", "));
        }
        if (OpenClAssumptions.required()) {
            // CI installs PoCL: its platform must be listed by name.
            assertThat(text, containsString("Portable Computing Language"));
        }
    }

    @Test
    void unknownBackendRequestIsReportedWithTheAllowedValues() {
        System.setProperty("nnlab.backend", "cuda");
        try {
            String text = run("info");
            assertThat(text, containsString("-Dnnlab.backend=cuda is not a backend; use one of auto, cpu, simd, opencl"));
            assertThat(text.startsWith("exit=2"), is(true));
        } finally {
            System.clearProperty("nnlab.backend");
        }
    }
}
