package nnlab.nn.layers;

import static nnlab.tensor.TensorMatchers.closeTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.nn.GradCheck;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckLog;
import nnlab.testing.GradCheckSeeds;
import nnlab.testing.Tolerances;
import org.apache.commons.math3.random.RandomGenerator;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

class BatchNorm1dTest {

    /**
     * GradCheck tolerance for BatchNorm (GradCheck's documented value for layers whose forward sums many float32
     * terms): a perturbation of one element moves every output of its channel through the mean and variance, so
     * the float32 rounding of all of them enters each difference quotient. Real bugs give errors of 0.3 and more.
     */
    static final double BN_GRADCHECK_TOLERANCE = 2e-2;

    /** Float32 results of a few double operations each: a few ulp relative. */
    private static final double RTOL = 8 * Tolerances.FLOAT_UNIT_ROUNDOFF;
    private static final double ATOL = 1e-7;

    /** A float32 scalar computed from a few double operations, against its double value: within 1e-6 relative. */
    private static Matcher<Double> near(double expected) {
        return Matchers.closeTo(expected, 1e-6 * Math.max(1, Math.abs(expected)));
    }

    /** N = 4, C = 2. Channel 0: 1, 2, 3, 4 (mean 2.5, biased var 1.25, unbiased 5/3); channel 1 is ten times it. */
    private static Tensor fourByTwo() {
        return Tensor.of(new float[] {1, 10, 2, 20, 3, 30, 4, 40}, 4, 2);
    }

    @Test
    void trainingNormalisesWithBatchMeanAndBiasedVariance() {
        Tensor y = new BatchNorm1d(2).forward(fourByTwo());
        double s0 = Math.sqrt(1.25 + 1e-5);
        double s1 = Math.sqrt(125 + 1e-5);
        float[] expected = new float[8];
        double[] dev0 = {-1.5, -0.5, 0.5, 1.5};
        for (int n = 0; n < 4; n++) {
            expected[2 * n] = (float) (dev0[n] / s0);
            expected[2 * n + 1] = (float) (10 * dev0[n] / s1);
        }
        assertThat(y, closeTo(Tensor.of(expected, 4, 2), RTOL, ATOL));
    }

    @Test
    void trainingUpdatesRunningStatsWithUnbiasedVarianceAndMomentum() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.forward(fourByTwo());
        // running = 0.9 * initial + 0.1 * batch; initial mean 0, var 1; unbiased var 5/3 and 500/3
        assertThat(bn.runningMean(), closeTo(Tensor.vector(0.25f, 2.5f), RTOL, ATOL));
        assertThat(bn.runningVar(), closeTo(Tensor.vector((float) (0.9 + 0.1 * 5 / 3.0),
                (float) (0.9 + 0.1 * 500 / 3.0)), RTOL, ATOL));
        assertThat(bn.numBatchesTracked(), is(1L));
        bn.forward(fourByTwo());
        // second step: 0.9 * 0.25 + 0.1 * 2.5 = 0.475; 0.9 * (0.9 + 1/6) + 0.1 * 5/3
        assertThat(bn.runningMean(), closeTo(Tensor.vector(0.475f, 4.75f), RTOL, ATOL));
        assertThat((double) bn.runningVar().get(0), near((0.9 * (0.9 + 0.1 * 5 / 3.0) + 0.1 * 5 / 3.0)));
        assertThat(bn.numBatchesTracked(), is(2L));
    }

    @Test
    void momentumAndEpsAreConfigurable() {
        BatchNorm1d bn = new BatchNorm1d(2, 0.5, 0.5, true, true);
        Tensor y = bn.forward(fourByTwo());
        // running = 0.5 * initial + 0.5 * batch
        assertThat(bn.runningMean(), closeTo(Tensor.vector(1.25f, 12.5f), RTOL, ATOL));
        assertThat((double) bn.runningVar().get(0), near((0.5 + 0.5 * 5 / 3.0)));
        assertThat((double) y.get(0, 0), near((-1.5 / Math.sqrt(1.25 + 0.5))));
    }

    @Test
    void evalNormalisesWithRunningStatsAndLeavesThemUnchanged() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.forward(fourByTwo()); // running_mean [0.25, 2.5], running_var [0.9 + 1/6, 0.9 + 50/3]
        bn.weight().value().copyFrom(Tensor.vector(2f, 0.5f));
        bn.bias().value().copyFrom(Tensor.vector(1f, -1f));
        bn.eval();
        Tensor y = bn.forward(Tensor.of(new float[] {3, 30}, 1, 2)); // one sample is fine in eval
        double v0 = 0.9 + 0.1 * 5 / 3.0;
        double v1 = 0.9 + 0.1 * 500 / 3.0;
        assertThat(y, closeTo(Tensor.of(new float[] {(float) ((3 - 0.25) / Math.sqrt(v0 + 1e-5) * 2 + 1),
                (float) ((30 - 2.5) / Math.sqrt(v1 + 1e-5) * 0.5 - 1)}, 1, 2), RTOL, ATOL));
        assertThat(bn.runningMean(), closeTo(Tensor.vector(0.25f, 2.5f), RTOL, ATOL));
        assertThat(bn.numBatchesTracked(), is(1L));
        // eval backward: dx = dy * gamma / sqrt(running_var + eps)
        Tensor dx = bn.backward(Tensor.of(new float[] {1, 1}, 1, 2));
        assertThat(dx, closeTo(Tensor.of(new float[] {(float) (2 / Math.sqrt(v0 + 1e-5)),
                (float) (0.5 / Math.sqrt(v1 + 1e-5))}, 1, 2), RTOL, ATOL));
    }

    @Test
    void trainingBackwardRemovesTheMeanAndTheXhatComponent() {
        // dx = gamma*invstd/m * (m dy - sum(dy) - xhat sum(dy xhat)) implies sum(dx) = 0, and sum(dx * xhat) = 0
        // when sum(xhat^2) = m, i.e. up to eps/(var + eps); eps = 1e-10 makes that far smaller than float rounding
        BatchNorm1d bn = new BatchNorm1d(1, 1e-10, 0.1, true, true);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 4, 1);
        Tensor xhat = bn.forward(x);
        Tensor dx = bn.backward(Tensor.of(new float[] {0.3f, -1.2f, 0.7f, 2.0f}, 4, 1));
        assertThat((double) dx.sum(), Matchers.closeTo(0, 1e-6));
        assertThat((double) dx.mul(xhat).sum(), Matchers.closeTo(0, 1e-6));
        // dgamma = sum(dy * xhat), dbeta = sum(dy) = 1.8
        assertThat((double) bn.bias().grad().get(0), near(1.8));
        double expectedDgamma = (0.3 * -1.5 - 1.2 * -0.5 + 0.7 * 0.5 + 2.0 * 1.5) / Math.sqrt(1.25 + 1e-10);
        assertThat((double) bn.weight().grad().get(0), near(expectedDgamma));
    }

    @Test
    void oneValuePerChannelIsAnErrorInTrainingOnly() {
        BatchNorm1d bn = new BatchNorm1d(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.ones(1, 4)));
        assertThat(e.getMessage(), containsString("more than 1 value per channel when training, got input size [1, 4]"));
        assertThat(e.getMessage(), containsString("eval()"));
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.ones(1, 4, 1)));
        bn.eval();
        assertThat(bn.forward(Tensor.ones(1, 4)).shape(), equalTo(new int[] {1, 4}));
    }

    @Test
    void wrongShapesNameTheExpectedShapeAndTheFix() {
        BatchNorm1d bn = new BatchNorm1d(4);
        assertThat(assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.ones(8, 3))).getMessage(),
                containsString("expects input [N, 4] or [N, 4, L], got [8, 3]; dimension 1 must be the 4 channels"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.ones(2, 4, 3, 3))).getMessage(),
                containsString("use BatchNorm2d"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.ones(4))).getMessage(),
                containsString("x.reshape(1, 4)"));
    }

    @Test
    void constructorRejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(0));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(3, 0, 0.1, true, true))
                .getMessage(), containsString("eps must be a small positive number"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(3, 1e-5, 1.5, true, true))
                .getMessage(), containsString("momentum must be in [0, 1]"));
    }

    @Test
    void stateHasPyTorchNamesShapesAndInitialValues() {
        BatchNorm1d bn = new BatchNorm1d(3);
        assertThat(bn.stateDict().keySet(),
                contains("weight", "bias", "running_mean", "running_var", "num_batches_tracked"));
        assertThat(bn.weight().value(), equalTo(Tensor.ones(3)));
        assertThat(bn.bias().value(), equalTo(Tensor.zeros(3)));
        assertThat(bn.runningMean(), equalTo(Tensor.zeros(3)));
        assertThat(bn.runningVar(), equalTo(Tensor.ones(3)));
        assertThat(bn.stateDict().get("num_batches_tracked"), equalTo(Tensor.scalar(0)));
        assertThat(bn.toString(), is("BatchNorm1d(3, eps=1e-05, momentum=0.1, affine=true, track_running_stats=true)"));
    }

    @Test
    void withoutAffineOrRunningStatsThereIsNoSuchState() {
        BatchNorm1d bn = new BatchNorm1d(2, 1e-5, 0.1, false, false);
        assertThat(bn.stateDict().keySet(), is(empty()));
        assertThat(bn.weight(), is(nullValue()));
        assertThat(bn.runningMean(), is(nullValue()));
        assertThat(bn.numBatchesTracked(), is(0L));
        // without running statistics, eval normalises with batch statistics as training does
        Tensor train = bn.forward(fourByTwo());
        bn.eval();
        assertThat(bn.forward(fourByTwo()), equalTo(train));
        assertThat((double) train.get(0, 0), near((-1.5 / Math.sqrt(1.25 + 1e-5))));
    }

    @Test
    void resetRunningStatsRestoresTheInitialBuffers() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.forward(fourByTwo());
        bn.resetRunningStats();
        assertThat(bn.runningMean(), equalTo(Tensor.zeros(2)));
        assertThat(bn.runningVar(), equalTo(Tensor.ones(2)));
        assertThat(bn.numBatchesTracked(), is(0L));
    }

    @Test
    void backwardMatchesNumericalGradientInTrainMode() {
        GradCheckSeeds.forCase(11).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            BatchNorm1d bn = randomBatchNorm(rng);
            assertGradCheckPasses("BatchNorm1d train", seed, bn, randomInput(rng, bn.numFeatures()));
        });
    }

    @Test
    void backwardMatchesNumericalGradientInEvalMode() {
        GradCheckSeeds.forCase(12).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            BatchNorm1d bn = randomBatchNorm(rng);
            randomiseRunningStats(bn, rng);
            bn.eval();
            assertGradCheckPasses("BatchNorm1d eval", seed, bn, randomInput(rng, bn.numFeatures()));
        });
    }

    @Test
    void backwardMatchesNumericalGradientWithoutAffineOrRunningStatsInEvalMode() {
        GradCheckSeeds.forCase(13).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            BatchNorm1d bn = new BatchNorm1d(2 + rng.nextInt(3), 1e-5, 0.1, false, false);
            bn.eval(); // batch statistics in eval too: the full backward formula
            assertGradCheckPasses("BatchNorm1d no-affine no-stats eval", seed, bn, randomInput(rng, bn.numFeatures()));
        });
    }

    /**
     * BatchNorm1d(C), C in 2..4, with gamma in [0.5, 1.5) and beta ~ N(0, 1). At least 2 channels: with one, a
     * single dgamma that cancels to nearly 0 by chance has no other element to set the scale of the comparison
     * (with C = 1 and 1000 seeds, GradCheck reported relative errors of 1: float32 rounding against 0).
     */
    static BatchNorm1d randomBatchNorm(RandomGenerator rng) {
        BatchNorm1d bn = new BatchNorm1d(2 + rng.nextInt(3));
        randomiseAffine(bn, rng);
        return bn;
    }

    /** Gradient check of {@code bn} on {@code x} at {@link #BN_GRADCHECK_TOLERANCE}, recorded under {@code op}. */
    static void assertGradCheckPasses(String op, long seed, BatchNormBase bn, Tensor x) {
        GradCheckLog.assertPassed(op, GradCheck.with().seed(seed).tolerance(BN_GRADCHECK_TOLERANCE).module(bn, x));
    }

    static void randomiseAffine(BatchNormBase bn, RandomGenerator rng) {
        bn.weight().value().copyFrom(Tensor.uniform(rng, 0.5f, 1.5f, bn.numFeatures()));
        bn.bias().value().copyFrom(Tensor.randn(rng, 0f, 1f, bn.numFeatures()));
    }

    static void randomiseRunningStats(BatchNormBase bn, RandomGenerator rng) {
        bn.runningMean().copyFrom(Tensor.randn(rng, 0f, 1f, bn.numFeatures()));
        bn.runningVar().copyFrom(Tensor.uniform(rng, 0.5f, 2f, bn.numFeatures()));
    }

    /**
     * {@code [N, C]} (N in 4..8) or {@code [N, C, L]} (N in 2..5, L in 2..5), values ~ N(1, 2^2): at least 4 values
     * per channel. With 2 the normalised output is +-1 whatever x is, so dL/dx is 0 up to eps and float32 rounding
     * (analytic 5e-7 against numeric 0 is a relative error of 1); with 3 it lies in a one-dimensional space and can
     * cancel to nearly 0 by chance in the same way.
     */
    private static Tensor randomInput(RandomGenerator rng, int c) {
        int[] shape = rng.nextBoolean() ? new int[] {4 + rng.nextInt(5), c}
                : new int[] {2 + rng.nextInt(4), c, 2 + rng.nextInt(4)};
        return Tensor.randn(rng, 1f, 2f, shape);
    }
}
