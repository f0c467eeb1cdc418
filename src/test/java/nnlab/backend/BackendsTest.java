package nnlab.backend;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.backend.opencl.OpenClProbe;
import nnlab.backend.opencl.OpenClSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(Backends.PROPERTY);
    }

    @Test
    void requestDefaultsToAutoWhenNothingIsSet() {
        // surefire removes NNLAB_BACKEND from the test JVM's environment
        assertThat(Backends.requested(), is("auto"));
    }

    @Test
    void systemPropertyPicksTheBackendCaseInsensitively() {
        System.setProperty(Backends.PROPERTY, " CPU ");
        assertThat(Backends.requested(), is("cpu"));
    }

    @Test
    void unknownRequestIsRejectedWithTheAllowedValues() {
        System.setProperty(Backends.PROPERTY, "gpu");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Backends::requested);
        assertThat(e.getMessage(), is("-Dnnlab.backend=gpu is not a backend; use one of auto, cpu, simd, opencl"));
    }

    @Test
    void explicitCpuAndSimdRequestsAreHonoured() {
        try (Backend cpu = Backends.select("cpu").backend(); Backend simd = Backends.select("simd").backend()) {
            assertThat(cpu.name(), is("cpu"));
            assertThat(simd.name(), is("simd"));
        }
    }

    @Test
    void autoPicksOpenClOnlyForAGpuAndSaysWhy() {
        OpenClProbe probe = OpenClSupport.probe();
        Backends.Selection s = Backends.select("auto");
        try (Backend b = s.backend()) {
            boolean gpu = probe.available() && probe.preferred().map(d -> d.isGpu()).orElse(false);
            if (gpu) {
                assertThat(b.name(), is("opencl"));
            } else {
                assertThat(b.name(), is("simd"));
                assertThat(s.reason(), containsString(probe.available() ? "is not a GPU" : "OpenCL is unavailable"));
                assertThat(s.reason(), containsString("so simd runs"));
            }
        }
    }

    @Test
    void useReplacesTheCurrentBackendAndRejectsNull() {
        Backend before = Backends.current();
        CpuBackend cpu = new CpuBackend();
        try {
            Backends.use(cpu);
            assertThat(Backends.current(), is(cpu));
            assertThat(Backends.selection().reason(), containsString("Backends.use"));
        } finally {
            Backends.use(before);
        }
        assertThat(assertThrows(IllegalArgumentException.class, () -> Backends.use(null)).getMessage(),
                containsString("new CpuBackend()"));
    }

    @Test
    void createNamesEachBackendAndRefusesAuto() {
        try (Backend b = Backends.create("simd")) {
            assertThat(b.name(), is("simd"));
            assertThat(b.description(), not(is("")));
        }
        assertThat(assertThrows(IllegalArgumentException.class, () -> Backends.create("auto")).getMessage(),
                containsString("'auto' is not a backend"));
    }
}
