package nnlab.backend.opencl;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Gate for tests that need an OpenCL device: skipped when {@link OpenClSupport#probe()} finds none,
 * unless the environment sets {@code NNLAB_REQUIRE_OPENCL=1} (CI machines with PoCL), in which case the
 * test fails with the probe's explanation.
 */
final class OpenClAssumptions {

    static final String REQUIRE_ENV = "NNLAB_REQUIRE_OPENCL";

    private OpenClAssumptions() {
    }

    static void assumeOpenCl() {
        OpenClProbe probe = OpenClSupport.probe();
        if (probe.available()) {
            return;
        }
        String why = "OpenCL is not available: " + probe.problem() + ". " + probe.fix();
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            Assertions.fail(REQUIRE_ENV + "=1 but " + why);
        }
        Assumptions.abort(why);
    }
}
