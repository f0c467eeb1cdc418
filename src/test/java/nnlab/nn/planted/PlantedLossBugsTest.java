package nnlab.nn.planted;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
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

    /** Logits {@code [N, C]} drawn from {@code N(mean, 2^2)}, with {@code N >= minN}, and class targets. */
    private record Batch(Tensor logits, Tensor target) {

        static Batch random(RandomGenerator rng, int minN, float mean) {
            int n = minN + rng.nextInt(9 - minN);
            int c = 2 + rng.nextInt(7);
            Tensor logits = Tensor.randn(rng, mean, 2f, n, c);
            float[] t = new float[n];
            for (int i = 0; i < n; i++) {
                t[i] = rng.nextInt(c);
            }
            return new Batch(logits, Tensor.vector(t));
        }

        /** Checks {@code planted} on this batch, asserts that it fails and that the real loss passes. */
        GradCheckResult plantedFailsWhereRealPasses(Loss planted) {
            GradCheckResult r = GradCheck.checkLoss(planted, logits, target);
            assertThat(r.message(), r.passed(), is(false));
            GradCheck.checkLoss(new CrossEntropyLoss(), logits, target).assertPassed();
            return r;
        }
    }

    @Test
    void missingMaxSubtractionFailsOnLargeLogits() {
        GradCheckSeeds.forCase(900).forEach(seed -> {
            Batch batch = Batch.random(Tensor.rng(seed), 1, 1000f);
            GradCheckResult planted = batch.plantedFailsWhereRealPasses(new CrossEntropyWithoutMaxSubtraction());
            // exp(1000) overflows: the gradient is NaN, which counts as an infinite error
            assertThat(planted.worst().relativeError(), is(Double.POSITIVE_INFINITY));
        });
    }

    @Test
    void missingMaxSubtractionIsInvisibleOnSmallLogits() {
        // the reason for the large-logit case: on ordinary logits the buggy loss is correct
        GradCheckSeeds.forCase(901).forEach(seed -> {
            Batch batch = Batch.random(Tensor.rng(seed), 1, 0f);
            GradCheck.checkLoss(new CrossEntropyWithoutMaxSubtraction(), batch.logits(), batch.target()).assertPassed();
        });
    }

    @Test
    void meanGradientNotDividedByNFails() {
        GradCheckSeeds.forCase(902).forEach(seed -> {
            Batch batch = Batch.random(Tensor.rng(seed), 2, 0f);
            GradCheckResult planted = batch.plantedFailsWhereRealPasses(new CrossEntropyMeanGradNotDividedByN());
            // analytic = N · numeric everywhere: relative error 1 - 1/N >= 0.5 where the gradient is large
            assertThat(planted.message(), planted.worst().relativeError(), greaterThan(0.3));
        });
    }
}
