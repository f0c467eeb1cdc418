package nnlab.nn.loss;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NLLLossTest {

    private static final double VALUE_TOL = 1e-6;

    @ParameterizedTest(name = "{0} weights={1}")
    @CsvSource({"MEAN, false", "SUM, false", "MEAN, true", "SUM, true"})
    void backwardMatchesNumericalGradient(Reduction reduction, boolean weighted) {
        String name = "NLL " + reduction + (weighted ? " weights" : "");
        GradCheckSeeds.forCase(200 + (reduction == Reduction.SUM ? 1 : 0) + (weighted ? 2 : 0)).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int n = 1 + rng.nextInt(8);
            int c = 2 + rng.nextInt(7);
            Tensor logProbs = Tensor.uniform(rng, -5f, 0f, n, c);
            Tensor target = LossGradChecks.classTargets(rng, n, c);
            NLLLoss loss = new NLLLoss(reduction);
            if (weighted) {
                loss = loss.withWeights(Tensor.uniform(rng, 0.2f, 2f, c));
            }
            LossGradChecks.check(name, loss, logProbs, target).assertPassed();
        });
    }

    @Test
    void picksMinusTheTargetLogProbability() {
        // rows [-1, -2, -3] target 2 and [-4, -5, -6] target 0: MEAN = (3 + 4) / 2, SUM = 7
        Tensor x = Tensor.of(new float[] {-1, -2, -3, -4, -5, -6}, 2, 3);
        Tensor t = Tensor.vector(2, 0);
        assertThat((double) new NLLLoss().forward(x, t), closeTo(3.5, VALUE_TOL));
        NLLLoss sum = new NLLLoss(Reduction.SUM);
        assertThat((double) sum.forward(x, t), closeTo(7, VALUE_TOL));
        assertThat(sum.backward(), is(Tensor.of(new float[] {0, 0, -1, -1, 0, 0}, 2, 3)));
    }

    @Test
    void weightedMeanDividesBySummedTargetWeights() {
        // weights [1, 1, 3]: (3 * 3 + 1 * 4) / (3 + 1) = 13/4; grad at (0, 2) = -3/4
        Tensor x = Tensor.of(new float[] {-1, -2, -3, -4, -5, -6}, 2, 3);
        NLLLoss loss = new NLLLoss().withWeights(Tensor.vector(1, 1, 3));
        assertThat((double) loss.forward(x, Tensor.vector(2, 0)), closeTo(13.0 / 4, VALUE_TOL));
        assertThat((double) loss.backward().get(0, 2), closeTo(-0.75, VALUE_TOL));
    }

    @Test
    void ofLogSoftmaxEqualsCrossEntropy() {
        // CrossEntropyLoss is NLLLoss after log-softmax (PyTorch's definition); log-softmax computed here in double
        RandomGenerator rng = Tensor.rng(11);
        Tensor logits = Tensor.randn(rng, 0, 2, 6, 5);
        Tensor target = LossGradChecks.classTargets(rng, 6, 5);
        Tensor w = Tensor.uniform(rng, 0.5f, 2f, 5);
        Tensor logProbs = Tensor.zeros(6, 5);
        for (int i = 0; i < 6; i++) {
            double lse = 0;
            for (int k = 0; k < 5; k++) {
                lse += Math.exp(logits.get(i, k));
            }
            for (int k = 0; k < 5; k++) {
                logProbs.set((float) (logits.get(i, k) - Math.log(lse)), i, k);
            }
        }
        float nll = new NLLLoss().withWeights(w).forward(logProbs, target);
        float ce = new CrossEntropyLoss().withWeights(w).forward(logits, target);
        assertThat((double) nll, closeTo(ce, 1e-5 * Math.abs(ce)));
    }

    @Test
    void wrongShapesAreReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NLLLoss().forward(Tensor.zeros(4, 3), Tensor.zeros(4, 1)));
        assertThat(e.getMessage(), containsString("NLLLoss expects log-probabilities [N, C] and targets [N]; "
                + "got log-probabilities [4, 3] and targets [4, 1]; reshape the targets to [N]"));
    }

    @Test
    void outOfRangeTargetIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NLLLoss().forward(Tensor.zeros(2, 3), Tensor.vector(3, 0)));
        assertThat(e.getMessage(), containsString("NLLLoss: target[0] = 3 is out of range for C = 3 classes"));
    }
}
