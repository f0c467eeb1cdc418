package nnlab.optim.lr;

import static nnlab.optim.lr.Schedulers.assertLrs;
import static nnlab.optim.lr.Schedulers.lrs;
import static nnlab.optim.lr.Schedulers.sgd;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** LinearLR against base · (s + (f - s) · min(T, e)/T) evaluated by hand. */
class LinearLRTest {

    @Test
    void rampsLinearlyThenHolds() {
        // PyTorch's doc example: base 0.05, s 0.5, T 4 → 0.025, 0.03125, 0.0375, 0.04375, 0.05, 0.05
        assertLrs(new double[] {0.025, 0.03125, 0.0375, 0.04375, 0.05, 0.05}, lrs(new LinearLR(sgd(0.05), 0.5, 1.0, 4), 6));
    }

    @Test
    void defaultsWarmUpFromAThirdOverFiveEpochs() {
        // base 3: 3·(1/3 + (2/3)·e/5) = 1 + 0.4e for e ≤ 5
        assertLrs(new double[] {1, 1.4, 1.8, 2.2, 2.6, 3, 3}, lrs(new LinearLR(sgd(3)), 7));
    }

    @Test
    void canDecayToo() {
        // base 1, s 1, f 0.5, T 2: 1, 0.75, 0.5, 0.5
        assertLrs(new double[] {1, 0.75, 0.5, 0.5}, lrs(new LinearLR(sgd(1), 1, 0.5, 2), 4));
    }

    @Test
    void badArgumentsAreRejectedWithTheFix() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new LinearLR(sgd(1), 0, 1, 5)).getMessage(),
                containsString("startFactor must be in (0, 1], got 0.0"));
        assertThrows(IllegalArgumentException.class, () -> new LinearLR(sgd(1), 1.5, 1, 5));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new LinearLR(sgd(1), 0.5, 1.1, 5)).getMessage(),
                containsString("endFactor must be in [0, 1], got 1.1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new LinearLR(sgd(1), 0.5, 1, 0)).getMessage(),
                containsString("totalIters must be >= 1 epoch, got 0"));
    }
}
