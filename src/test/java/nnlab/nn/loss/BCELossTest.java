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

class BCELossTest {

    private static final double VALUE_TOL = 1e-6;

    @ParameterizedTest(name = "{0} weight={1} softTargets={2}")
    @CsvSource({"MEAN, false, false", "SUM, false, false", "MEAN, true, false", "SUM, true, true", "MEAN, false, true"})
    void backwardMatchesNumericalGradient(Reduction reduction, boolean weighted, boolean soft) {
        String name = "BCE " + reduction + (weighted ? " weight" : "") + (soft ? " soft" : "");
        GradCheckSeeds.forCase(400 + reduction.ordinal() + (weighted ? 2 : 0) + (soft ? 4 : 0)).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int n = 1 + rng.nextInt(6);
            int c = 1 + rng.nextInt(5);
            Tensor p = Tensor.uniform(rng, 0.05f, 0.95f, n, c);
            Tensor y = soft ? Tensor.rand(rng, n, c) : LossGradChecks.binaryTargets(rng, n, c);
            BCELoss loss = new BCELoss(reduction);
            if (weighted) {
                loss = loss.withWeight(Tensor.uniform(rng, 0.2f, 2f, c));
            }
            LossGradChecks.check(name, loss, p, y).assertPassed();
        });
    }

    @Test
    void halfProbabilityCostsLn2() {
        // -[1 * ln 0.5] = ln 2 for target 1 and -[(1 - 0) ln(1 - 0.5)] = ln 2 for target 0
        BCELoss loss = new BCELoss();
        assertThat((double) loss.forward(Tensor.vector(0.5f, 0.5f), Tensor.vector(1, 0)), closeTo(Math.log(2), VALUE_TOL));
        // grad = (x - y) / ((1 - x) x) / numel = (±0.5 / 0.25) / 2 = [-1, 1]
        Tensor g = loss.backward();
        assertThat((double) g.get(0), closeTo(-1, VALUE_TOL));
        assertThat((double) g.get(1), closeTo(1, VALUE_TOL));
    }

    @Test
    void logIsClampedAtMinus100LikePyTorch() {
        // x = 0 with target 1: -max(log 0, -100) = 100; x = 1 with target 1 costs 0
        BCELoss sum = new BCELoss(Reduction.SUM);
        assertThat((double) sum.forward(Tensor.vector(0f, 1f), Tensor.vector(1, 1)), closeTo(100, VALUE_TOL * 100));
        // gradient at x = 0, y = 1: (0 - 1) / max(0, 1e-12) = -1e12 (PyTorch's value)
        assertThat((double) sum.backward().get(0), closeTo(-1e12, 1e6));
    }

    @Test
    void weightScalesEachClass() {
        // weight [1, 3] on [1, 2] probabilities 0.5: ln 2 + 3 ln 2, MEAN over 2 elements = 2 ln 2
        BCELoss loss = new BCELoss().withWeight(Tensor.vector(1, 3));
        assertThat((double) loss.forward(Tensor.of(new float[] {0.5f, 0.5f}, 1, 2), Tensor.of(new float[] {1, 0}, 1, 2)),
                closeTo(2 * Math.log(2), VALUE_TOL));
    }

    @Test
    void inputOutsideZeroOneIsRejectedWithSigmoidHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BCELoss().forward(Tensor.vector(0.5f, 1.5f), Tensor.vector(1, 0)));
        assertThat(e.getMessage(), containsString("input[1] (flat) = 1.5 is not a probability"));
        assertThat(e.getMessage(), containsString("BCEWithLogitsLoss"));
    }

    @Test
    void weightThatDoesNotBroadcastIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BCELoss().withWeight(Tensor.ones(3)).forward(Tensor.full(0.5f, 2, 4), Tensor.zeros(2, 4)));
        assertThat(e.getMessage(), containsString("weight of shape [3] does not broadcast to input [2, 4]"));
    }
}
