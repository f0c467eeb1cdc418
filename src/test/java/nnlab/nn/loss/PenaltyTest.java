package nnlab.nn.loss;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nnlab.nn.Parameter;
import nnlab.nn.Sequential;
import nnlab.nn.layers.Linear;
import nnlab.nn.layers.ReLU;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Behaviour shared by {@link L1Penalty} and {@link L2Penalty}: accumulation, frozen parameters, selection. */
class PenaltyTest {

    @Test
    void backwardAddsToExistingGradient() {
        Parameter p = new Parameter(Tensor.vector(1, -1));
        p.accumulateGrad(Tensor.vector(10, 20));
        new L2Penalty(0.5).backward(List.of(p));
        // 10 + 2·0.5·1, 20 + 2·0.5·(-1)
        assertThat(p.grad(), is(Tensor.vector(11, 19)));
    }

    @Test
    void frozenParametersCountInValueButGetNoGradient() {
        // PyTorch: a frozen p still appears in lam * sum(p.abs().sum()), as a constant; autograd gives it no grad
        Parameter trained = new Parameter(Tensor.vector(2));
        Parameter frozen = new Parameter(Tensor.vector(-3)).setRequiresGrad(false);
        L1Penalty l1 = new L1Penalty(0.1);
        assertThat((double) l1.value(List.of(trained, frozen)), closeTo(0.5, 1e-7));
        l1.backward(List.of(trained, frozen));
        assertThat(trained.grad(), is(Tensor.vector(0.1f)));
        assertThat(frozen.grad(), is(nullValue()));
    }

    @Test
    void weightsOfSkipsBiases() {
        Linear first = new Linear(3, 4, true, Tensor.rng(1));
        Linear second = new Linear(4, 2, true, Tensor.rng(2));
        Sequential model = new Sequential(first, new ReLU(), second);
        assertThat(Penalty.weightsOf(model), contains(first.weight(), second.weight()));
        assertThat(Penalty.select(model, name -> name.startsWith("2.")), contains(second.weight(), second.bias()));
    }

    @Test
    void penaltyOverModelMatchesSumOverItsWeights() {
        // L2 on weights only: λ (Σ W1² + Σ W2²), the biases left out
        Linear first = new Linear(3, 4, true, Tensor.rng(1));
        Linear second = new Linear(4, 2, true, Tensor.rng(2));
        Sequential model = new Sequential(first, new ReLU(), second);
        double expected = 0;
        for (Linear l : List.of(first, second)) {
            for (float v : l.weight().value().data()) {
                expected += (double) v * v;
            }
        }
        assertThat((double) new L2Penalty(0.01).value(Penalty.weightsOf(model)), closeTo(0.01 * expected, 1e-7));
    }

    @Test
    void invalidLambdaIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new L1Penalty(-1));
        assertThat(e.getMessage(), containsString("L1Penalty: lambda must be finite and >= 0, got -1.0"));
        assertThrows(IllegalArgumentException.class, () -> new L2Penalty(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new L2Penalty(Double.POSITIVE_INFINITY));
    }

    @Test
    void nullParametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new L2Penalty(1).value(null));
        assertThat(e.getMessage(), containsString("model.parameters()"));
    }

    @Test
    void printsItsStrength() {
        assertThat(new L1Penalty(0.001).toString(), is("L1Penalty(0.001)"));
        assertThat(new L2Penalty(0.5).lambda(), is(0.5));
    }
}
