package nnlab.nn.layers;

import org.apache.commons.math3.random.RandomGenerator;

/** Test helper: random affine parameters and running statistics for a BatchNorm, for tests outside this package. */
public final class BatchNormTestAccess {

    private BatchNormTestAccess() {
    }

    /** gamma in [0.5, 1.5), beta ~ N(0, 1), running_mean ~ N(0, 1), running_var in [0.5, 2). */
    public static void randomise(BatchNorm1d bn, RandomGenerator rng) {
        BatchNorm1dTest.randomiseAffine(bn, rng);
        BatchNorm1dTest.randomiseRunningStats(bn, rng);
    }
}
