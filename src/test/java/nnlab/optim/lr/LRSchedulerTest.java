package nnlab.optim.lr;

import static nnlab.optim.lr.Schedulers.sgd;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import nnlab.optim.Optimizer;
import nnlab.optim.OptimizerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every LRScheduler shares: the initial step, initial_lr, and state save/load. */
class LRSchedulerTest {

    @Test
    void constructionPerformsTheInitialStepToEpochZero() {
        // LinearLR's epoch 0 already multiplies the lr by startFactor: 0.5·2 = 1
        Optimizer opt = sgd(2);
        LinearLR s = new LinearLR(opt, 0.5, 1, 4);
        assertEquals(0, s.lastEpoch());
        assertEquals(1.0, s.lastLr(), 0.0);
        assertEquals(1.0, opt.lr(), 0.0);
        assertEquals(2.0, s.baseLr(), 0.0);
    }

    @Test
    void theFirstSchedulerSetsTheInitialLrAndLaterOnesKeepIt() {
        // PyTorch: group.setdefault('initial_lr', group['lr'])
        Optimizer opt = sgd(2);
        new LinearLR(opt, 0.5, 1, 4);             // lr is now 1, initial_lr 2
        StepLR second = new StepLR(opt, 3);
        assertEquals(2.0, opt.initialLr(), 0.0);
        assertEquals(2.0, second.baseLr(), 0.0, "base lr is initial_lr, not the current lr");
    }

    static Stream<Arguments> schedulers() {
        return Stream.of(
                Arguments.of("StepLR", (Function<Optimizer, LRScheduler>) o -> new StepLR(o, 3, 0.5)),
                Arguments.of("MultiStepLR", (Function<Optimizer, LRScheduler>) o -> new MultiStepLR(o, List.of(2, 7), 0.3)),
                Arguments.of("ExponentialLR", (Function<Optimizer, LRScheduler>) o -> new ExponentialLR(o, 0.9)),
                Arguments.of("CosineAnnealingLR", (Function<Optimizer, LRScheduler>) o -> new CosineAnnealingLR(o, 4, 0.01)),
                Arguments.of("LinearLR", (Function<Optimizer, LRScheduler>) o -> new LinearLR(o, 0.25, 1, 6)),
                Arguments.of("SequentialLR", (Function<Optimizer, LRScheduler>) o -> new SequentialLR(o,
                        List.of(new LinearLR(o, 0.1, 1, 3), new CosineAnnealingLR(o, 5)), List.of(3))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedulers")
    void aResumedScheduleContinuesExactlyAsAnUninterruptedOne(String name, Function<Optimizer, LRScheduler> make) {
        LRScheduler straight = make.apply(sgd(0.1));
        double[] expected = Schedulers.lrs(straight, 12);

        Optimizer first = sgd(0.1);
        LRScheduler s = make.apply(first);
        for (int e = 0; e < 5; e++) {
            s.step();
        }
        Map<String, String> saved = s.stateDict();
        Map<String, String> savedOptimizer = new HashMap<>(first.stateDict().settings());

        Optimizer resumedOpt = sgd(123);                                    // a fresh run ...
        LRScheduler resumed = make.apply(resumedOpt);
        resumedOpt.loadStateDict(new OptimizerState(Map.of(), savedOptimizer)); // ... restores lr
        resumed.loadStateDict(saved);                                       // ... and the schedule
        assertEquals(5, resumed.lastEpoch());
        for (int e = 6; e < 12; e++) {
            resumed.step();
            assertEquals(expected[e], resumed.lastLr(), 0.0, name + " epoch " + e);
        }
    }

    @Test
    void loadingRefusesAnotherClassOrOtherArguments() {
        Map<String, String> saved = new StepLR(sgd(1), 3, 0.5).stateDict();
        assertThat(assertThrows(IllegalArgumentException.class, () -> new ExponentialLR(sgd(1), 0.5).loadStateDict(saved)).getMessage(),
                containsString("saved by StepLR, cannot load it into ExponentialLR"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(1), 4, 0.5).loadStateDict(saved)).getMessage(),
                containsString("saved StepLR has step_size=3 but this one has step_size=4"));
        Map<String, String> corrupt = new HashMap<>(saved);
        corrupt.put("last_epoch", "three");
        StepLR target = new StepLR(sgd(1), 3, 0.5);
        assertThat(assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(corrupt)).getMessage(),
                containsString("'last_epoch' is 'three', not an integer"));
        assertEquals(0, target.lastEpoch(), "a refused state changes nothing");
    }

    @Test
    void theStateHoldsConfigurationAndProgressAsExactStrings() {
        StepLR s = new StepLR(sgd(0.1 + 0.2), 3, 0.5);
        assertEquals(Map.of("scheduler", "StepLR", "step_size", "3", "gamma", "0.5", "last_epoch", "0",
                "last_lr", "0.30000000000000004", "base_lr", "0.30000000000000004"), s.stateDict());
        assertEquals("StepLR(step_size=3, gamma=0.5; last_epoch=0, last_lr=0.30000000000000004)", s.toString());
    }
}
