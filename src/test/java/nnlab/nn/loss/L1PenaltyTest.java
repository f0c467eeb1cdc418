package nnlab.nn.loss;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import java.util.List;
import nnlab.nn.GradCheck;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class L1PenaltyTest {

    @Test
    void backwardMatchesNumericalGradientAwayFromZero() {
        // kinkFreeInput keeps every element at least 5h from 0, so no difference step crosses the kink of |p|
        GradCheckSeeds.forCase(600).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            Tensor p = GradCheck.kinkFreeInput(rng, 1 + rng.nextInt(6), 1 + rng.nextInt(8));
            double lambda = 1e-3 + rng.nextDouble();
            LossGradChecks.check("L1Penalty", new PenaltyAsLoss(new L1Penalty(lambda)), p, p).assertPassed();
        });
    }

    @Test
    void valueIsLambdaTimesSumOfAbsoluteValues() {
        // 0.5 * (|1| + |-2| + |0| + |3| + |-0.5|) = 0.5 * 6.5
        List<Parameter> ps = List.of(new Parameter(Tensor.vector(1, -2, 0)), new Parameter(Tensor.vector(3, -0.5f)));
        assertThat((double) new L1Penalty(0.5).value(ps), closeTo(3.25, 1e-7));
    }

    @Test
    void gradientIsLambdaSignWithSignOfZeroZero() {
        // d/dp λ|p| = λ sign(p); torch.sign(0) = 0, the subgradient autograd uses for abs at 0
        Parameter p = new Parameter(Tensor.vector(2, -3, 0));
        new L1Penalty(0.25).backward(List.of(p));
        assertThat(p.grad(), is(Tensor.vector(0.25f, -0.25f, 0f)));
    }
}
