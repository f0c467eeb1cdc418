package nnlab.nn.planted;

import static nnlab.tensor.TensorMatchers.closeTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.nn.Module;
import nnlab.nn.layers.BatchNorm1d;
import nnlab.nn.layers.BatchNormTestAccess;
import nnlab.nn.layers.Dropout;
import nnlab.nn.layers.DropoutStatistics;
import nnlab.nn.layers.Softmax;
import nnlab.tensor.Tensor;
import nnlab.testing.ParityFixture;
import nnlab.testing.TestSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The checks must fail on planted bugs: each test runs the same check on the correct layer (which passes) and on a
 * planted copy (which must fail), on the same input and seed. Tolerances and steps are those of the layer tests.
 */
class PlantedNormBugsTest {

    private static final double BN_TOLERANCE = 2e-2;
    private static final int SAMPLE = 100_000;

    // ------------------------------------------------------------------ Dropout

    @Test
    void gradCheckCatchesDropoutThatForgetsTheScaleInForward() {
        long seed = TestSeeds.of(101);
        Tensor x = Tensor.randn(Tensor.rng(seed), 0f, 1f, 4, 8);
        GradCheck.checkModule(new Dropout(0.5, seed), x, seed).assertPassed();
        GradCheckResult planted = GradCheck.checkModule(new DropoutWithoutScaling(0.5, seed), x, seed);
        assertThat(planted.message(), planted.passed(), is(false));
        // analytic = numeric / (1 - p) = 2x numeric
        assertThat(planted.message(), containsString("analytic is 2x numeric"));
    }

    @Test
    void expectationTestCatchesDropoutWithoutScalingThatGradCheckCannotSee() {
        double p = 0.5;
        long seed = TestSeeds.of(102);
        double bound = DropoutStatistics.expectationBound(p, SAMPLE);
        assertThat(DropoutStatistics.meanOutputOnOnesMinusOne(new Dropout(p, seed), SAMPLE), lessThanOrEqualTo(bound));
        assertThat(DropoutStatistics.meanOutputOnOnesMinusOne(new DropoutWithoutScaling(p, seed), SAMPLE),
                greaterThan(bound));
        assertThat(DropoutStatistics.meanOutputOnOnesMinusOne(new DropoutWithoutScalingAnywhere(p, seed), SAMPLE),
                greaterThan(bound));
        // forward and backward agree on the wrong function, so the gradient check passes: it cannot see this bug
        Tensor x = Tensor.randn(Tensor.rng(seed), 0f, 1f, 4, 8);
        GradCheck.checkModule(new DropoutWithoutScalingAnywhere(p, seed), x, seed).assertPassed();
    }

    // ------------------------------------------------------------------ BatchNorm

    @Test
    void evalGradCheckCatchesBatchNormUsingBatchStatisticsInEval() {
        long seed = TestSeeds.of(103);
        RandomGenerator rng = Tensor.rng(seed);
        Tensor x = Tensor.randn(rng, 1f, 2f, 6, 3);
        BatchNorm1d correct = withRunningStats(new BatchNorm1d(3), seed);
        BatchNorm1d planted = withRunningStats(new BatchNormUsingBatchStatsInEval(3), seed);
        correct.eval();
        planted.eval();
        check(correct, x, seed).assertPassed();
        GradCheckResult result = check(planted, x, seed);
        assertThat(result.message(), result.passed(), is(false));
    }

    @Test
    void trainGradCheckAloneCannotSeeTheEvalBug() {
        long seed = TestSeeds.of(104);
        Tensor x = Tensor.randn(Tensor.rng(seed), 1f, 2f, 6, 3);
        check(new BatchNormUsingBatchStatsInEval(3), x, seed).assertPassed();
    }

    @Test
    void evalOutputOfASampleMustNotDependOnTheRestOfTheBatch() {
        long seed = TestSeeds.of(105);
        RandomGenerator rng = Tensor.rng(seed);
        Tensor a = Tensor.randn(rng, 1f, 2f, 4, 3);
        Tensor b = a.copy();
        for (int k = 3; k < 12; k++) { // same first sample, different others
            b.data()[k] = (float) rng.nextGaussian() * 5;
        }
        BatchNorm1d correct = withRunningStats(new BatchNorm1d(3), seed);
        correct.eval();
        assertThat(correct.forward(b).slice(0, 1), closeTo(correct.forward(a).slice(0, 1), 0, 0));
        BatchNorm1d planted = withRunningStats(new BatchNormUsingBatchStatsInEval(3), seed);
        planted.eval();
        assertThat(planted.forward(b).slice(0, 1), not(closeTo(planted.forward(a).slice(0, 1), 1e-3, 1e-3)));
    }

    @Test
    void parityTestCatchesBatchNormUsingBatchStatisticsInEval() {
        // PyTorch's eval output with loaded running statistics (parity/norm/batchnorm1d_2d_eval)
        ParityFixture f = ParityFixture.load("norm", "batchnorm1d_2d_eval");
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("weight", f.tensor("param.weight"));
        state.put("bias", f.tensor("param.bias"));
        for (String key : new String[] {"running_mean", "running_var", "num_batches_tracked"}) {
            state.put(key, f.tensor("buffer." + key));
        }
        BatchNorm1d correct = new BatchNorm1d(4);
        BatchNorm1d planted = new BatchNormUsingBatchStatsInEval(4);
        for (BatchNorm1d bn : List.of(correct, planted)) {
            bn.loadStateDict(state);
            bn.eval();
        }
        f.assertClose("output", correct.forward(f.tensor("input")), 1e-4);
        Tensor wrong = planted.forward(f.tensor("input"));
        assertThrows(AssertionError.class, () -> f.assertClose("output", wrong, 1e-4));
    }

    private static BatchNorm1d withRunningStats(BatchNorm1d bn, long seed) {
        BatchNormTestAccess.randomise(bn, Tensor.rng(seed + 1));
        return bn;
    }

    private static GradCheckResult check(Module m, Tensor x, long seed) {
        return GradCheck.with().seed(seed).tolerance(BN_TOLERANCE).module(m, x);
    }

    // ------------------------------------------------------------------ Softmax

    @Test
    void gradCheckCatchesSoftmaxWithoutMaxSubtractionOnLargeLogits() {
        long seed = TestSeeds.of(106);
        Tensor logits = largeLogits(Tensor.rng(seed), 3, 5);
        GradCheck.with().seed(seed).module(new Softmax(1), logits).assertPassed();
        GradCheckResult planted = GradCheck.with().seed(seed)
                .module(new SoftmaxWithoutMaxSubtraction(), logits);
        assertThat(planted.message(), planted.passed(), is(false));
        assertThat(Float.isNaN(new SoftmaxWithoutMaxSubtraction().forward(logits).get(2, 0)), is(true));
    }

    @Test
    void smallLogitsHideTheMissingMaxSubtraction() {
        // why the large-logit case is needed: on small logits the planted softmax is the same function
        long seed = TestSeeds.of(107);
        Tensor logits = Tensor.randn(Tensor.rng(seed), 0f, 1f, 3, 5);
        GradCheck.with().seed(seed).module(new SoftmaxWithoutMaxSubtraction(), logits)
                .assertPassed();
    }

    /** Rows with offsets 100, 550, 1000 (the last two overflow exp) and a N(0, 1) spread. */
    private static Tensor largeLogits(RandomGenerator rng, int n, int c) {
        Tensor x = Tensor.randn(rng, 0f, 1f, n, c);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                x.data()[i * c + j] += 100f + 450f * i;
            }
        }
        return x;
    }
}
