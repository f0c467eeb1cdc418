package nnlab.optim.lr;

import static nnlab.optim.lr.Schedulers.assertLrs;
import static nnlab.optim.lr.Schedulers.lrs;
import static nnlab.optim.lr.Schedulers.sgd;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nnlab.optim.Optimizer;
import org.junit.jupiter.api.Test;

/** StepLR, MultiStepLR and ExponentialLR on values where γ is a power of two, so the expected lrs are exact. */
class StepLRTest {

    @Test
    void stepLrDecaysEveryStepSizeEpochs() {
        // base 1, stepSize 3, γ 0.5: epochs 0-2 → 1, 3-5 → 0.5, 6-7 → 0.25
        assertLrs(new double[] {1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25}, lrs(new StepLR(sgd(1), 3, 0.5), 8));
    }

    @Test
    void stepLrDefaultsToGammaOneTenth() {
        // base 0.05, stepSize 2: 0.05, 0.05, 0.05·0.1, ...
        assertLrs(new double[] {0.05, 0.05, 0.05 * 0.1, 0.05 * 0.1, 0.05 * 0.1 * 0.1}, lrs(new StepLR(sgd(0.05), 2), 5));
    }

    @Test
    void stepLrMultipliesTheCurrentLrSoOutsideChangesCarryOn() {
        // chainable form: at epoch 2 the lr the user set (0.8) is halved, not the base lr
        Optimizer opt = sgd(1);
        StepLR s = new StepLR(opt, 2, 0.5);
        s.step();
        opt.setLr(0.8);
        s.step();
        assertLrs(new double[] {0.4}, new double[] {s.lastLr()});
    }

    @Test
    void multiStepLrDecaysAtEachMilestone() {
        // base 1, milestones [2, 5], γ 0.5: epochs 0-1 → 1, 2-4 → 0.5, 5+ → 0.25
        assertLrs(new double[] {1, 1, 0.5, 0.5, 0.5, 0.25, 0.25}, lrs(new MultiStepLR(sgd(1), List.of(2, 5), 0.5), 7));
    }

    @Test
    void exponentialLrDecaysEveryEpoch() {
        assertLrs(new double[] {1, 0.5, 0.25, 0.125}, lrs(new ExponentialLR(sgd(1), 0.5), 4));
    }

    @Test
    void badArgumentsAreRejectedWithTheFix() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(1), 0)).getMessage(),
                containsString("stepSize must be >= 1 epoch, got 0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(1), 5, 0)).getMessage(),
                containsString("gamma must be a finite number > 0, got 0.0"));
        assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(1), 5, Double.NaN));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new ExponentialLR(sgd(1), -0.5)).getMessage(),
                containsString("ExponentialLR gamma must be a finite number > 0, got -0.5"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new MultiStepLR(sgd(1), List.of(5, 2))).getMessage(),
                containsString("milestones must be strictly increasing, got [5, 2]"));
        assertThrows(IllegalArgumentException.class, () -> new MultiStepLR(sgd(1), List.of(2, 2)));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new MultiStepLR(sgd(1), List.of(-1))).getMessage(),
                containsString("milestones are epochs >= 0"));
        assertThrows(IllegalArgumentException.class, () -> new StepLR(null, 5));
    }

    @Test
    void aRejectedSchedulerLeavesTheOptimizerAlone() {
        Optimizer opt = sgd(1);
        assertThrows(IllegalArgumentException.class, () -> new StepLR(opt, 0));
        assertFalse(opt.hasInitialLr(), "initial_lr is set only once the arguments are valid");
    }
}
