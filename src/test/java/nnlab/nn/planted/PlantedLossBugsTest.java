package nnlab.nn.planted;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.nn.loss.CrossEntropyLoss;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The loss gradient checks fail on planted bugs (and pass on the real loss, on the same data). */
class PlantedLossBugsTest {

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
            GradCheckResult planted = GradCheck.checkLoss(new CrossEntropyWithoutMaxSubtraction(), logits, target);
            assertThat(planted.message(), planted.passed(), is(false));
            // exp(1000) overflows: the gradient is NaN, which counts as an infinite error
            assertThat(planted.worst().relativeError(), is(Double.POSITIVE_INFINITY));
            GradCheck.checkLoss(new CrossEntropyLoss(), logits, target).assertPassed();
        });
    }

    @Test
    void missingMaxSubtractionIsInvisibleOnSmallLogits() {
        // the reason for the large-logit case: on ordinary logits the buggy loss is correct
        GradCheckSeeds.forCase(901).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int n = 1 + rng.nextInt(8);
            int c = 2 + rng.nextInt(7);
            GradCheck.checkLoss(new CrossEntropyWithoutMaxSubtraction(), Tensor.randn(rng, 0f, 2f, n, c), targets(rng, n, c))
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
            GradCheckResult planted = GradCheck.checkLoss(new CrossEntropyMeanGradNotDividedByN(), logits, target);
            assertThat(planted.message(), planted.passed(), is(false));
            // analytic = N · numeric everywhere: relative error 1 - 1/N >= 0.5 where the gradient is large
            assertThat(planted.message(), planted.worst().relativeError(), greaterThan(0.3));
            GradCheck.checkLoss(new CrossEntropyLoss(), logits, target).assertPassed();
        });
    }
}
