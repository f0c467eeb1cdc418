package nnlab.optim;

import static nnlab.optim.OptimizerTesting.FEW_ULPS;
import static nnlab.optim.OptimizerTesting.stepWithGrad;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Adam's update rule. Expected values are derived by hand from the pseudo-code in Adam's javadoc; betas
 * (0.5, 0.75) make 1 - β₁ = 0.5 and 1 - β₂ = 0.25 exact in float, so the first steps are exact.
 */
class AdamTest {

    @Test
    void theFirstStepWithBetasHalfAndThreeQuartersIsExact() {
        // g = 2: m = 0.5·2 = 1, v = 0.25·4 = 1; step_size = 0.5/(1 - 0.5) = 1, √(1 - 0.75) = 0.5
        // denom = √1 / 0.5 + 0 = 2;  θ = 1 - 1·1/2 = 0.5
        Parameter p = new Parameter(Tensor.vector(1));
        Adam opt = new Adam(List.of(p), 0.5).betas(0.5, 0.75).eps(0);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(0.5f), p.value());
        OptimizerState s = opt.stateDict();
        assertEquals(Tensor.vector(1), s.tensors().get("state.0.exp_avg"));
        assertEquals(Tensor.vector(1), s.tensors().get("state.0.exp_avg_sq"));
        assertEquals("1", s.settings().get("state.0.step"));
    }

    @Test
    void withAConstantGradientAndNoEpsilonEveryStepMovesByExactlyLr() {
        // constant g: m_t = (1 - β₁^t) g and v_t = (1 - β₂^t) g², so m̂ = g, v̂ = g² and θ moves by lr · sign(g)
        Parameter p = new Parameter(Tensor.vector(1, 1, 1));
        Adam opt = new Adam(List.of(p), 0.01).eps(0);
        for (int t = 1; t <= 5; t++) {
            stepWithGrad(opt, p, 3, -0.5f, 1e-3f);
            assertEquals(1 - 0.01 * t, p.value().get(0), FEW_ULPS);
            assertEquals(1 + 0.01 * t, p.value().get(1), FEW_ULPS);
            assertEquals(1 - 0.01 * t, p.value().get(2), FEW_ULPS);
        }
    }

    @Test
    void aZeroGradientElementStaysPutThanksToEpsilon() {
        // m = v = 0 for that element: the update is 0 / (0 + ε) = 0
        Parameter p = new Parameter(Tensor.vector(1, 1));
        Adam opt = new Adam(List.of(p), 0.1);
        stepWithGrad(opt, p, 0, 1);
        assertEquals(1f, p.value().get(0));
    }

    @Test
    void weightDecayIsAddedToTheGradientBeforeTheMoments() {
        // g' = 1.5 + 0.5·1 = 2, then as in the first test: θ = 0.5 and m = 0.5·2 = 1
        Parameter p = new Parameter(Tensor.vector(1));
        Adam opt = new Adam(List.of(p), 0.5).betas(0.5, 0.75).eps(0).weightDecay(0.5);
        stepWithGrad(opt, p, 1.5f);
        assertEquals(Tensor.vector(0.5f), p.value());
        assertEquals(Tensor.vector(1), opt.stateDict().tensors().get("state.0.exp_avg"));
    }

    @Test
    void amsgradDividesByTheLargestSecondMomentSoFar() {
        // step 1 (g = 2): m = 1, v = 1, v_max = 1, θ = 0.5 (as in the first test)
        // step 2 (g = 0): m = 0.5, v = 0.75·1 = 0.75, v_max = max(1, 0.75) = 1
        //   step_size = 0.5/(1 - 0.25), denom = √1/√(1 - 0.5625); θ = 0.5 - step_size · 0.5 / denom
        double expectedAms = 0.5 - (0.5 / 0.75) * 0.5 / (Math.sqrt(1.0) / Math.sqrt(0.4375));
        double expectedPlain = 0.5 - (0.5 / 0.75) * 0.5 / (Math.sqrt(0.75) / Math.sqrt(0.4375));
        Parameter ams = new Parameter(Tensor.vector(1));
        Parameter plain = new Parameter(Tensor.vector(1));
        Adam amsOpt = new Adam(List.of(ams), 0.5).betas(0.5, 0.75).eps(0).amsgrad(true);
        Adam plainOpt = new Adam(List.of(plain), 0.5).betas(0.5, 0.75).eps(0);
        for (float g : new float[] {2, 0}) {
            stepWithGrad(amsOpt, ams, g);
            stepWithGrad(plainOpt, plain, g);
        }
        assertEquals(expectedAms, ams.value().get(0), FEW_ULPS);
        assertEquals(expectedPlain, plain.value().get(0), FEW_ULPS);
        assertEquals(Tensor.vector(1), amsOpt.stateDict().tensors().get("state.0.max_exp_avg_sq"));
        assertEquals(Tensor.vector(0.75f), amsOpt.stateDict().tensors().get("state.0.exp_avg_sq"));
        assertFalse(plainOpt.stateDict().tensors().containsKey("state.0.max_exp_avg_sq"));
    }

    @Test
    void defaultsAreThoseOfPyTorch() {
        Adam opt = new Adam(List.of(new Parameter(Tensor.vector(1))));
        assertEquals(1e-3, opt.lr());
        assertEquals(0.9, opt.beta1());
        assertEquals(0.999, opt.beta2());
        assertEquals(1e-8, opt.eps());
        assertEquals(0.0, opt.weightDecay());
        assertFalse(opt.amsgrad());
    }

    @Test
    void badHyperParametersAreRejectedWithPyTorchsMessages() {
        Adam opt = new Adam(List.of(new Parameter(Tensor.vector(1))));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.betas(1.0, 0.999)).getMessage(),
                startsWith("Invalid beta parameter at index 0: 1.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.betas(0.9, -0.1)).getMessage(),
                startsWith("Invalid beta parameter at index 1: -0.1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.eps(-1)).getMessage(),
                startsWith("Invalid epsilon value: -1.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.weightDecay(-1)).getMessage(),
                startsWith("Invalid weight_decay value: -1.0"));
        assertEquals(0.9, opt.beta1(), "a rejected setter changes nothing");
    }
}
