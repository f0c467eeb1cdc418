package nnlab.optim.lr;

import static nnlab.optim.lr.Schedulers.assertLrs;
import static nnlab.optim.lr.Schedulers.lrs;
import static nnlab.optim.lr.Schedulers.sgd;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nnlab.optim.Optimizer;
import org.junit.jupiter.api.Test;

/** SequentialLR, including PyTorch 1.13's restart of the next scheduler from its closed form at a milestone. */
class SequentialLRTest {

    @Test
    void warmUpThenDecayRestartsTheDecayFromTheBaseLr() {
        // LinearLR(s 0.1, T 2) for epochs 0-1: 0.1, then 0.1·(1 + 0.9/(2·0.1 + 0·0.9)) = 0.55
        // milestone 2: ExponentialLR restarts at its epoch 0 in closed form: base · 0.5^0 = 1, then 0.5, 0.25
        Optimizer opt = sgd(1);
        LRScheduler warmUp = new LinearLR(opt, 0.1, 1, 2);
        LRScheduler decay = new ExponentialLR(opt, 0.5);
        SequentialLR s = new SequentialLR(opt, List.of(warmUp, decay), List.of(2));
        assertLrs(new double[] {0.1, 0.55, 1, 0.5, 0.25}, lrs(s, 5));
        assertEquals(2, decay.lastEpoch(), "the active scheduler counts epochs from its milestone");
        assertEquals(1, warmUp.lastEpoch(), "an inactive scheduler is not stepped");
    }

    @Test
    void constructionUndoesTheSchedulersOwnInitialSteps() {
        // two LinearLRs built on one optimizer leave lr = 1·0.1·0.5; SequentialLR resets it to 1 and re-runs
        // only the first one's initial step: 0.1
        Optimizer opt = sgd(1);
        LRScheduler a = new LinearLR(opt, 0.1, 1, 2);
        LRScheduler b = new LinearLR(opt, 0.5, 1, 2);
        assertEquals(0.05, opt.lr(), 1e-17);
        SequentialLR s = new SequentialLR(opt, List.of(a, b), List.of(3));
        assertEquals(0.1, opt.lr(), 0.0);
        assertEquals(0.1, s.lastLr(), 0.0);
        assertEquals(0, s.lastEpoch());
        assertEquals(0, a.lastEpoch());
        assertEquals(-1, b.lastEpoch());
        assertEquals(1.0, s.baseLr(), 0.0);
    }

    @Test
    void threePhasesSwitchAtEachMilestone() {
        // StepLR(1, 0.5) epochs 0-1: 1, 0.5; milestone 2 → ExponentialLR(0.5) closed form at 0: 1, then 0.5;
        // milestone 4 → StepLR(1, 0.1) closed form at 0: 1, then 0.1
        Optimizer opt = sgd(1);
        SequentialLR s = new SequentialLR(opt,
                List.of(new StepLR(opt, 1, 0.5), new ExponentialLR(opt, 0.5), new StepLR(opt, 1, 0.1)), List.of(2, 4));
        assertLrs(new double[] {1, 0.5, 1, 0.5, 1, 0.1}, lrs(s, 6));
    }

    @Test
    void badArgumentsAreRejectedWithTheFix() {
        Optimizer opt = sgd(1);
        LRScheduler a = new StepLR(opt, 2);
        LRScheduler b = new ExponentialLR(opt, 0.9);
        LRScheduler foreign = new StepLR(sgd(1), 2);
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SequentialLR(opt, List.of(a, foreign), List.of(3))).getMessage(),
                containsString("schedulers at index 1 to be different than the optimizer passed in"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SequentialLR(opt, List.of(a, b), List.of(3, 5))).getMessage(),
                containsString("number of schedulers 2 and the number of milestones to be equal to 2"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new SequentialLR(opt, List.of(a, b, new StepLR(opt, 3)), List.of(5, 3))).getMessage(),
                containsString("milestones must be strictly increasing"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SequentialLR(opt, List.of(a, b), List.of(0))).getMessage(),
                containsString("milestones are epochs >= 1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SequentialLR(opt, List.of(a, a), List.of(3))).getMessage(),
                containsString("scheduler 1 is the same object as scheduler 0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SequentialLR(opt, List.of(), List.of())).getMessage(),
                containsString("at least one scheduler"));
        SequentialLR inner = new SequentialLR(opt, List.of(a), List.of());
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SequentialLR(opt, List.of(inner, b), List.of(3))).getMessage(),
                containsString("nesting is not supported"));
    }

    @Test
    void itHasNoFormulaOfItsOwn() {
        Optimizer opt = sgd(1);
        SequentialLR s = new SequentialLR(opt, List.of(new StepLR(opt, 2)), List.of());
        assertThrows(UnsupportedOperationException.class, s::chainedLr);
        assertThrows(UnsupportedOperationException.class, s::closedFormLr);
    }
}
