package nnlab.backend.opencl;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Gate for tests that need an OpenCL device: skipped when {@link OpenClSupport#probe()} finds none,
 * unless the environment sets {@code NNLAB_REQUIRE_OPENCL=1} (CI machines with PoCL), in which case the
 * test fails with the probe's explanation.
 */
public final class OpenClAssumptions {

    public static final String REQUIRE_ENV = "NNLAB_REQUIRE_OPENCL";

    private OpenClAssumptions() {
    }

    /** True where the environment demands OpenCL ({@code NNLAB_REQUIRE_OPENCL=1}, as on CI). */
    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE_ENV));
    }

    /** Skips the calling test without OpenCL, or fails it where {@link #required()}. */
    public static void assumeOpenCl() {
        OpenClProbe probe = OpenClSupport.probe();
        if (probe.available()) {
            return;
        }
        String why = "OpenCL is not available: " + probe.problem() + ". " + probe.fix();
        if (required()) {
            Assertions.fail(REQUIRE_ENV + "=1 but " + why);
        }
        Assumptions.abort(why);
    }
}
