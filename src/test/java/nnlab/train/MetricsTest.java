package nnlab.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Expected values worked out by hand from the small score tables below. */
class MetricsTest {

    // 4 examples, 3 classes; predictions (argmax) 0, 2, 1, 2 ; targets 0, 1, 1, 2
    private static final Tensor SCORES = Tensor.fromArray(new float[][] {
        {0.9f, 0.05f, 0.05f}, {0.1f, 0.3f, 0.6f}, {0.2f, 0.7f, 0.1f}, {0.3f, 0.3f, 0.4f}});
    private static final Tensor TARGETS = Tensor.vector(0, 1, 1, 2);

    @Test
    void accuracyCountsArgmaxHits() {
        assertThat(Metrics.correct(SCORES, TARGETS), is(3));
        assertThat(Metrics.accuracy(SCORES, TARGETS), is(0.75));
    }

    @Test
    void topKCountsTargetsAmongTheKBest() {
        // row 1: target 1 has the second-highest score, so it counts for k = 2
        assertThat(Metrics.topK(SCORES, TARGETS, 2), is(1.0));
        assertThat(Metrics.topK(SCORES, TARGETS, 3), is(1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.topK(SCORES, TARGETS, 4));
        assertThat(e.getMessage(), containsString("1 <= k <= 3"));
    }

    @Test
    void tiesGoToTheLowerClassIndex() {
        Tensor tie = Tensor.fromArray(new float[][] {{0.5f, 0.5f}});
        assertThat(Metrics.accuracy(tie, Tensor.vector(0)), is(1.0));
        assertThat(Metrics.accuracy(tie, Tensor.vector(1)), is(0.0));
    }

    @Test
    void confusionMatrixGivesPerClassPrecisionRecallAndF1() {
        ConfusionMatrix m = ConfusionMatrix.of(SCORES, TARGETS);
        assertThat(m.count(1, 2), is(1L)); // the example of class 1 predicted as 2
        assertThat(m.accuracy(), is(0.75));
        assertThat(m.precision(2), is(0.5)); // predicted 2 twice, once right
        assertThat(m.recall(2), is(1.0));
        assertThat(m.recall(1), is(0.5));
        assertThat(m.f1(2), closeTo(2 * 0.5 * 1.0 / 1.5, 1e-12));
        assertThat(m.toTensor(), is(Tensor.fromArray(new float[][] {{1, 0, 0}, {0, 1, 1}, {0, 0, 1}})));
        assertThat(m.report(new String[] {"a", "b", "c"}), containsString("accuracy 0.7500 on 4 examples"));
    }

    @Test
    void aClassNeverPredictedHasPrecisionZero() {
        ConfusionMatrix m = ConfusionMatrix.of(Tensor.fromArray(new float[][] {{1, 0}, {1, 0}}), Tensor.vector(0, 1));
        assertThat(m.precision(1), is(0.0));
        assertThat(m.f1(1), is(0.0));
    }

    @Test
    void targetsMustBeClassIndices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.accuracy(SCORES, Tensor.vector(0, 1, 3, 0)));
        assertThat(e.getMessage(), containsString("target 3.0 at row 2 is not a class index in 0..2"));
    }
}
