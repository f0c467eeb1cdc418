package nnlab.backend.opencl;

import nnlab.backend.BackendUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs only in a JVM where OpenCL has been hidden, e.g.
 * {@code OCL_ICD_VENDORS=$(mktemp -d) NNLAB_EXPECT_NO_OPENCL=1 mvn test -Dtest=OpenClUnavailableTest}:
 * the probe must say so in words, with the install hint, and {@code open()} must refuse cleanly.
 */
@EnabledIfEnvironmentVariable(named = "NNLAB_EXPECT_NO_OPENCL", matches = "1")
class OpenClUnavailableTest {

    @Test
    void probeExplainsWhatIsMissing() {
        OpenClProbe probe = OpenClSupport.probe();
        assertFalse(probe.available());
        assertThat(probe.problem(), not(emptyOrNullString()));
        assertThat(probe.fix(), containsString("pocl-opencl-icd"));
        assertThat(probe.fix(), containsString("NNLAB_BACKEND=cpu"));
        assertThat(probe.devices(), is(empty()));
        assertTrue(probe.preferred().isEmpty());
    }

    @Test
    void openThrowsBackendUnavailable() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, OpenClBackend::open);
        assertThat(e.backend(), is("opencl"));
        assertThat(e.getMessage(), containsString("pocl-opencl-icd"));
        assertThat(e.getMessage(), containsString(OpenClSupport.probe().problem()));
    }
}
