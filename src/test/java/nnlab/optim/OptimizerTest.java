package nnlab.optim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The base class's contract, exercised through SGD and Adam: construction checks, skipping, lazy state, lr. */
class OptimizerTest {

    private static Parameter param(float... values) {
        return new Parameter(Tensor.vector(values));
    }

    @Test
    void anEmptyParameterListIsRejectedWithPyTorchsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1));
        assertThat(e.getMessage(), startsWith("optimizer got an empty parameter list"));
        assertThat(e.getMessage(), containsString("model.parameters()"));
    }

    @Test
    void theSameParameterTwiceIsRejectedNamingBothIndices() {
        Parameter a = param(1);
        Parameter b = param(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(a, b, a)));
        assertThat(e.getMessage(), containsString("parameter 2"));
        assertThat(e.getMessage(), containsString("index 0"));
        assertThat(e.getMessage(), containsString("pass each parameter once"));
    }

    @Test
    void nullParametersAreRejected() {
        List<Parameter> withNull = new ArrayList<>();
        withNull.add(param(1));
        withNull.add(null);
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SGD(withNull, 0.1)).getMessage(),
                containsString("parameter 1 is null"));
        assertThrows(IllegalArgumentException.class, () -> new SGD(null, 0.1));
    }

    @Test
    void parametersKeepTheirOrderAndCannotBeChanged() {
        Parameter a = param(1);
        Parameter b = param(2);
        Optimizer opt = new SGD(List.of(a, b), 0.1);
        assertSame(a, opt.parameters().get(0));
        assertSame(b, opt.parameters().get(1));
        assertThrows(UnsupportedOperationException.class, () -> opt.parameters().add(param(3)));
    }

    @Test
    void aNegativeOrNanLearningRateIsRejectedWithPyTorchsMessage() {
        Parameter p = param(1);
        assertThat(assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p), -1.0)).getMessage(),
                startsWith("Invalid learning rate: -1.0"));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(p), Double.NaN));
        Optimizer opt = new Adam(List.of(p));
        assertThrows(IllegalArgumentException.class, () -> opt.setLr(Double.POSITIVE_INFINITY));
        assertEquals(1e-3, opt.lr(), 0.0, "a rejected setLr leaves the lr unchanged");
    }

    @Test
    void setLrChangesTheNextStep() {
        // θ = 1, g = 1: one step with lr 0.5 gives 0.5, a second with lr 0.25 gives 0.25
        Parameter p = param(1);
        p.accumulateGrad(Tensor.vector(1));
        Optimizer opt = new SGD(List.of(p), 0.5);
        opt.step();
        opt.setLr(0.25);
        opt.step();
        assertEquals(0.25f, p.value().get(0));
        assertEquals(0.25, opt.lr(), 0.0);
    }

    @Test
    void initialLrIsUnsetUntilASchedulerOrTheUserSetsIt() {
        Optimizer opt = new SGD(List.of(param(1)), 0.1);
        assertFalse(opt.hasInitialLr());
        assertThat(assertThrows(IllegalStateException.class, opt::initialLr).getMessage(), containsString("LRScheduler"));
        opt.setInitialLr(0.1);
        assertTrue(opt.hasInitialLr());
        assertEquals(0.1, opt.initialLr(), 0.0);
    }

    @Test
    void zeroGradZerosEveryExistingGradientAndCreatesNone() {
        Parameter withGrad = param(1, 2);
        withGrad.accumulateGrad(Tensor.vector(3, 4));
        Parameter frozen = param(1);
        frozen.gradBuffer().fill(5);
        frozen.setRequiresGrad(false);
        Parameter noGrad = param(1);
        new SGD(List.of(withGrad, frozen, noGrad), 0.1).zeroGrad();
        assertEquals(Tensor.vector(0, 0), withGrad.grad());
        assertEquals(Tensor.vector(0), frozen.grad(), "PyTorch zeroes every existing grad, frozen or not");
        assertNull(noGrad.grad());
    }

    @Test
    void frozenAndGradlessParametersAreSkippedAndGetNoState() {
        Parameter trained = param(1);
        trained.accumulateGrad(Tensor.vector(1));
        Parameter frozen = param(1);
        frozen.gradBuffer().fill(1);             // a grad from before freezing
        frozen.setRequiresGrad(false);
        Parameter noGrad = param(1);
        Adam opt = new Adam(List.of(trained, frozen, noGrad), 0.1);
        opt.step();
        assertTrue(trained.value().get(0) < 1f, "the trained parameter moved");
        assertEquals(1f, frozen.value().get(0));
        assertEquals(1f, noGrad.value().get(0));
        assertTrue(opt.hasState(0));
        assertFalse(opt.hasState(1));
        assertFalse(opt.hasState(2));
        assertEquals(List.of("state.0.exp_avg", "state.0.exp_avg_sq"), List.copyOf(opt.stateDict().tensors().keySet()));
    }

    @Test
    void stateIsCreatedOnTheFirstStepThatUpdatesAParameter() {
        Parameter early = param(1);
        early.accumulateGrad(Tensor.vector(1));
        Parameter late = param(1);
        SGD opt = new SGD(List.of(early, late), 0.1).momentum(0.9);
        assertFalse(opt.hasState(0), "no state before the first step");
        opt.step();
        assertTrue(opt.hasState(0));
        assertFalse(opt.hasState(1));
        late.accumulateGrad(Tensor.vector(1));
        opt.step();
        assertTrue(opt.hasState(1));
        OptimizerState s = opt.stateDict();
        assertEquals("2", s.settings().get("state.0.step"));
        assertEquals("1", s.settings().get("state.1.step"));
    }

    @Test
    void stepDoesNotChangeTheGradient() {
        Parameter p = param(1, 2);
        p.accumulateGrad(Tensor.vector(3, 4));
        new SGD(List.of(p), 0.1).momentum(0.9).weightDecay(0.5).nesterov(true).step();
        assertEquals(Tensor.vector(3, 4), p.grad());
    }

    @Test
    void hasStateRejectsAnIndexOutOfRange() {
        Optimizer opt = new SGD(List.of(param(1)), 0.1);
        assertThrows(IndexOutOfBoundsException.class, () -> opt.hasState(1));
    }

    @Test
    void toStringNamesTheHyperParameters() {
        assertEquals("SGD(lr=0.1, momentum=0.9, dampening=0.0, weight_decay=0.0, nesterov=false; 1 parameter)",
                new SGD(List.of(param(1)), 0.1).momentum(0.9).toString());
    }
}
