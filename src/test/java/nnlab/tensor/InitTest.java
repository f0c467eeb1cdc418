package nnlab.tensor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Initialisers: fans as PyTorch's {@code _calculate_fan_in_and_fan_out}, bounds exact, moments within 6 standard
 * errors of the formulas in {@code torch.nn.init}'s documentation.
 */
class InitTest {

    private static final int N = 40_000;

    @Test
    void fansFollowPyTorchForLinearAndConvWeights() {
        Tensor conv = Tensor.zeros(16, 3, 5, 5);
        assertThat(Init.fanIn(conv), is(3 * 25));
        assertThat(Init.fanOut(conv), is(16 * 25));
        assertThat(Init.fanIn(Tensor.zeros(10, 784)), is(784));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.fanIn(Tensor.zeros(5)));
        assertThat(e.getMessage(), containsString("fewer than 2 dimensions"));
    }

    @Test
    void kaimingUniformWithSqrt5IsPyTorchsLinearDefault() {
        Tensor w = Init.kaimingUniform(Tensor.zeros(200, 200), Math.sqrt(5), Tensor.rng(1));
        double bound = 1 / Math.sqrt(200); // gain sqrt(2/6) * sqrt(3/200) = 1/sqrt(200)
        assertThat((double) w.abs().max(), lessThanOrEqualTo(bound));
        assertThat((double) w.abs().max(), greaterThanOrEqualTo(0.99 * bound));
        assertMeanSquare(w, bound * bound / 3, 4.0 / 45 * Math.pow(bound, 4));
    }

    @Test
    void kaimingNormalHasStdGainOverSqrtFanIn() {
        Tensor w = Init.kaimingNormal(Tensor.zeros(100, 400), 0, Tensor.rng(2));
        double var = 2.0 / 400; // ReLU gain^2 = 2
        assertMeanSquare(w, var, 2 * var * var);
    }

    @Test
    void xavierUniformAndNormalUseBothFans() {
        Tensor u = Init.xavierUniform(Tensor.zeros(100, 400), 1, Tensor.rng(3));
        double bound = Math.sqrt(6.0 / 500);
        assertThat((double) u.abs().max(), lessThanOrEqualTo(bound));
        assertMeanSquare(u, bound * bound / 3, 4.0 / 45 * Math.pow(bound, 4));
        Tensor n = Init.xavierNormal(Tensor.zeros(100, 400), 2, Tensor.rng(4));
        double var = 4 * 2.0 / 500;
        assertMeanSquare(n, var, 2 * var * var);
    }

    @Test
    void truncatedNormalStaysInsideItsBoundsAndIsCentred() {
        Tensor t = Init.truncatedNormal(Tensor.zeros(N), 0.5, 1, -1, 2, Tensor.rng(5));
        assertThat((double) t.min(), greaterThanOrEqualTo(-1.0));
        assertThat((double) t.max(), lessThanOrEqualTo(2.0));
        // symmetric truncation around the mean 0.5 keeps the mean; variance of N(0,1) truncated to ±1.5 is
        // 1 - 2*1.5*phi(1.5)/(2*Phi(1.5)-1) = 0.5522 (phi(1.5) = 0.129518, Phi(1.5) = 0.933193)
        assertThat((double) t.mean(), closeTo(0.5, 6 * Math.sqrt(0.5522 / N)));
        double var = t.sub(0.5f).pow(2).mean();
        assertThat(var, closeTo(1 - 3 * 0.129518 / (2 * 0.933193 - 1), 0.02));
    }

    @Test
    void sameGeneratorSeedGivesTheSameWeights() {
        assertThat(Init.kaimingUniform(Tensor.zeros(4, 3), 0, Tensor.rng(9)),
                is(Init.kaimingUniform(Tensor.zeros(4, 3), 0, Tensor.rng(9))));
    }

    @Test
    void manualSeedResetsTheDefaultGenerator() {
        Generators.manualSeed(123);
        double a = Generators.defaultGenerator().nextDouble();
        Generators.manualSeed(123);
        assertThat(Generators.defaultGenerator().nextDouble(), is(a));
    }

    private static void assertMeanSquare(Tensor t, double expected, double varianceOfSquare) {
        double meanSquare = t.pow(2).mean();
        assertThat(meanSquare, closeTo(expected, 6 * Math.sqrt(varianceOfSquare / t.numel())));
    }
}
