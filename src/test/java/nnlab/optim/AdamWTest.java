package nnlab.optim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import nnlab.testing.TestSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** AdamW: Adam plus a decoupled shrink θ ← θ(1 - γλ) that never enters the moments. */
class AdamWTest {

    @Test
    void withAZeroGradientOnlyTheDecoupledDecayActs() {
        // g = 0: m = v = 0, the Adam update is 0/(0 + ε) = 0; θ = 1·(1 - 0.5·0.5) = 0.75, then 0.75·0.75 = 0.5625
        Parameter p = new Parameter(Tensor.vector(1, -2));
        AdamW opt = new AdamW(List.of(p), 0.5).weightDecay(0.5);
        p.accumulateGrad(Tensor.vector(0, 0));
        opt.step();
        assertEquals(Tensor.vector(0.75f, -1.5f), p.value());
        opt.step();
        assertEquals(Tensor.vector(0.5625f, -1.125f), p.value());
    }

    @Test
    void theDecayDoesNotEnterTheMoments() {
        // β = (0.5, 0.75), g = 2: m = 0.5·2 = 1 whatever λ is (Adam's coupled decay would give m = 0.5·(2 + λθ))
        // θ = 1·(1 - 0.5·0.5) - 1·1/2 = 0.25 (the Adam step of the first AdamTest case is 0.5)
        Parameter p = new Parameter(Tensor.vector(1));
        AdamW opt = new AdamW(List.of(p), 0.5).betas(0.5, 0.75).eps(0).weightDecay(0.5);
        p.accumulateGrad(Tensor.vector(2));
        opt.step();
        assertEquals(Tensor.vector(0.25f), p.value());
        assertEquals(Tensor.vector(1), opt.stateDict().tensors().get("state.0.exp_avg"));
    }

    @Test
    void withoutWeightDecayAdamWIsAdamBitForBit() {
        RandomGenerator rng = Tensor.rng(TestSeeds.of(11));
        Tensor start = Tensor.randn(rng, 0, 1, 3, 4);
        Parameter a = new Parameter(start.copy());
        Parameter w = new Parameter(start.copy());
        Adam adam = new Adam(List.of(a), 0.01).amsgrad(true);
        AdamW adamW = new AdamW(List.of(w), 0.01).weightDecay(0).amsgrad(true);
        for (int t = 0; t < 5; t++) {
            Tensor g = Tensor.randn(rng, 0, 1, 3, 4);
            adam.zeroGrad();
            adamW.zeroGrad();
            a.accumulateGrad(g);
            w.accumulateGrad(g);
            adam.step();
            adamW.step();
        }
        assertEquals(a.value(), w.value());
    }

    @Test
    void defaultsAreThoseOfPyTorch() {
        AdamW opt = new AdamW(List.of(new Parameter(Tensor.vector(1))));
        assertEquals(1e-3, opt.lr());
        assertEquals(0.9, opt.beta1());
        assertEquals(0.999, opt.beta2());
        assertEquals(1e-8, opt.eps());
        assertEquals(1e-2, opt.weightDecay());
        assertEquals(false, opt.amsgrad());
    }

    @Test
    void badHyperParametersAreRejectedWithPyTorchsMessages() {
        AdamW opt = new AdamW(List.of(new Parameter(Tensor.vector(1))));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.betas(0.9, 1.0)).getMessage(),
                startsWith("Invalid beta parameter at index 1: 1.0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.weightDecay(-0.5)).getMessage(),
                startsWith("Invalid weight_decay value: -0.5"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> opt.eps(Double.NaN)).getMessage(),
                startsWith("Invalid epsilon value: NaN"));
    }
}
