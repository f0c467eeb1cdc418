package nnlab.nn.planted;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.nn.loss.CrossEntropyLoss;
import nnlab.nn.loss.Loss;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The loss gradient checks fail on planted bugs (and pass on the real loss, on the same data). */
class PlantedLossBugsTest {

    /** The step the loss tests use (nnlab.nn.loss.LossGradChecks.STEP; there it is explained). */
    private static final double STEP = 0x1.0p-3;

    private static GradCheckResult check(Loss loss, Tensor logits, Tensor target, long seed) {
        return GradCheck.with().seed(seed).step(STEP).loss(loss, logits, target);
    }

    private static Tensor targets(RandomGenerator rng, int n, int c) {
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextInt(c);
        }
        return Tensor.vector(t);
    }

    @Test
    void missingMaxSubtractionFailsOnLargeLogits() {
        GradCheckSeeds.forCase(900).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int n = 1 + rng.nextInt(8);
            int c = 2 + rng.nextInt(7);
            Tensor logits = Tensor.randn(rng, 1000f, 2f, n, c);
            Tensor target = targets(rng, n, c);
            GradCheckResult planted = check(new CrossEntropyWithoutMaxSubtraction(), logits, target, seed);
            assertThat(planted.message(), planted.passed(), is(false));
            // exp(1000) overflows: the gradient is NaN, which counts as an infinite error
            assertThat(planted.worst().relativeError(), is(Double.POSITIVE_INFINITY));
            check(new CrossEntropyLoss(), logits, target, seed).assertPassed();
        });
    }

    @Test
    void missingMaxSubtractionIsInvisibleOnSmallLogits() {
        // the reason for the large-logit case: on ordinary logits the buggy loss is correct
        GradCheckSeeds.forCase(901).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int n = 1 + rng.nextInt(8);
            int c = 2 + rng.nextInt(7);
            check(new CrossEntropyWithoutMaxSubtraction(), Tensor.randn(rng, 0f, 2f, n, c), targets(rng, n, c), seed)
                    .assertPassed();
        });
    }

    @Test
    void meanGradientNotDividedByNFails() {
        GradCheckSeeds.forCase(902).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int n = 2 + rng.nextInt(7);
            int c = 2 + rng.nextInt(7);
            Tensor logits = Tensor.randn(rng, 0f, 2f, n, c);
            Tensor target = targets(rng, n, c);
            GradCheckResult planted = check(new CrossEntropyMeanGradNotDividedByN(), logits, target, seed);
            assertThat(planted.message(), planted.passed(), is(false));
            // analytic = N · numeric everywhere: relative error 1 - 1/N (up to the check's rounding noise)
            assertThat(planted.message(), planted.worst().relativeError(), closeTo(1 - 1.0 / n, 0.05));
            check(new CrossEntropyLoss(), logits, target, seed).assertPassed();
        });
    }
}
