package nnlab.nn.loss;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import java.util.List;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class L2PenaltyTest {

    @Test
    void backwardMatchesNumericalGradient() {
        GradCheckSeeds.forCase(700).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            Tensor p = Tensor.randn(rng, 0, 1, 1 + rng.nextInt(6), 1 + rng.nextInt(8));
            double lambda = 1e-3 + rng.nextDouble();
            LossGradChecks.check("L2Penalty", new PenaltyAsLoss(new L2Penalty(lambda)), p, p).assertPassed();
        });
    }

    @Test
    void valueIsLambdaTimesSumOfSquares() {
        // 0.1 * (1 + 4 + 0 + 9 + 0.25) = 1.425
        List<Parameter> ps = List.of(new Parameter(Tensor.vector(1, -2, 0)), new Parameter(Tensor.vector(3, -0.5f)));
        assertThat((double) new L2Penalty(0.1).value(ps), closeTo(1.425, 1e-6));
    }

    @Test
    void gradientIsTwoLambdaP() {
        // d/dp λ p^2 = 2 λ p (twice what weight_decay = λ would add)
        Parameter p = new Parameter(Tensor.vector(2, -3, 0));
        new L2Penalty(0.25).backward(List.of(p));
        assertThat(p.grad(), is(Tensor.vector(1f, -1.5f, 0f)));
    }
}
