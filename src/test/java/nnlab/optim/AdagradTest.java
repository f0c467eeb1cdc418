package nnlab.optim;

import static nnlab.optim.OptimizerTesting.FEW_ULPS;
import static nnlab.optim.OptimizerTesting.stepWithGrad;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Adagrad's update rule; expected values derived by hand from the pseudo-code in Adagrad's javadoc. */
class AdagradTest {

    @Test
    void theStepIsDividedByTheRootOfTheSummedSquares() {
        // step 1 (g = 2): sum = 4, θ = 1 - 0.5·2/√4 = 0.5;  step 2 (g = 2): sum = 8, θ = 0.5 - 0.5·2/√8
        Parameter p = new Parameter(Tensor.vector(1));
        Adagrad opt = new Adagrad(List.of(p), 0.5).eps(0);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(0.5f), p.value());
        assertEquals(Tensor.vector(4), opt.stateDict().tensors().get("state.0.sum"));
        stepWithGrad(opt, p, 2);
        assertEquals(0.5 - 0.5 * 2 / Math.sqrt(8), p.value().get(0), FEW_ULPS);
    }

    @Test
    void lrDecayShrinksTheLrFromTheSecondStep() {
        // η = 1: step 1 uses 0.5/(1 + 0·1) = 0.5 (θ = 0.5 as above), step 2 uses 0.5/(1 + 1·1) = 0.25
        Parameter p = new Parameter(Tensor.vector(1));
        Adagrad opt = new Adagrad(List.of(p), 0.5).eps(0).lrDecay(1);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(0.5f), p.value());
        stepWithGrad(opt, p, 2);
        assertEquals(0.5 - 0.25 * 2 / Math.sqrt(8), p.value().get(0), FEW_ULPS);
    }

    @Test
    void theAccumulatorStartsAtItsInitialValue() {
        // τ = 5, g = 2: sum = 5 + 4 = 9, θ = 1 - 0.5·2/3
        Parameter p = new Parameter(Tensor.vector(1));
        Adagrad opt = new Adagrad(List.of(p), 0.5).eps(0).initialAccumulatorValue(5);
        stepWithGrad(opt, p, 2);
        assertEquals(Tensor.vector(9), opt.stateDict().tensors().get("state.0.sum"));
        assertEquals(1 - 0.5 * 2 / 3.0, p.value().get(0), FEW_ULPS);
    }

    @Test
    void weightDecayIsAddedToTheGradient() {
        // g' = 1.5 + 0.5·1 = 2: as the first step above, θ = 0.5 and sum = 4
        Parameter p = new Parameter(Tensor.vector(1));
        Adagrad opt = new Adagrad(List.of(p), 0.5).eps(0).weightDecay(0.5);
        stepWithGrad(opt, p, 1.5f);
        assertEquals(Tensor.vector(0.5f), p.value());
        assertEquals(Tensor.vector(4), opt.stateDict().tensors().get("state.0.sum"));
    }

    @Test
    void defaultsAreThoseOfPyTorch() {
        Adagrad opt = new Adagrad(List.of(new Parameter(Tensor.vector(1))));
        assertEquals(1e-2, opt.lr());
        assertEquals(0.0, opt.lrDecay());
        assertEquals(0.0, opt.weightDecay());
        assertEquals(0.0, opt.initialAccumulatorValue());
        assertEquals(1e-10, opt.eps());
    }

    @Test
    void badHyperParametersAreRejectedWithPyTorchsMessages() {
        Adagrad opt = new Adagrad(List.of(new Parameter(Tensor.vector(1))));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.lrDecay(-1)).getMessage(),
                startsWith("Invalid lr_decay value: -1.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.weightDecay(-1)).getMessage(),
                startsWith("Invalid weight_decay value: -1.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.initialAccumulatorValue(-1)).getMessage(),
                startsWith("Invalid initial_accumulator_value value: -1.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.eps(-1)).getMessage(),
                startsWith("Invalid epsilon value: -1.0"));
    }
}
