package nnlab.nn.layers;

import static nnlab.tensor.TensorMatchers.closeTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import nnlab.nn.GradCheck;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckLog;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SigmoidTest {

    @Test
    void knownValues() {
        // sigmoid(0) = 1/2; sigmoid(ln 3) = 1/(1 + 1/3) = 3/4; sigmoid(-ln 3) = 1/4
        float ln3 = (float) Math.log(3);
        Tensor y = new Sigmoid().forward(Tensor.vector(0f, ln3, -ln3));
        assertThat(y, closeTo(Tensor.vector(0.5f, 0.75f, 0.25f), 1e-6, 0));
    }

    @Test
    void saturatesWithoutOverflow() {
        Tensor y = new Sigmoid().forward(Tensor.vector(-1000f, 1000f));
        assertThat(y.get(0), is(0f));
        assertThat(y.get(1), is(1f));
    }

    @Test
    void backwardIsYTimesOneMinusY() {
        // derivative 1/4 at 0 and 3/4 * 1/4 = 3/16 at ln 3
        Sigmoid f = new Sigmoid();
        f.forward(Tensor.vector(0f, (float) Math.log(3)));
        assertThat(f.backward(Tensor.vector(2f, 1f)), closeTo(Tensor.vector(0.5f, 3f / 16), 1e-6, 0));
    }

    @Test
    void backwardMatchesNumericalGradient() {
        // x ~ N(0, 1.5^2): far out in the tails y rounds to 1 (or 0) in float32 and the numeric derivative becomes
        // 0 or rounding noise, as for Tanh; saturation is checked by saturatesWithoutOverflow instead
        GradCheckSeeds.forCase(32).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            Tensor x = Tensor.randn(rng, 0f, 1.5f, 1 + rng.nextInt(5), 1 + rng.nextInt(12));
            GradCheckLog.assertPassed("Sigmoid", GradCheck.checkModule(new Sigmoid(), x, seed));
        });
    }
}
