package nnlab.optim;

import static nnlab.optim.OptimizerTesting.stepWithGrad;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * SGD's update rule on values chosen so every intermediate is exact in float (powers of two and small
 * integers); each expected value is derived by hand in the comment next to it from the pseudo-code in
 * SGD's javadoc (PyTorch's).
 */
class SGDTest {

    /** θ = [1, -2] with gradient [2, 4] (re-accumulated by {@link OptimizerTesting#stepWithGrad}). */
    private static Parameter param() {
        return new Parameter(Tensor.vector(1, -2));
    }

    @Test
    void plainSgdSubtractsLrTimesGrad() {
        // θ - γ g = [1 - 0.5·2, -2 - 0.5·4] = [0, -4]
        Parameter p = param();
        SGD opt = new SGD(List.of(p), 0.5);
        stepWithGrad(opt, p, 2, 4);
        assertEquals(Tensor.vector(0, -4), p.value());
        assertFalse(opt.stateDict().tensors().containsKey("state.0.momentum_buffer"), "no buffer without momentum");
    }

    @Test
    void theFirstMomentumBufferIsTheGradientItself() {
        // step 1: b = g = 2, θ = 1 - 0.5·2 = 0;  step 2: b = 0.5·2 + 2 = 3, θ = 0 - 0.5·3 = -1.5
        Parameter p = new Parameter(Tensor.vector(1));
        SGD opt = new SGD(List.of(p), 0.5).momentum(0.5);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(0), p.value());
        assertEquals(Tensor.vector(2), opt.stateDict().tensors().get("state.0.momentum_buffer"));
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(-1.5f), p.value());
        assertEquals(Tensor.vector(3), opt.stateDict().tensors().get("state.0.momentum_buffer"));
    }

    @Test
    void dampeningScalesTheGradientFromTheSecondStepOn() {
        // step 1: b = g = 2 (not (1 - 0.5)·2), θ = 1 - 0.5·2 = 0;  step 2: b = 0.5·2 + 0.5·2 = 2, θ = 0 - 0.5·2 = -1
        Parameter p = new Parameter(Tensor.vector(1));
        SGD opt = new SGD(List.of(p), 0.5).momentum(0.5).dampening(0.5);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(0), p.value());
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(-1), p.value());
    }

    @Test
    void nesterovStepsAlongTheGradientPlusMomentumTimesTheBuffer() {
        // step 1: b = 2, g' = 2 + 0.5·2 = 3, θ = 1 - 0.5·3 = -0.5
        // step 2: b = 0.5·2 + 2 = 3, g' = 2 + 0.5·3 = 3.5, θ = -0.5 - 0.5·3.5 = -2.25
        Parameter p = new Parameter(Tensor.vector(1));
        SGD opt = new SGD(List.of(p), 0.5).momentum(0.5).nesterov(true);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(-0.5f), p.value());
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(-2.25f), p.value());
    }

    @Test
    void weightDecayAddsLambdaThetaToTheGradient() {
        // g' = 2 + 0.5·1 = 2.5, θ = 1 - 0.5·2.5 = -0.25
        Parameter p = new Parameter(Tensor.vector(1));
        SGD opt = new SGD(List.of(p), 0.5).weightDecay(0.5);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(-0.25f), p.value());
    }

    @Test
    void weightDecayEntersTheMomentumBuffer() {
        // g' = 2 + 0.5·1 = 2.5 = b, θ = 1 - 0.5·2.5 = -0.25
        Parameter p = new Parameter(Tensor.vector(1));
        SGD opt = new SGD(List.of(p), 0.5).momentum(0.9).weightDecay(0.5);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(-0.25f), p.value());
        assertEquals(Tensor.vector(2.5f), opt.stateDict().tensors().get("state.0.momentum_buffer"));
    }

    @Test
    void defaultsAreThoseOfPyTorch() {
        SGD opt = new SGD(List.of(param()), 0.1);
        assertEquals(0.0, opt.momentum());
        assertEquals(0.0, opt.dampening());
        assertEquals(0.0, opt.weightDecay());
        assertFalse(opt.nesterov());
    }

    @Test
    void badHyperParametersAreRejectedWithPyTorchsMessages() {
        SGD opt = new SGD(List.of(param()), 0.1);
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.momentum(-1)).getMessage(),
                startsWith("Invalid momentum value: -1.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.weightDecay(-1)).getMessage(),
                startsWith("Invalid weight_decay value: -1.0"));
        assertThrows(IllegalArgumentException.class, () -> opt.dampening(Double.NaN));
    }

    @Test
    void nesterovNeedsMomentumAndNoDampeningWhicheverIsSetFirst() {
        String msg = "Nesterov momentum requires a momentum and zero dampening";
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(param()), 0.1).nesterov(true)).getMessage(),
                startsWith(msg));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new SGD(List.of(param()), 0.1).momentum(0.9).dampening(0.1).nesterov(true)).getMessage(), startsWith(msg));
        SGD on = new SGD(List.of(param()), 0.1).momentum(0.9).nesterov(true);
        assertThat(assertThrows(IllegalArgumentException.class, () -> on.momentum(0)).getMessage(), containsString("nesterov(true)"));
        assertThrows(IllegalArgumentException.class, () -> on.dampening(0.5));
        assertEquals(0.9, on.momentum(), "a rejected setter changes nothing");
    }
}
