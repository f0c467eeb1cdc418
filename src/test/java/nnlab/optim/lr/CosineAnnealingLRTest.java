package nnlab.optim.lr;

import static nnlab.optim.lr.Schedulers.assertLrs;
import static nnlab.optim.lr.Schedulers.lrs;
import static nnlab.optim.lr.Schedulers.sgd;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** CosineAnnealingLR against the closed form η_min + (η_max - η_min)(1 + cos(π e / T_max))/2, evaluated by hand. */
class CosineAnnealingLRTest {

    @Test
    void annealsAlongHalfACosineAndComesBackUpBeyondTMax() {
        // T_max 4, base 1: (1 + cos(πe/4))/2 = 1, (2+√2)/4, 1/2, (2-√2)/4, 0, then mirrored back up to 1 at e = 8
        double a = (2 + Math.sqrt(2)) / 4;
        double b = (2 - Math.sqrt(2)) / 4;
        assertLrs(new double[] {1, a, 0.5, b, 0, b, 0.5, a, 1, a}, lrs(new CosineAnnealingLR(sgd(1), 4), 10));
    }

    @Test
    void etaMinIsTheTrough() {
        // T_max 2, base 1, η_min 0.2: 1, 0.2 + 0.8·(1 + 0)/2 = 0.6, 0.2, 0.6, 1
        assertLrs(new double[] {1, 0.6, 0.2, 0.6, 1}, lrs(new CosineAnnealingLR(sgd(1), 2, 0.2), 5));
    }

    @Test
    void badArgumentsAreRejectedWithTheFix() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLR(sgd(1), 0)).getMessage(),
                containsString("tMax must be >= 1 epoch, got 0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLR(sgd(1), 10, -1)).getMessage(),
                containsString("etaMin must be a finite number >= 0, got -1.0"));
    }
}
