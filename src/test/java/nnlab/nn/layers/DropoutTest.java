package nnlab.nn.layers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.nn.GradCheck;
import nnlab.nn.Sequential;
import nnlab.tensor.Generators;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckLog;
import nnlab.testing.GradCheckSeeds;
import nnlab.testing.TestSeeds;
import nnlab.testing.Tolerances;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropoutTest {

    /** Elements per statistical test: large enough that 6 standard errors are small next to a real bug. */
    private static final int SAMPLE = 100_000;

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
    void rejectsProbabilityOutsideZeroToOne(double p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(p));
        assertThat(e.getMessage(), containsString("dropout probability has to be between 0 and 1, but got " + p));
    }

    @Test
    void rejectsNullGenerator() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dropout(0.5, (RandomGenerator) null));
        assertThat(e.getMessage(), containsString("Tensor.rng(seed)"));
    }

    @Test
    void defaultsAndReprAreThoseOfPyTorch() {
        assertThat(new Dropout().p(), is(0.5));
        assertThat(new Dropout().toString(), is("Dropout(p=0.5)"));
        assertThat(new Dropout(0.25, 1L).toString(), is("Dropout(p=0.25)"));
    }

    @Test
    void evalModeIsTheIdentityForwardAndBackward() {
        Dropout d = new Dropout(0.5, TestSeeds.of(1));
        d.eval();
        Tensor x = Tensor.randn(Tensor.rng(TestSeeds.of(2)), 0f, 1f, 3, 4);
        Tensor g = Tensor.randn(Tensor.rng(TestSeeds.of(3)), 0f, 1f, 3, 4);
        assertThat(d.forward(x), sameInstance(x));
        assertThat(d.backward(g), sameInstance(g));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9})
    void trainingKeepsAFractionOneMinusPWithinTheBinomialBound(double p) {
        Tensor y = new Dropout(p, TestSeeds.of(4)).forward(Tensor.ones(SAMPLE));
        long kept = 0;
        for (float v : y.data()) {
            kept += v != 0f ? 1 : 0;
        }
        // kept ~ Binomial(n, 1-p): mean n(1-p), standard deviation sqrt(n p (1-p))
        double bound = Tolerances.SAMPLE_STANDARD_ERRORS * Math.sqrt(SAMPLE * p * (1 - p));
        assertThat(Math.abs(kept - SAMPLE * (1 - p)), lessThanOrEqualTo(bound));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9})
    void trainingPreservesTheExpectation(double p) {
        assertThat(DropoutStatistics.meanOutputOnOnesMinusOne(new Dropout(p, TestSeeds.of(5)), SAMPLE),
                lessThanOrEqualTo(DropoutStatistics.expectationBound(p, SAMPLE)));
    }

    @Test
    void keptElementsAreScaledByOneOverOneMinusP() {
        double p = 0.3;
        Tensor x = Tensor.randn(Tensor.rng(TestSeeds.of(6)), 0f, 1f, 50, 20);
        Tensor y = new Dropout(p, TestSeeds.of(7)).forward(x);
        float scale = (float) (1 / (1 - p));
        for (int i = 0; i < x.numel(); i++) {
            float v = y.data()[i];
            assertThat("element " + i, v == 0f || v == x.data()[i] * scale, is(true));
        }
    }

    @Test
    void backwardUsesTheMaskOfTheForward() {
        Dropout d = new Dropout(0.5, TestSeeds.of(8));
        Tensor y = d.forward(Tensor.ones(10, 10)); // y = scaled mask
        Tensor g = Tensor.randn(Tensor.rng(TestSeeds.of(9)), 0f, 1f, 10, 10);
        assertThat(d.backward(g), equalTo(g.mul(y)));
    }

    @Test
    void sameSeedGivesSameMasksAndTheGeneratorAdvances() {
        Dropout a = new Dropout(0.5, 42L);
        Dropout b = new Dropout(0.5, Tensor.rng(42L));
        Tensor x = Tensor.ones(8, 16);
        Tensor first = a.forward(x);
        assertThat(b.forward(x), equalTo(first));
        Tensor second = a.forward(x);
        assertThat(b.forward(x), equalTo(second));
        assertThat(second, not(equalTo(first)));
        assertThat(new Dropout(0.5, 43L).forward(x), not(equalTo(first)));
    }

    @Test
    void reseedRestartsTheMasks() {
        Dropout d = new Dropout(0.5, 1L);
        Tensor x = Tensor.ones(8, 16);
        d.reseed(7);
        Tensor first = d.forward(x);
        d.forward(x);
        d.reseed(7);
        assertThat(d.forward(x), equalTo(first));
        assertThat(first, equalTo(new Dropout(0.5, 7L).forward(x)));
    }

    @Test
    void defaultGeneratorFollowsManualSeed() {
        try {
            Tensor x = Tensor.ones(8, 16);
            Dropout d = new Dropout(0.5);
            Generators.manualSeed(11);
            Tensor first = d.forward(x);
            Generators.manualSeed(11);
            assertThat(d.forward(x), equalTo(first));
        } finally {
            Generators.manualSeed(0);
        }
    }

    @Test
    void probabilityOneDropsEverythingWithoutNaN() {
        Dropout d = new Dropout(1.0, TestSeeds.of(10));
        Tensor x = Tensor.randn(Tensor.rng(TestSeeds.of(11)), 0f, 1f, 4, 5);
        // abs(): a negative input times the zero mask is -0, as in PyTorch
        assertThat(d.forward(x).abs(), equalTo(Tensor.zeros(4, 5)));
        assertThat(d.backward(Tensor.ones(4, 5)).abs(), equalTo(Tensor.zeros(4, 5)));
    }

    @Test
    void probabilityZeroIsTheIdentityInTraining() {
        Dropout d = new Dropout(0.0, TestSeeds.of(12));
        Tensor x = Tensor.randn(Tensor.rng(TestSeeds.of(13)), 0f, 1f, 4, 5);
        assertThat(d.forward(x), equalTo(x));
        Tensor g = Tensor.randn(Tensor.rng(TestSeeds.of(14)), 0f, 1f, 4, 5);
        assertThat(d.backward(g), equalTo(g));
    }

    @Test
    void backwardMatchesNumericalGradientInTrainMode() {
        // GradCheck reseeds the Dropout before every forward, so each evaluation sees the same mask; the layer is
        // then linear in x and the default tolerance holds with a wide margin.
        GradCheckSeeds.forCase(1).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            double p = 0.1 + 0.8 * rng.nextDouble();
            Tensor x = Tensor.randn(rng, 0f, 1f, 1 + rng.nextInt(6), 1 + rng.nextInt(10));
            GradCheckLog.assertPassed("Dropout train", GradCheck.checkModule(new Dropout(p, seed), x, seed));
        });
    }

    @Test
    void backwardMatchesNumericalGradientInEvalMode() {
        GradCheckSeeds.forCase(2).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            Tensor x = Tensor.randn(rng, 0f, 1f, 1 + rng.nextInt(6), 1 + rng.nextInt(10));
            Dropout d = new Dropout(0.5, seed);
            d.eval();
            GradCheckLog.assertPassed("Dropout eval", GradCheck.checkModule(d, x, seed));
        });
    }

    @Test
    void stackInsideSequentialPassesGradCheckInBothModes() {
        // Linear -> BatchNorm1d -> Tanh -> Dropout -> Linear -> LogSoftmax: GradCheck reseeds the nested Dropout
        // before each forward; BatchNorm's step and tolerance apply to the whole stack. The first Linear has no bias,
        // as usual before BatchNorm: in train mode BatchNorm subtracts the batch mean, so that bias has gradient
        // exactly 0, and GradCheck would compare float rounding (1e-7) with 0 and report a relative error of 1.
        GradCheckSeeds.forCase(3).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int hidden = 3 + rng.nextInt(4);
            Sequential net = new Sequential(new Linear(5, hidden, false, rng), new BatchNorm1d(hidden), new Tanh(),
                    new Dropout(0.3, seed), new Linear(hidden, 4, true, rng), new LogSoftmax(1));
            Tensor x = Tensor.randn(rng, 0f, 1f, 4 + rng.nextInt(5), 5);
            for (boolean training : new boolean[] {true, false}) {
                net.train(training);
                GradCheckLog.assertPassed("Sequential with BatchNorm1d, Dropout " + (training ? "train" : "eval"),
                        GradCheck.with().seed(seed)
                                .tolerance(BatchNorm1dTest.BN_GRADCHECK_TOLERANCE).module(net, x));
            }
        });
    }
}
