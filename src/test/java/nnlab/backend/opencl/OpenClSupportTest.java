package nnlab.backend.opencl;

import nnlab.backend.BackendUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe on a machine with OpenCL (skipped without it, see {@link OpenClAssumptions}). */
class OpenClSupportTest {

    @BeforeEach
    void needsOpenCl() {
        OpenClAssumptions.assumeOpenCl();
    }

    @Test
    void probeIsCachedAndDescribesDevices() {
        OpenClProbe probe = OpenClSupport.probe();
        assertThat(OpenClSupport.probe(), is(sameInstance(probe)));
        assertTrue(probe.available());
        assertThat(probe.problem(), is(nullValue()));
        assertThat(probe.fix(), is(nullValue()));
        assertThat(probe.devices().size(), greaterThan(0));
        for (OpenClDeviceInfo d : probe.devices()) {
            assertThat(d.name(), not(emptyString()));
            assertThat(d.platform(), not(emptyString()));
            assertThat(d.type(), is(in(List.of("GPU", "CPU", "ACCELERATOR", "UNKNOWN"))));
            assertThat(d.computeUnits(), greaterThan(0));
            assertThat(d.globalMemoryBytes(), greaterThan(0L));
            assertThat(d.maxWorkGroupSize(), greaterThan(0));
            assertThat(d.isGpu(), is(d.type().equals("GPU")));
        }
    }

    @Test
    void preferredIsFirstGpuElseFirstDevice() {
        OpenClProbe probe = OpenClSupport.probe();
        OpenClDeviceInfo expected = probe.devices().stream().filter(OpenClDeviceInfo::isGpu).findFirst()
                .orElse(probe.devices().get(0));
        assertThat(probe.preferred().orElseThrow(), is(expected));
        OpenClDeviceInfo cpu = new OpenClDeviceInfo("p", "OpenCL 3.0", "c", "CPU", 1, 1, 1);
        OpenClDeviceInfo gpu = new OpenClDeviceInfo("p", "OpenCL 3.0", "g", "GPU", 1, 1, 1);
        assertThat(new OpenClProbe(true, null, null, List.of(cpu, gpu)).preferred().orElseThrow(), is(gpu));
        assertThat(new OpenClProbe(true, null, null, List.of(cpu)).preferred().orElseThrow(), is(cpu));
        assertTrue(new OpenClProbe(false, "x", "y", List.of()).preferred().isEmpty());
    }

    @Test
    void openUsesThePreferredDevice() {
        try (OpenClBackend backend = OpenClBackend.open()) {
            assertThat(backend.device(), is(OpenClSupport.probe().preferred().orElseThrow()));
        } catch (BackendUnavailableException e) {
            throw new AssertionError("probe says available but open() failed: " + e.getMessage(), e);
        }
    }

    @Test
    void shortPlatformVersionDropsBuildDetails() {
        OpenClDeviceInfo d = new OpenClDeviceInfo("Portable Computing Language",
                "OpenCL 3.0 PoCL 3.1+debian  Linux, None+Asserts, RELOC", "dev", "CPU", 2, 1, 1);
        assertThat(d.shortPlatformVersion(), is("OpenCL 3.0 PoCL 3.1+debian Linux"));
    }
}
