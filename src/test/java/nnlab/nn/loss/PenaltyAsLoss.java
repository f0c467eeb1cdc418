package nnlab.nn.loss;

import java.util.List;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;

/**
 * Test adapter that lets {@code GradCheck.loss} check a {@link Penalty}: the prediction is the parameter's
 * value ({@code forward} wraps it in a fresh {@link Parameter}, sharing its data), the target is ignored,
 * and {@code backward} returns the gradient {@link Penalty#backward} accumulated from zero.
 */
final class PenaltyAsLoss extends Loss {

    private final Penalty penalty;
    private Parameter parameter;

    PenaltyAsLoss(Penalty penalty) {
        super(Reduction.SUM);
        this.penalty = penalty;
    }

    @Override
    protected float doForward(Tensor pred, Tensor target) {
        parameter = new Parameter(pred);
        return penalty.value(List.of(parameter));
    }

    @Override
    protected Tensor doBackward() {
        penalty.backward(List.of(parameter));
        return parameter.grad();
    }

    @Override
    public String toString() {
        return penalty.toString();
    }
}
