package nnlab.nn.layers;

import static nnlab.nn.layers.ConvPoolCases.POOL_TOLERANCE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongFunction;
import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.testing.GradCheckLog;
import nnlab.testing.GradCheckSeeds;
import org.junit.jupiter.api.Test;

/**
 * MaxPool2d, AvgPool2d and AdaptiveAvgPool2d backward against central differences, on shapes and window settings
 * drawn from the gradient-check seeds (see {@link ConvPoolCases}). Tolerance: {@link ConvPoolCases#POOL_TOLERANCE}.
 * MaxPool2d is checked on {@link GradCheck#kinkFreeInput} inputs, whose distinct values keep every difference
 * step on one side of each window's maximum.
 */
class PoolGradCheckTest {

    @Test
    void maxPoolBackwardMatchesNumericalGradient() {
        checkAll(311, ConvPoolCases::maxPool);
    }

    @Test
    void avgPoolBackwardMatchesNumericalGradient() {
        checkAll(312, ConvPoolCases::avgPool);
    }

    @Test
    void adaptiveAvgPoolBackwardMatchesNumericalGradient() {
        checkAll(313, ConvPoolCases::adaptiveAvgPool);
    }

    private static void checkAll(long caseNo, LongFunction<ConvPoolCases.Case> cases) {
        GradCheckSeeds.forCase(caseNo).forEach(seed -> {
            ConvPoolCases.Case c = cases.apply(seed);
            GradCheckResult r = GradCheckLog.record(c.module().getClass().getSimpleName(),
                    GradCheck.with().seed(seed).tolerance(POOL_TOLERANCE).module(c.module(), c.input()));
            assertTrue(r.passed(), () -> c.description() + "\n" + r.message());
        });
    }
}
