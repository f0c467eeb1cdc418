package nnlab.nn.layers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.nn.GradCheck;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckLog;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LeakyReLUTest {

    @Test
    void scalesNonPositiveInputsBySlope() {
        Tensor x = Tensor.vector(-2f, -0.5f, 0f, 3f);
        // float products 0.01f * -2 etc., as PyTorch computes them in float32
        assertThat(new LeakyReLU().forward(x), equalTo(Tensor.vector(-2f * 0.01f, -0.5f * 0.01f, 0f, 3f)));
        assertThat(new LeakyReLU(0.2).forward(x), equalTo(Tensor.vector(-2f * 0.2f, -0.5f * 0.2f, 0f, 3f)));
    }

    @Test
    void backwardPassesGradientOrSlopeTimesGradientAndUsesTheSlopeAtZero() {
        LeakyReLU f = new LeakyReLU(0.2);
        f.forward(Tensor.vector(-2f, 0f, 3f));
        assertThat(f.backward(Tensor.vector(1f, 1f, 1f)), equalTo(Tensor.vector(0.2f, 0.2f, 1f)));
    }

    @Test
    void reprAndValidationFollowPyTorch() {
        assertThat(new LeakyReLU().toString(), is("LeakyReLU(negative_slope=0.01)"));
        assertThat(new LeakyReLU().negativeSlope(), is(0.01));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(Double.NaN)).getMessage(),
                containsString("negativeSlope must be finite"));
    }

    @Test
    void backwardMatchesNumericalGradient() {
        // kink-free inputs: no difference step crosses 0, where the derivative jumps
        GradCheckSeeds.forCase(31).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            LeakyReLU f = new LeakyReLU(rng.nextDouble());
            Tensor x = GradCheck.kinkFreeInput(rng, 1 + rng.nextInt(5), 1 + rng.nextInt(12));
            GradCheckLog.assertPassed("LeakyReLU", GradCheck.checkModule(f, x, seed));
        });
    }
}
