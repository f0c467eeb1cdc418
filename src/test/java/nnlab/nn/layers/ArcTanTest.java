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

class ArcTanTest {

    @Test
    void knownValues() {
        // atan(0) = 0, atan(1) = pi/4, atan(-sqrt 3) = -pi/3, atan(1e6) -> pi/2
        Tensor y = new ArcTan().forward(Tensor.vector(0f, 1f, (float) -Math.sqrt(3), 1e6f));
        assertThat(y, closeTo(Tensor.vector(0f, (float) (Math.PI / 4), (float) (-Math.PI / 3), (float) (Math.PI / 2)),
                1e-6, 0));
    }

    @Test
    void backwardIsOneOverOnePlusXSquared() {
        // 1 at 0, 1/2 at 1, 1/4 at -sqrt 3
        ArcTan f = new ArcTan();
        f.forward(Tensor.vector(0f, 1f, (float) -Math.sqrt(3)));
        assertThat(f.backward(Tensor.vector(1f, 1f, 1f)), closeTo(Tensor.vector(1f, 0.5f, 0.25f), 1e-6, 0));
        assertThat(new ArcTan().toString(), is("ArcTan()"));
    }

    @Test
    void backwardMatchesNumericalGradient() {
        GradCheckSeeds.forCase(34).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            Tensor x = Tensor.randn(rng, 0f, 3f, 1 + rng.nextInt(5), 1 + rng.nextInt(12));
            GradCheckLog.assertPassed("ArcTan", GradCheck.checkModule(new ArcTan(), x, seed));
        });
    }
}
