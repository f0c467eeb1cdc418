package nnlab.nn;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.nn.layers.Linear;
import nnlab.nn.planted.LinearBiasGradNotSummed;
import nnlab.nn.planted.LinearWithTransposedWeightGrad;
import nnlab.nn.planted.LinearWithoutBiasGrad;
import nnlab.testing.GradCheckSeeds;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** GradCheck passes correct layers (see the layer tests) and must fail each planted bug, on every seed. */
class GradCheckTest {

    @Test
    void failsWhenTheBiasGradientIsMissing() {
        GradCheckSeeds.forCase(11).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            Module buggy = new LinearWithoutBiasGrad(2 + rng.nextInt(5), 1 + rng.nextInt(5), seed);
            GradCheckResult r = GradCheck.checkModule(buggy, Tensor.randn(rng, 0f, 1f, 1 + rng.nextInt(4), ((Linear) buggy).inFeatures()), seed);
            assertThat(r.passed(), is(false));
            assertThat(r.worst().name(), is("bias"));
            assertThat(r.message(), containsString("left this gradient at 0"));
        });
    }

    @Test
    void failsWhenTheBiasGradientIsNotSummedOverTheBatch() {
        GradCheckSeeds.forCase(12).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            LinearBiasGradNotSummed buggy = new LinearBiasGradNotSummed(3, 4, seed);
            GradCheckResult r = GradCheck.checkModule(buggy, Tensor.randn(rng, 0f, 1f, 2 + rng.nextInt(6), 3), seed);
            assertThat(r.passed(), is(false));
            assertThat(r.worst().name(), is("bias"));
        });
    }

    @Test
    void failsWhenTheWeightGradientIsTransposed() {
        GradCheckSeeds.forCase(13).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            // at least 3 features and 2 samples: with 2 features and 1 sample, x^T dY is nearly symmetric (x almost
            // parallel to dY) about once in a few thousand seeds, and then the transpose is the right answer
            int features = 3 + rng.nextInt(6);
            LinearWithTransposedWeightGrad buggy = new LinearWithTransposedWeightGrad(features, seed);
            GradCheckResult r = GradCheck.checkModule(buggy, Tensor.randn(rng, 0f, 1f, 2 + rng.nextInt(4), features), seed);
            assertThat(r.passed(), is(false));
            assertThat(r.worst().name(), is("weight"));
        });
    }

    @Test
    void messageNamesTheTensorTheElementAndBothValues() {
        GradCheckResult r = GradCheck.checkModule(new LinearWithoutBiasGrad(3, 2, 7), Tensor.ones(2, 3), 7);
        AssertionError e = assertThrows(AssertionError.class, r::assertPassed);
        assertThat(e.getMessage(), containsString("GradCheck FAILED for LinearWithoutBiasGrad(in_features=3"));
        assertThat(e.getMessage(), containsString("FAIL bias[2]: worst at ["));
        assertThat(e.getMessage(), containsString("analytic 0"));
        assertThat(e.getMessage(), containsString("ok   input[2, 3]"));
    }

    @Test
    void leavesInputsAndParametersAsTheyWere() {
        Linear linear = new Linear(4, 3, true, Tensor.rng(5));
        Tensor before = linear.weight().value().copy();
        Tensor x = Tensor.randn(Tensor.rng(6), 0f, 1f, 2, 4);
        Tensor xBefore = x.copy();
        GradCheck.checkModule(linear, x, 1).assertPassed();
        assertThat(linear.weight().value(), is(before));
        assertThat(x, is(xBefore));
    }

    @Test
    void kinkFreeInputIsDistinctAndAwayFromZero() {
        Tensor x = GradCheck.kinkFreeInput(Tensor.rng(3), 7, 9);
        float[] v = x.toArray();
        java.util.Arrays.sort(v);
        double gap = 10 * GradCheck.DEFAULT_STEP;
        for (int i = 1; i < v.length; i++) {
            assertThat(v[i] - v[i - 1] >= gap * 0.999, is(true));
        }
        for (float f : v) {
            assertThat(Math.abs(f) >= gap / 2 * 0.999, is(true));
        }
    }
}
