package nnlab.nn.planted;

import static nnlab.nn.layers.ConvPoolCases.CONV_TOLERANCE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.nn.layers.ConvPoolCases;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import org.junit.jupiter.api.Test;

/**
 * GradCheck catches a Conv2d whose weight gradient is mis-indexed ({@link Conv2dWithTransposedWeightGrad}), with the
 * same tolerance the real Conv2d passes with ({@link ConvPoolCases#CONV_TOLERANCE}), for every
 * seed; and it blames the weight only.
 */
class PlantedConvBugTest {

    @Test
    void gradCheckFailsOnTransposedWeightGradient() {
        GradCheckSeeds.forCase(321).forEach(seed -> {
            Conv2dWithTransposedWeightGrad conv = new Conv2dWithTransposedWeightGrad(2, 3, 3);
            Tensor x = Tensor.uniform(Tensor.rng(seed), -1f, 1f, 2, 2, 6, 5);
            GradCheckResult r = GradCheck.with().seed(seed).tolerance(CONV_TOLERANCE).module(conv, x);

            assertFalse(r.passed(), () -> "seed " + seed + ": the planted bug went unnoticed\n" + r.message());
            Map<String, Double> errors = r.checks().stream()
                    .collect(Collectors.toMap(GradCheckResult.TensorCheck::name, GradCheckResult.TensorCheck::relativeError));
            assertThat("seed " + seed, errors.get("weight"), greaterThan(0.1));
            assertTrue(errors.get("input") <= CONV_TOLERANCE, "input gradient is untouched by the bug");
            assertTrue(errors.get("bias") <= CONV_TOLERANCE, "bias gradient is untouched by the bug");
            assertThat(r.message(), containsString("FAIL weight"));
        });
    }
}
