package nnlab.optim.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import nnlab.optim.Optimizer;
import nnlab.testing.ParityFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 50 epochs of learning rates against PyTorch 1.13 ({@code parity/generate_optim.py}, F64 fixtures under
 * {@code parity/lr/}), base lr 0.1, within {@code 1e-12} relative ({@link Schedulers#LR_RELATIVE}): both sides
 * evaluate the same double-precision formulas in the same order, so only {@code cos}/{@code pow} may
 * differ in the last bit.
 */
class SchedulerParityTest {

    /** Each fixture name with the nnlab scheduler built as the generator builds PyTorch's (see its SCHEDULERS). */
    static Stream<Arguments> schedulers() {
        return Stream.of(
                config("step_lr", o -> new StepLR(o, 7, 0.3)),
                config("multistep_lr", o -> new MultiStepLR(o, List.of(5, 12, 30), 0.2)),
                config("exponential_lr", o -> new ExponentialLR(o, 0.93)),
                config("cosine_lr", o -> new CosineAnnealingLR(o, 20, 0.001)),
                config("cosine_lr_no_floor", o -> new CosineAnnealingLR(o, 13)),
                config("linear_lr_default", LinearLR::new),
                config("linear_lr_decay", o -> new LinearLR(o, 1.0, 0.1, 30)),
                config("sequential_linear_cosine", o -> new SequentialLR(o,
                        List.of(new LinearLR(o, 0.1, 1.0, 5), new CosineAnnealingLR(o, 45)), List.of(5))),
                config("sequential_linear_step", o -> new SequentialLR(o,
                        List.of(new LinearLR(o, 0.25, 1.0, 4), new StepLR(o, 10, 0.5)), List.of(4))),
                config("sequential_three", o -> new SequentialLR(o,
                        List.of(new LinearLR(o, 0.5, 1.0, 3), new ExponentialLR(o, 0.9), new MultiStepLR(o, List.of(3, 10), 0.5)),
                        List.of(5, 20))));
    }

    private static Arguments config(String name, Function<Optimizer, LRScheduler> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedulers")
    void fiftyEpochsMatchPyTorch(String name, Function<Optimizer, LRScheduler> make) {
        ParityFixture f = ParityFixture.load("lr", name);
        LRScheduler s = make.apply(Schedulers.sgd(Double.parseDouble(f.meta("lr"))));
        assertEquals(f.meta("scheduler"), s.getClass().getSimpleName(), "the fixture was made for this scheduler");
        double[] expected = f.doubles("lrs");
        Schedulers.assertLrs(expected, Schedulers.lrs(s, expected.length));
    }

    static Stream<Arguments> plateaus() {
        return Stream.of(
                Arguments.of("plateau_min", (Function<Optimizer, ReduceLROnPlateau>) o -> new ReduceLROnPlateau(o)
                        .factor(0.5).patience(3).threshold(1e-4, ReduceLROnPlateau.ThresholdMode.REL).cooldown(2).minLr(0.004)),
                Arguments.of("plateau_max", (Function<Optimizer, ReduceLROnPlateau>) o -> new ReduceLROnPlateau(o)
                        .mode(ReduceLROnPlateau.Mode.MAX).factor(0.3).patience(2).threshold(0.01, ReduceLROnPlateau.ThresholdMode.ABS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plateaus")
    void reduceLrOnPlateauMatchesPyTorchOnAScriptedMetric(String name, Function<Optimizer, ReduceLROnPlateau> make) {
        ParityFixture f = ParityFixture.load("lr", name);
        ReduceLROnPlateau s = make.apply(Schedulers.sgd(Double.parseDouble(f.meta("lr"))));
        assertEquals(f.meta("mode"), s.stateDict().get("mode"));
        double[] metrics = f.doubles("metrics");
        double[] actual = new double[metrics.length];
        for (int e = 0; e < metrics.length; e++) {
            s.step(metrics[e]);
            actual[e] = s.lastLr();
        }
        Schedulers.assertLrs(f.doubles("lrs"), actual);
    }
}
