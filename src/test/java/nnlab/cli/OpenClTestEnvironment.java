package nnlab.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import nnlab.backend.opencl.OpenClProbe;
import nnlab.backend.opencl.OpenClSupport;

/**
 * OpenCL tests skip where OpenCL is missing, except where {@code NNLAB_REQUIRE_OPENCL=1} (CI, which
 * installs PoCL): there a missing OpenCL fails the test with the probe's explanation.
 */
final class OpenClTestEnvironment {

    private OpenClTestEnvironment() {
    }

    static boolean required() {
        return "1".equals(System.getenv("NNLAB_REQUIRE_OPENCL"));
    }

    static void assumeOpenClOrFailIfRequired() {
        OpenClProbe probe = OpenClSupport.probe();
        if (!probe.available() && required()) {
            fail("NNLAB_REQUIRE_OPENCL=1 but OpenCL is unavailable: " + probe.problem() + " Fix: " + probe.fix());
        }
        assumeTrue(probe.available(), () -> "OpenCL unavailable: " + probe.problem());
    }
}
