package nnlab.optim;

import static nnlab.optim.OptimizerTesting.FEW_ULPS;
import static nnlab.optim.OptimizerTesting.stepWithGrad;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * RMSprop's update rule; expected values derived by hand from the pseudo-code in RMSprop's javadoc, with
 * α = 0.75 so that 1 - α = 0.25 is exact in float.
 */
class RMSpropTest {

    @Test
    void theStepIsDividedByTheRootMeanSquare() {
        // g = 2: v = 0.25·4 = 1, θ = 1 - 0.5·2/(√1 + 0) = 0
        Parameter p = new Parameter(Tensor.vector(1));
        RMSprop opt = new RMSprop(List.of(p), 0.5).alpha(0.75).eps(0);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(0), p.value());
        assertEquals(Set.of("state.0.square_avg"), opt.stateDict().tensors().keySet());
    }

    @Test
    void centeredSubtractsTheSquaredMeanGradient() {
        // g = 2: v = 1, g_ave = 0.25·2 = 0.5, ṽ = 1 - 0.25 = 0.75, θ = 1 - 0.5·2/√0.75
        Parameter p = new Parameter(Tensor.vector(1));
        RMSprop opt = new RMSprop(List.of(p), 0.5).alpha(0.75).eps(0).centered(true);
        stepWithGrad(opt, p, 2);
        assertEquals(1 - 0.5 * 2 / Math.sqrt(0.75), p.value().get(0), FEW_ULPS);
        assertEquals(Tensor.vector(0.5f), opt.stateDict().tensors().get("state.0.grad_avg"));
    }

    @Test
    void momentumAccumulatesTheNormalisedGradient() {
        // step 1: v = 1, b = 0.5·0 + 2/1 = 2, θ = 1 - 0.5·2 = 0
        // step 2: v = 0.75·1 + 0.25·4 = 1.75, b = 0.5·2 + 2/√1.75, θ = 0 - 0.5·b
        Parameter p = new Parameter(Tensor.vector(1));
        RMSprop opt = new RMSprop(List.of(p), 0.5).alpha(0.75).eps(0).momentum(0.5);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(0), p.value());
        assertEquals(Tensor.vector(2), opt.stateDict().tensors().get("state.0.momentum_buffer"));
        stepWithGrad(opt, p, 2);
        assertEquals(-0.5 * (1 + 2 / Math.sqrt(1.75)), p.value().get(0), FEW_ULPS);
    }

    @Test
    void weightDecayIsAddedToTheGradient() {
        // g' = 1.5 + 0.5·1 = 2: as the first case, θ = 0
        Parameter p = new Parameter(Tensor.vector(1));
        RMSprop opt = new RMSprop(List.of(p), 0.5).alpha(0.75).eps(0).weightDecay(0.5);
        stepWithGrad(opt, p, 1.5f);
        assertEquals(Tensor.vector(0), p.value());
    }

    @Test
    void defaultsAreThoseOfPyTorch() {
        RMSprop opt = new RMSprop(List.of(new Parameter(Tensor.vector(1))));
        assertEquals(1e-2, opt.lr());
        assertEquals(0.99, opt.alpha());
        assertEquals(1e-8, opt.eps());
        assertEquals(0.0, opt.weightDecay());
        assertEquals(0.0, opt.momentum());
        assertFalse(opt.centered());
    }

    @Test
    void badHyperParametersAreRejectedWithPyTorchsMessages() {
        RMSprop opt = new RMSprop(List.of(new Parameter(Tensor.vector(1))));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.alpha(-1)).getMessage(),
                startsWith("Invalid alpha value: -1.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.momentum(-1)).getMessage(),
                startsWith("Invalid momentum value: -1.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.eps(-1)).getMessage(),
                startsWith("Invalid epsilon value: -1.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.weightDecay(-1)).getMessage(),
                startsWith("Invalid weight_decay value: -1.0"));
    }
}
