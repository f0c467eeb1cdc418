package nnlab.optim.lr;

import static nnlab.optim.lr.Schedulers.sgd;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import nnlab.optim.Optimizer;
import nnlab.optim.lr.ReduceLROnPlateau.Mode;
import nnlab.optim.lr.ReduceLROnPlateau.ThresholdMode;
import org.junit.jupiter.api.Test;

/**
 * ReduceLROnPlateau on scripted metric sequences; each expected lr sequence is traced by hand through the
 * pseudo-code in the class javadoc (PyTorch's step()).
 */
class ReduceLROnPlateauTest {

    private static double[] run(ReduceLROnPlateau s, double... metrics) {
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            s.step(metrics[i]);
            out[i] = s.lastLr();
        }
        return out;
    }

    @Test
    void reducesAfterMoreThanPatienceEpochsWithoutImprovement() {
        // patience 2: 10 (best), 9 (best), 9 (bad 1), 9 (bad 2), 9 (bad 3 > 2: lr 1 → 0.5, bad 0), 9, 9, 9 (→ 0.25)
        ReduceLROnPlateau s = new ReduceLROnPlateau(sgd(1)).factor(0.5).patience(2);
        assertEquals(1.0, s.lastLr(), 0.0, "available before the first step");
        double[] lrs = run(s, 10, 9, 9, 9, 9, 9, 9, 9);
        assertArrayEquals(new double[] {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25}, lrs);
        assertEquals(9.0, s.best(), 0.0);
        assertEquals(8, s.lastEpoch());
    }

    @Test
    void cooldownIgnoresBadEpochsRightAfterAReduction() {
        // patience 0, cooldown 2: 5 (best), 5 (bad 1 > 0: → 0.5, cooldown 2), 5 (bad 1, cooldown → 1, bad 0),
        // 5 (cooldown → 0, bad 0), 5 (bad 1 > 0: → 0.25)
        ReduceLROnPlateau s = new ReduceLROnPlateau(sgd(1)).factor(0.5).patience(0).cooldown(2);
        assertArrayEquals(new double[] {1, 0.5, 0.5, 0.5, 0.25}, run(s, 5, 5, 5, 5, 5));
    }

    @Test
    void maxModeWantsTheMetricToRise() {
        // accuracy 0.5 (best), 0.6 (best), 0.6 (bad 1 > 0: → 0.1)
        ReduceLROnPlateau s = new ReduceLROnPlateau(sgd(1)).mode(Mode.MAX).patience(0);
        assertArrayEquals(new double[] {1, 1, 0.1}, run(s, 0.5, 0.6, 0.6));
    }

    @Test
    void theThresholdDecidesWhatCountsAsAnImprovement() {
        // rel 0.1: 10 (best), 9.5 is not < 10·0.9 = 9 (bad 1 > 0: → 0.1)
        ReduceLROnPlateau rel = new ReduceLROnPlateau(sgd(1)).patience(0).threshold(0.1, ThresholdMode.REL);
        assertArrayEquals(new double[] {1, 0.1}, run(rel, 10, 9.5));
        // abs 0.1: 10 (best), 9.5 < 10 - 0.1 (best), 9.45 is not < 9.4 (→ 0.1)
        ReduceLROnPlateau abs = new ReduceLROnPlateau(sgd(1)).patience(0).threshold(0.1, ThresholdMode.ABS);
        assertArrayEquals(new double[] {1, 1, 0.1}, run(abs, 10, 9.5, 9.45));
    }

    @Test
    void minLrBoundsTheLrAndTinyReductionsAreSkipped() {
        // minLr 0.3: 1 → max(0.1, 0.3) = 0.3, then max(0.03, 0.3) = 0.3 (a reduction by 0 is not > eps)
        ReduceLROnPlateau bounded = new ReduceLROnPlateau(sgd(1)).patience(0).minLr(0.3);
        assertArrayEquals(new double[] {1, 0.3, 0.3}, run(bounded, 1, 1, 1));
        // eps 0.5: 1 → 0.1 is a change of 0.9 > 0.5, then 0.1 → 0.01 is 0.09, not > 0.5: skipped
        ReduceLROnPlateau coarse = new ReduceLROnPlateau(sgd(1)).patience(0).eps(0.5);
        assertArrayEquals(new double[] {1, 0.1, 0.1}, run(coarse, 1, 1, 1));
    }

    @Test
    void aNanMetricCountsAsABadEpoch() {
        ReduceLROnPlateau s = new ReduceLROnPlateau(sgd(1)).patience(0);
        assertArrayEquals(new double[] {1, 0.1}, run(s, 1, Double.NaN));
    }

    @Test
    void badArgumentsAreRejectedWithTheFix() {
        ReduceLROnPlateau s = new ReduceLROnPlateau(sgd(1));
        assertThat(assertThrows(IllegalArgumentException.class, () -> s.factor(1.0)).getMessage(), containsString("Factor should be < 1.0"));
        assertThrows(IllegalArgumentException.class, () -> s.factor(0));
        assertThat(assertThrows(IllegalArgumentException.class, () -> s.patience(-1)).getMessage(), containsString("patience must be >= 0"));
        assertThrows(IllegalArgumentException.class, () -> s.cooldown(-1));
        assertThrows(IllegalArgumentException.class, () -> s.minLr(-1));
        assertThrows(IllegalArgumentException.class, () -> s.threshold(-1, ThresholdMode.ABS));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau(null));
        s.step(1);
        assertThat(assertThrows(IllegalStateException.class, () -> s.patience(3)).getMessage(),
                containsString("before the first step(metric)"));
    }

    @Test
    void aResumedRunContinuesExactly() {
        double[] metrics = {5, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2};
        ReduceLROnPlateau straight = new ReduceLROnPlateau(sgd(1)).factor(0.5).patience(1).cooldown(1);
        double[] expected = run(straight, metrics);

        Optimizer first = sgd(1);
        ReduceLROnPlateau s = new ReduceLROnPlateau(first).factor(0.5).patience(1).cooldown(1);
        for (int i = 0; i < 6; i++) {
            s.step(metrics[i]);
        }
        Map<String, String> saved = s.stateDict();
        Optimizer resumedOpt = sgd(first.lr());
        ReduceLROnPlateau resumed = new ReduceLROnPlateau(resumedOpt).factor(0.5).patience(1).cooldown(1);
        resumed.loadStateDict(saved);
        for (int i = 6; i < metrics.length; i++) {
            resumed.step(metrics[i]);
            assertEquals(expected[i], resumed.lastLr(), 0.0, "epoch " + (i + 1));
        }
        Map<String, String> otherConfig = new HashMap<>(saved);
        otherConfig.put("patience", "3");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new ReduceLROnPlateau(sgd(1)).factor(0.5).patience(1).cooldown(1).loadStateDict(otherConfig)).getMessage(),
                containsString("saved ReduceLROnPlateau has patience=3 but this one has patience=1"));
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 0.0);
    }
}
