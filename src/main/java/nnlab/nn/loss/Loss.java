package nnlab.nn.loss;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Base class of the losses: {@code float forward(pred, target)} computes the loss, {@code Tensor backward()}
 * returns {@code dL/dpred} (same shape as {@code pred}) for that forward, ready for {@code model.backward(...)}.
 *
 * <p>A subclass implements {@link #doForward} and {@link #doBackward}; this class enforces the protocol:
 * backward before forward, or twice after one forward, is an error, and the gradient must have the
 * prediction's shape. Sums are accumulated in double; the value is returned as float.
 */
public abstract class Loss {

    private final Reduction reduction;
    private boolean backwardPending;
    private boolean forwardDone;
    private int[] predShape;

    /** @param reduction how the per-element terms are combined */
    protected Loss(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction is null; pass Reduction.MEAN or Reduction.SUM");
        }
        this.reduction = reduction;
    }

    /** The reduction this loss was built with. */
    public final Reduction reduction() {
        return reduction;
    }

    /**
     * The loss of predictions {@code pred} against {@code target}; shapes are documented by each loss.
     *
     * @throws IllegalArgumentException if the shapes or target values are invalid for this loss
     */
    public final float forward(Tensor pred, Tensor target) {
        if (pred == null || target == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".forward: "
                    + (pred == null ? "pred" : "target") + " is null");
        }
        float value = doForward(pred, target);
        predShape = pred.shape();
        forwardDone = true;
        backwardPending = true;
        return value;
    }

    /**
     * {@code dL/dpred} for the last forward, as {@code loss.backward()} starts back-propagation in PyTorch.
     *
     * @throws IllegalStateException if there was no forward since the last backward
     */
    public final Tensor backward() {
        if (!backwardPending) {
            throw new IllegalStateException(getClass().getSimpleName() + ".backward called "
                    + (forwardDone ? "twice after one forward" : "before forward")
                    + "; call forward(pred, target) first: each forward allows exactly one backward");
        }
        backwardPending = false;
        Tensor grad = doBackward();
        if (!Arrays.equals(grad.shape(), predShape)) {
            throw new IllegalStateException(getClass().getSimpleName() + ".doBackward returned shape "
                    + Arrays.toString(grad.shape()) + " but pred had shape " + Arrays.toString(predShape));
        }
        return grad;
    }

    /** Computes the loss and keeps what {@link #doBackward()} needs. */
    protected abstract float doForward(Tensor pred, Tensor target);

    /** {@code dL/dpred} for the last {@link #doForward}. */
    protected abstract Tensor doBackward();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(reduction=" + reduction.name().toLowerCase() + ")";
    }
}
