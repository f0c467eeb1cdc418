package nnlab.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@code nnlab info} with OpenCL hidden. Runs only in the build's "tests-without-opencl" pass, which
 * points {@code OCL_ICD_VENDORS} at an empty directory and sets {@code NNLAB_EXPECT_NO_OPENCL=1}.
 */
@EnabledIfEnvironmentVariable(named = "NNLAB_EXPECT_NO_OPENCL", matches = "1")
class InfoCommandOpenClUnavailableTest {

    @Test
    void saysOpenClIsUnavailableWhyAndHowToInstallIt() {
        String text = InfoCommandTest.run("info");
        assertThat(text, containsString("exit=0"));
        assertThat(text, containsString("OpenCL    unavailable: "));
        assertThat(text, containsString("fix: "));
        assertThat(text, containsString("pocl-opencl-icd"));
        assertThat(text, not(containsString("UnsatisfiedLinkError")));
    }

    @Test
    void saysWhichBackendRunsInstead() {
        String text = InfoCommandTest.run("info");
        assertThat(text, containsString("Backend   simd: "));
        assertThat(text, containsString("Why       auto: OpenCL is unavailable ("));
    }

    @Test
    void askingForOpenClFailsWithTheInstallHintNotAStackTrace() {
        System.setProperty("nnlab.backend", "opencl");
        try {
            String text = InfoCommandTest.run("info");
            assertThat(text, containsString("exit=1"));
            assertThat(text, containsString("Backend   none: backend 'opencl' is not available: "));
            assertThat(text, containsString("pocl-opencl-icd"));
            assertThat(text, not(containsString("\tat ")));
        } finally {
            System.clearProperty("nnlab.backend");
        }
    }
}
