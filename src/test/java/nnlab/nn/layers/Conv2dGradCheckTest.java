package nnlab.nn.layers;

import static nnlab.nn.layers.ConvPoolCases.CONV_TOLERANCE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckLog;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conv2d's backward (input, weight and bias gradients) against central differences, on shapes drawn from the
 * gradient-check seeds and on named configurations that must always be covered. Tolerance:
 * {@link ConvPoolCases#CONV_TOLERANCE}.
 */
class Conv2dGradCheckTest {

    @Test
    void backwardMatchesNumericalGradientOnRandomConfigurations() {
        GradCheckSeeds.forCase(301).forEach(seed -> {
            ConvPoolCases.Case c = ConvPoolCases.conv(seed);
            GradCheckResult r = GradCheckLog.record("Conv2d",
                    GradCheck.with().seed(seed).tolerance(CONV_TOLERANCE).module(c.module(), c.input()));
            assertTrue(r.passed(), () -> c.description() + "\n" + r.message());
        });
    }

    static Stream<Arguments> namedConfigurations() {
        return Stream.of(
                Arguments.of("stride 2, padding 1", Conv2d.builder(3, 4, 3).stride(2).padding(1), new int[] {2, 3, 7, 6}),
                Arguments.of("dilation 2", Conv2d.builder(2, 3, 3).dilation(2), new int[] {2, 2, 7, 8}),
                Arguments.of("non-square kernel, per-direction stride and padding",
                        Conv2d.builder(2, 2, 2, 3).stride(2, 1).padding(1, 0), new int[] {3, 2, 5, 6}),
                Arguments.of("no bias, 1x1 kernel", Conv2d.builder(4, 2, 1).bias(false), new int[] {2, 4, 3, 3}),
                Arguments.of("kernel as large as the padded input", Conv2d.builder(1, 2, 4).padding(1),
                        new int[] {1, 1, 2, 2}),
                Arguments.of("everything at once", Conv2d.builder(3, 2, 3, 2).stride(2, 3).padding(2, 1).dilation(2, 1),
                        new int[] {2, 3, 6, 7}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedConfigurations")
    void backwardMatchesNumericalGradientOnNamedConfiguration(String name, Conv2dBuilder config, int[] shape) {
        GradCheckSeeds.forCase(302).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            Conv2d conv = config.rng(rng).build();
            Tensor x = Tensor.uniform(rng, -1f, 1f, shape);
            GradCheckResult r = GradCheckLog.record("Conv2d (named configurations)",
                    GradCheck.with().seed(seed).tolerance(CONV_TOLERANCE).module(conv, x));
            assertTrue(r.passed(), () -> name + ", seed " + seed + "\n" + r.message());
        });
    }

    @Test
    void backwardMatchesNumericalGradientWithFrozenWeightAndTrainedBias() {
        // Exercises the bias-only path (Conv2d sums dY itself when the filter gradient is skipped).
        GradCheckSeeds.forCase(303).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            Conv2d conv = Conv2d.builder(2, 3, 2).stride(2).padding(1).rng(rng).build();
            conv.weight().setRequiresGrad(false);
            Tensor x = Tensor.uniform(rng, -1f, 1f, 2, 2, 5, 4);
            GradCheckResult r = GradCheckLog.record("Conv2d frozen weight",
                    GradCheck.with().seed(seed).tolerance(CONV_TOLERANCE).module(conv, x));
            assertTrue(r.passed(), () -> "seed " + seed + "\n" + r.message());
            assertTrue(r.checks().stream().anyMatch(t -> t.name().equals("bias")), "the bias was checked");
        });
    }
}
