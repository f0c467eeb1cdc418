package nnlab.nn.layers;

import static nnlab.tensor.TensorMatchers.closeTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import nnlab.testing.TestSeeds;
import nnlab.testing.Tolerances;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BatchNorm2dTest {

    private static final double RTOL = 8 * Tolerances.FLOAT_UNIT_ROUNDOFF;
    private static final double ATOL = 1e-7;

    @Test
    void statisticsRunOverBatchAndBothSpatialDimensionsPerChannel() {
        // [N=2, C=2, H=1, W=2]: channel 0 holds 1, 2 (sample 0) and 3, 4 (sample 1); channel 1 holds 10 times that
        Tensor x = Tensor.of(new float[] {1, 2, 10, 20, 3, 4, 30, 40}, 2, 2, 1, 2);
        BatchNorm2d bn = new BatchNorm2d(2);
        Tensor y = bn.forward(x);
        // mean 2.5 / 25, biased var 1.25 / 125 over the m = N*H*W = 4 values; unbiased 5/3 and 500/3
        double s0 = Math.sqrt(1.25 + 1e-5);
        double s1 = Math.sqrt(125 + 1e-5);
        Tensor expected = Tensor.of(new float[] {(float) (-1.5 / s0), (float) (-0.5 / s0), (float) (-15 / s1),
                (float) (-5 / s1), (float) (0.5 / s0), (float) (1.5 / s0), (float) (5 / s1), (float) (15 / s1)},
                2, 2, 1, 2);
        assertThat(y, closeTo(expected, RTOL, ATOL));
        assertThat(bn.runningMean(), closeTo(Tensor.vector(0.25f, 2.5f), RTOL, ATOL));
        assertThat(bn.runningVar(), closeTo(Tensor.vector((float) (0.9 + 0.1 * 5 / 3.0),
                (float) (0.9 + 0.1 * 500 / 3.0)), RTOL, ATOL));
        assertThat(bn.numBatchesTracked(), is(1L));
    }

    @Test
    void agreesWithBatchNorm1dOnTheSameValuesSeenAsNCL() {
        RandomGenerator rng = Tensor.rng(TestSeeds.of(21));
        Tensor x = Tensor.randn(rng, 0.5f, 2f, 3, 4, 2, 5);
        Tensor g = Tensor.randn(rng, 0f, 1f, 3, 4, 2, 5);
        BatchNorm2d bn2 = new BatchNorm2d(4);
        BatchNorm1d bn1 = new BatchNorm1d(4);
        Tensor y2 = bn2.forward(x);
        Tensor dx2 = bn2.backward(g);
        assertThat(bn1.forward(x.reshape(3, 4, 10)).reshape(3, 4, 2, 5), equalTo(y2));
        assertThat(bn1.backward(g.reshape(3, 4, 10)).reshape(3, 4, 2, 5), equalTo(dx2));
        assertThat(bn1.runningVar(), equalTo(bn2.runningVar()));
    }

    @Test
    void oneValuePerChannelIsAnErrorInTrainingOnly() {
        BatchNorm2d bn = new BatchNorm2d(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bn.forward(Tensor.ones(1, 3, 1, 1)));
        assertThat(e.getMessage(), containsString("more than 1 value per channel when training, got input size [1, 3, 1, 1]"));
        bn.forward(Tensor.ones(1, 3, 2, 1)); // one sample with two pixels is enough
        bn.eval();
        assertThat(bn.forward(Tensor.ones(1, 3, 1, 1)).shape(), equalTo(new int[] {1, 3, 1, 1}));
    }

    @Test
    void wrongShapesNameTheExpectedShapeAndTheFix() {
        BatchNorm2d bn = new BatchNorm2d(3);
        assertThat(assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.ones(3, 8, 8))).getMessage(),
                containsString("expects input [N, 3, H, W], got [3, 8, 8]; add a batch dimension: x.reshape(1, 3, 8, 8)"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.ones(8, 3))).getMessage(),
                containsString("use BatchNorm1d"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.ones(2, 4, 8, 8))).getMessage(),
                containsString("dimension 1 must be the 3 channels"));
    }

    @Test
    void stateHasPyTorchNamesAndRepr() {
        BatchNorm2d bn = new BatchNorm2d(16, 1e-3, 0.01, true, true);
        assertThat(bn.stateDict().keySet(),
                contains("weight", "bias", "running_mean", "running_var", "num_batches_tracked"));
        assertThat(bn.toString(), is("BatchNorm2d(16, eps=0.001, momentum=0.01, affine=true, track_running_stats=true)"));
    }

    @Test
    void backwardMatchesNumericalGradientInTrainMode() {
        GradCheckSeeds.forCase(21).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            BatchNorm2d bn = randomBatchNorm(rng);
            BatchNorm1dTest.assertGradCheckPasses("BatchNorm2d train", seed, bn, randomInput(rng, bn.numFeatures()));
        });
    }

    @Test
    void backwardMatchesNumericalGradientInEvalMode() {
        GradCheckSeeds.forCase(22).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            BatchNorm2d bn = randomBatchNorm(rng);
            BatchNorm1dTest.randomiseRunningStats(bn, rng);
            bn.eval();
            BatchNorm1dTest.assertGradCheckPasses("BatchNorm2d eval", seed, bn, randomInput(rng, bn.numFeatures()));
        });
    }

    /** BatchNorm2d(C), C in 2..4, with random affine parameters as {@link BatchNorm1dTest#randomBatchNorm}. */
    private static BatchNorm2d randomBatchNorm(RandomGenerator rng) {
        BatchNorm2d bn = new BatchNorm2d(2 + rng.nextInt(3));
        BatchNorm1dTest.randomiseAffine(bn, rng);
        return bn;
    }

    /** {@code [N, C, H, W]} with N in 1..3, H and W in 2..4 (so at least 4 values per channel), values ~ N(-1, 1.5^2). */
    private static Tensor randomInput(RandomGenerator rng, int c) {
        return Tensor.randn(rng, -1f, 1.5f, 1 + rng.nextInt(3), c, 2 + rng.nextInt(3), 2 + rng.nextInt(3));
    }
}
