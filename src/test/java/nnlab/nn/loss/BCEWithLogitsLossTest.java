package nnlab.nn.loss;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BCEWithLogitsLossTest {

    private static final double VALUE_TOL = 1e-6;

    @ParameterizedTest(name = "{0} weight={1} posWeight={2} confident={3}")
    @CsvSource({
        "MEAN, false, false, false", "SUM, false, false, false", "MEAN, true, false, false",
        "MEAN, false, true, false", "SUM, true, true, false", "MEAN, true, true, true", "SUM, false, false, true",
    })
    void backwardMatchesNumericalGradient(Reduction reduction, boolean weighted, boolean positive, boolean confident) {
        String name = "BCEWithLogits " + reduction + (weighted ? " weight" : "") + (positive ? " posWeight" : "")
                + (confident ? " confident" : "");
        long caseNo = 500 + reduction.ordinal() + (weighted ? 2 : 0) + (positive ? 4 : 0) + (confident ? 8 : 0);
        GradCheckSeeds.forCase(caseNo).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int n = 1 + rng.nextInt(6);
            int c = 1 + rng.nextInt(5);
            Tensor y = LossGradChecks.binaryTargets(rng, n, c);
            Tensor x = confident ? confidentScores(rng, y) : Tensor.randn(rng, 0, 3, n, c);
            BCEWithLogitsLoss loss = new BCEWithLogitsLoss(reduction);
            if (weighted) {
                loss = loss.withWeight(Tensor.uniform(rng, 0.2f, 2f, c));
            }
            if (positive) {
                loss = loss.withPosWeight(Tensor.uniform(rng, 0.2f, 5f, c));
            }
            LossGradChecks.check(name, loss, x, y).assertPassed();
        });
    }

    /** Scores of magnitude 10 to 40 on the side of each target: loss and gradients down to {@code e^-40}. */
    private static Tensor confidentScores(RandomGenerator rng, Tensor y) {
        Tensor x = Tensor.uniform(rng, 10f, 40f, y.shape());
        for (int i = 0; i < x.numel(); i++) {
            if (y.data()[i] == 0) {
                x.data()[i] = -x.data()[i];
            }
        }
        return x;
    }

    @Test
    void zeroScoreCostsLn2() {
        // σ(0) = 1/2: ln 2 per element; grad σ(0) - y = ±1/2, divided by numel = 2
        BCEWithLogitsLoss loss = new BCEWithLogitsLoss();
        assertThat((double) loss.forward(Tensor.vector(0, 0), Tensor.vector(1, 0)), closeTo(Math.log(2), VALUE_TOL));
        Tensor g = loss.backward();
        assertThat((double) g.get(0), closeTo(-0.25, VALUE_TOL));
        assertThat((double) g.get(1), closeTo(0.25, VALUE_TOL));
    }

    @Test
    void hugeScoresStayFinite() {
        // x = 1000, y = 0: max(x, 0) - 0 + log(1 + e^-1000) = 1000; x = -1000, y = 1: 0 + 1000 + ~0 = 1000
        BCEWithLogitsLoss sum = new BCEWithLogitsLoss(Reduction.SUM);
        assertThat((double) sum.forward(Tensor.vector(1000, -1000), Tensor.vector(0, 1)), closeTo(2000, 1e-3));
        Tensor g = sum.backward();
        assertThat((double) g.get(0), closeTo(1, VALUE_TOL));
        assertThat((double) g.get(1), closeTo(-1, VALUE_TOL));
    }

    @Test
    void confidentCorrectScoreKeepsItsTinyLoss() {
        // x = 30, y = 1: -log σ(30) = log(1 + e^-30) = 9.357622968839737e-14 (Python math.log1p(math.exp(-30)));
        // the form max(x, 0) - x y + log(1 + e^-|x|) computes 30 - 30 + 9.36e-14 and keeps about two digits
        float value = new BCEWithLogitsLoss().forward(Tensor.vector(30), Tensor.vector(1));
        assertThat((double) value, closeTo(9.357622968839737e-14, 1e-20));
    }

    @Test
    void matchesBceOnSigmoid() {
        // the definition: BCEWithLogits(x, y) = BCE(σ(x), y); σ computed in double here
        RandomGenerator rng = Tensor.rng(5);
        Tensor x = Tensor.randn(rng, 0, 2, 4, 3);
        Tensor y = Tensor.rand(rng, 4, 3);
        Tensor p = x.map(v -> (float) (1 / (1 + Math.exp(-v))));
        float expected = new BCELoss().forward(p, y);
        assertThat((double) new BCEWithLogitsLoss().forward(x, y), closeTo(expected, 1e-5 * expected));
    }

    @Test
    void posWeightMultipliesPositiveTerm() {
        // x = 0, y = 1, pos_weight 3: 3 · (-log σ(0)) = 3 ln 2; a negative target (y = 0) is unaffected: ln 2
        BCEWithLogitsLoss loss = new BCEWithLogitsLoss(Reduction.SUM).withPosWeight(Tensor.vector(3));
        assertThat((double) loss.forward(Tensor.of(new float[] {0, 0}, 2, 1), Tensor.of(new float[] {1, 0}, 2, 1)),
                closeTo(4 * Math.log(2), VALUE_TOL));
        // grads: (1 + 2·1)·1/2 - 3 = -1.5 and 1/2
        Tensor g = loss.backward();
        assertThat((double) g.get(0, 0), closeTo(-1.5, VALUE_TOL));
        assertThat((double) g.get(1, 0), closeTo(0.5, VALUE_TOL));
    }

    @Test
    void posWeightOfWrongLengthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BCEWithLogitsLoss().withPosWeight(Tensor.ones(2)).forward(Tensor.zeros(4, 3), Tensor.zeros(4, 3)));
        assertThat(e.getMessage(), containsString("posWeight of shape [2] does not broadcast to input [4, 3]"));
    }

    @Test
    void targetOfOtherShapeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BCEWithLogitsLoss().forward(Tensor.zeros(4, 1), Tensor.zeros(4)));
        assertThat(e.getMessage(), containsString("got input [4, 1] and target [4]"));
    }
}
