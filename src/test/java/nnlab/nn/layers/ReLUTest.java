package nnlab.nn.layers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.testing.GradCheckSeeds;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReLUTest {

    @Test
    void forwardClampsNegativesAndBackwardMasksByInputSign() {
        ReLU relu = new ReLU();
        Tensor y = relu.forward(Tensor.vector(-2f, 0f, 3f));
        assertThat(y, is(Tensor.vector(0f, 0f, 3f)));
        // PyTorch's convention: the derivative at exactly 0 is 0
        assertThat(relu.backward(Tensor.vector(5f, 6f, 7f)), is(Tensor.vector(0f, 0f, 7f)));
    }

    @Test
    void backwardMatchesNumericalGradientAwayFromTheKink() {
        GradCheckSeeds.forCase(2).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            Tensor x = GradCheck.kinkFreeInput(rng, 1 + rng.nextInt(5), 1 + rng.nextInt(4), 1 + rng.nextInt(6));
            GradCheckResult r = GradCheck.checkModule(new ReLU(), x, seed);
            assertThat(r.message(), r.passed(), is(true));
        });
    }
}
