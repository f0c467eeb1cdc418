package nnlab.nn.loss;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.nn.GradCheckResult;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossEntropyLossTest {

    /** Hand-computed values are exact to double rounding; the loss returns float: a few float ulps. */
    private static final double VALUE_TOL = 1e-6;

    @ParameterizedTest(name = "{0} weights={1} smoothing={2} ignore={3} offset={4}")
    @CsvSource({
        "MEAN, false, false, false, 0",
        "SUM,  false, false, false, 0",
        "MEAN, true,  false, false, 0",
        "SUM,  true,  false, false, 0",
        "MEAN, false, true,  false, 0",
        "SUM,  false, true,  false, 0",
        "MEAN, true,  true,  false, 0",
        "SUM,  true,  true,  false, 0",
        "MEAN, true,  true,  true,  0",
        "SUM,  false, false, true,  0",
        "MEAN, false, false, false, 1000",
        "SUM,  true,  true,  false, 1000",
    })
    void backwardMatchesNumericalGradient(Reduction reduction, boolean weighted, boolean smoothed, boolean ignore,
                                          float offset) {
        String name = "CE " + reduction + (weighted ? " weights" : "") + (smoothed ? " smoothing" : "")
                + (ignore ? " ignore" : "") + (offset != 0 ? " logits+" + offset : "");
        long caseNo = 100 + (reduction == Reduction.SUM ? 1 : 0) + (weighted ? 2 : 0) + (smoothed ? 4 : 0)
                + (ignore ? 8 : 0) + (offset != 0 ? 16 : 0);
        GradCheckSeeds.forCase(caseNo).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int n = 1 + rng.nextInt(8);
            int c = 2 + rng.nextInt(7);
            Tensor logits = Tensor.randn(rng, offset, 2f, n, c);
            Tensor target = LossGradChecks.classTargets(rng, n, c);
            CrossEntropyLoss loss = new CrossEntropyLoss(reduction);
            if (weighted) {
                loss = loss.withWeights(Tensor.uniform(rng, 0.2f, 2f, c));
            }
            if (smoothed) {
                loss = loss.withLabelSmoothing(0.05 + 0.3 * rng.nextDouble());
            }
            if (ignore) {
                loss = loss.withIgnoreIndex(0); // class 0 is skipped; other rows still count
                target.data()[0] = 1;
            }
            GradCheckResult r = LossGradChecks.check(name, loss, logits, target);
            r.assertPassed();
        });
    }

    @Test
    void uniformLogitsGiveLogC() {
        // softmax of equal logits is 1/C for every class, so -log p_y = log C for any target (and any smoothing)
        Tensor logits = Tensor.full(3.5f, 4, 10);
        Tensor target = Tensor.vector(0, 3, 9, 9);
        assertThat((double) new CrossEntropyLoss().forward(logits, target), closeTo(Math.log(10), VALUE_TOL));
        assertThat((double) new CrossEntropyLoss(Reduction.SUM).forward(logits, target),
                closeTo(4 * Math.log(10), 4 * VALUE_TOL));
        assertThat((double) new CrossEntropyLoss().withLabelSmoothing(0.3).forward(logits, target),
                closeTo(Math.log(10), VALUE_TOL));
    }

    @Test
    void twoClassExampleMatchesHandComputation() {
        // logits [0, ln 3]: softmax = [1/4, 3/4]; target 1: loss = -ln(3/4), grad = p - onehot = [1/4, -1/4]
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Tensor logits = Tensor.of(new float[] {0f, (float) Math.log(3)}, 1, 2);
        assertThat((double) loss.forward(logits, Tensor.vector(1)), closeTo(Math.log(4.0 / 3), VALUE_TOL));
        Tensor g = loss.backward();
        assertThat((double) g.get(0, 0), closeTo(0.25, VALUE_TOL));
        assertThat((double) g.get(0, 1), closeTo(-0.25, VALUE_TOL));
    }

    @Test
    void largeLogitsStayFinite() {
        // shifting every logit by 1000 changes nothing (softmax is shift-invariant); exp(1000) would overflow
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Tensor logits = Tensor.of(new float[] {1000f, 1000f + (float) Math.log(3)}, 1, 2);
        float value = loss.forward(logits, Tensor.vector(1));
        // 1000 + ln 3 rounds to a float within 2^-14 of it: the loss moves by at most 2^-14 * 1/4
        assertThat((double) value, closeTo(Math.log(4.0 / 3), 0x1p-14));
        assertThat((double) loss.backward().get(0, 0), closeTo(0.25, 0x1p-14));
    }

    @Test
    void meanDividesBySummedTargetWeights() {
        // uniform logits over C = 2: -log p = ln 2 for both samples; weights w = [1, 3], targets [0, 1]:
        // MEAN = (1 ln 2 + 3 ln 2) / (1 + 3) = ln 2;  SUM = 4 ln 2
        Tensor logits = Tensor.zeros(2, 2);
        Tensor target = Tensor.vector(0, 1);
        Tensor w = Tensor.vector(1, 3);
        assertThat((double) new CrossEntropyLoss().withWeights(w).forward(logits, target),
                closeTo(Math.log(2), VALUE_TOL));
        assertThat((double) new CrossEntropyLoss(Reduction.SUM).withWeights(w).forward(logits, target),
                closeTo(4 * Math.log(2), VALUE_TOL));
        // gradient of sample 1 (target 1, w = 3), MEAN: 3 * (p - onehot) / 4 = 3/4 * [1/2, -1/2]
        CrossEntropyLoss mean = new CrossEntropyLoss().withWeights(w);
        mean.forward(logits, target);
        assertThat((double) mean.backward().get(1, 1), closeTo(-0.375, VALUE_TOL));
    }

    @Test
    void labelSmoothingFollowsPyTorchFormula() {
        // logits [0, ln 3] (p = [1/4, 3/4]), target 1, ε = 0.2, C = 2:
        // (1 - ε)(-ln 3/4) + ε/C (-ln 1/4 - ln 3/4) = 0.8 ln(4/3) + 0.1 (ln 4 + ln 4/3)
        Tensor logits = Tensor.of(new float[] {0f, (float) Math.log(3)}, 1, 2);
        CrossEntropyLoss loss = new CrossEntropyLoss().withLabelSmoothing(0.2);
        double expected = 0.8 * Math.log(4.0 / 3) + 0.1 * (Math.log(4) + Math.log(4.0 / 3));
        assertThat((double) loss.forward(logits, Tensor.vector(1)), closeTo(expected, VALUE_TOL));
        // grad = p - smoothed onehot = [1/4 - 0.1, 3/4 - 0.9]
        Tensor g = loss.backward();
        assertThat((double) g.get(0, 0), closeTo(0.15, VALUE_TOL));
        assertThat((double) g.get(0, 1), closeTo(-0.15, VALUE_TOL));
    }

    @Test
    void ignoredTargetsDoNotCount() {
        // row 1 has target -100 (PyTorch's default ignore_index): MEAN averages over row 0 only
        Tensor logits = Tensor.of(new float[] {0f, (float) Math.log(3), 5f, -5f}, 2, 2);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        assertThat((double) loss.forward(logits, Tensor.vector(1, -100)), closeTo(Math.log(4.0 / 3), VALUE_TOL));
        Tensor g = loss.backward();
        assertThat(g.get(1, 0), is(0f));
        assertThat(g.get(1, 1), is(0f));
    }

    @Test
    void gradientRowsSumToZeroWithoutWeights() {
        // Σ_k (p_k - onehot_k) = 1 - 1 = 0, with or without smoothing
        RandomGenerator rng = Tensor.rng(7);
        CrossEntropyLoss loss = new CrossEntropyLoss().withLabelSmoothing(0.1);
        loss.forward(Tensor.randn(rng, 0, 3, 5, 6), LossGradChecks.classTargets(rng, 5, 6));
        Tensor rowSums = loss.backward().sum(1);
        for (float s : rowSums.data()) {
            assertThat((double) s, closeTo(0, 1e-7));
        }
    }

    @Test
    void oneHotTargetsAreRejectedWithArgmaxHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Tensor.zeros(4, 3), Tensor.zeros(4, 3)));
        assertThat(e.getMessage(), containsString("CrossEntropyLoss expects logits [N, C] and targets [N]; "
                + "got logits [4, 3] and targets [4, 3]"));
        assertThat(e.getMessage(), containsString("argmax"));
    }

    @Test
    void batchSizeMismatchIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Tensor.zeros(4, 3), Tensor.zeros(5)));
        assertThat(e.getMessage(), containsString("got logits [4, 3] and targets [5]"));
    }

    @Test
    void fractionalTargetIsRejectedByIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Tensor.zeros(3, 4), Tensor.vector(0, 2.5f, 1)));
        assertThat(e.getMessage(), containsString("target[1] = 2.5 is not a class index"));
    }

    @Test
    void outOfRangeTargetNamesIndexAndFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Tensor.zeros(3, 4), Tensor.vector(0, 1, 4)));
        assertThat(e.getMessage(), containsString("target[2] = 4 is out of range for C = 4 classes"));
        assertThat(e.getMessage(), containsString("subtract 1"));
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Tensor.zeros(3, 4), Tensor.vector(-1, 1, 2)));
        assertThat(neg.getMessage(), containsString("target[0] = -1 is out of range"));
    }

    @Test
    void wrongNumberOfWeightsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().withWeights(Tensor.ones(3)).forward(Tensor.zeros(2, 4), Tensor.vector(0, 1)));
        assertThat(e.getMessage(), containsString("has 3 class weights but logits [2, 4] have C = 4 classes"));
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss().withLabelSmoothing(1.0));
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss().withLabelSmoothing(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss().withWeights(Tensor.vector(1, -1)));
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss().withWeights(Tensor.ones(2, 2)));
    }

    @Test
    void optionsReturnNewLossAndPrintLikePyTorch() {
        CrossEntropyLoss base = new CrossEntropyLoss(Reduction.SUM);
        CrossEntropyLoss full = base.withWeights(Tensor.vector(1, 2)).withLabelSmoothing(0.1).withIgnoreIndex(3);
        assertThat(base.toString(), is("CrossEntropyLoss(reduction=sum)"));
        assertThat(full.toString(),
                is("CrossEntropyLoss(reduction=sum, weight=[1.0, 2.0], label_smoothing=0.1, ignore_index=3)"));
        assertThat(full.reduction(), is(Reduction.SUM));
    }
}
