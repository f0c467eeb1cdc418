package nnlab.nn.loss;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import nnlab.tensor.Tensor;

/**
 * Checks and mechanics shared by the element-wise losses ({@link MSELoss}, {@link BCELoss},
 * {@link BCEWithLogitsLoss}): a target of the prediction's shape, weight tensors that broadcast over the leading
 * dimensions, the reduction's scale and the loop that fills the gradient.
 */
final class ElementwiseTargets {

    private ElementwiseTargets() {
    }

    /** Throws unless {@code target} has {@code pred}'s shape; {@code hint} ends the message (may be empty). */
    static void checkSameShape(String loss, Tensor pred, Tensor target, String hint) {
        if (!Arrays.equals(pred.shape(), target.shape())) {
            throw new IllegalArgumentException(loss + " expects a target of the input's shape; got input "
                    + Arrays.toString(pred.shape()) + " and target " + Arrays.toString(target.shape())
                    + (pred.numel() == target.numel() ? "; reshape the target to " + Arrays.toString(pred.shape()) : "")
                    + hint);
        }
    }

    /** A checked copy of a weight tensor: finite values, at least one dimension. */
    static Tensor weights(String loss, String what, Tensor w) {
        if (w == null) {
            throw new IllegalArgumentException(loss + ": " + what + " is null; pass a tensor, e.g. of shape [C]");
        }
        if (w.ndim() == 0) {
            throw new IllegalArgumentException(loss + ": " + what + " is a 0-d tensor; pass shape [1] or [C]");
        }
        float[] d = w.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                throw new IllegalArgumentException(loss + ": " + what + " holds " + d[i] + " at flat index " + i
                        + "; weights must be finite");
            }
        }
        return w.copy();
    }

    /**
     * Throws unless {@code w}'s shape equals the trailing dimensions of {@code inputShape} (e.g. {@code [C]} for
     * input {@code [N, C]}); element {@code i} of the input then uses {@code w.data()[i % w.numel()]}.
     */
    static void checkBroadcast(String loss, String what, Tensor w, int[] inputShape) {
        int[] ws = w.shape();
        boolean ok = ws.length <= inputShape.length;
        for (int d = 0; ok && d < ws.length; d++) {
            ok = ws[ws.length - 1 - d] == inputShape[inputShape.length - 1 - d];
        }
        if (!ok) {
            throw new IllegalArgumentException(loss + ": " + what + " of shape " + Arrays.toString(ws)
                    + " does not broadcast to input " + Arrays.toString(inputShape) + "; it must equal the input's "
                    + "trailing dimensions, e.g. [" + (inputShape.length == 0 ? "" : inputShape[inputShape.length - 1])
                    + "] (one per class) or " + Arrays.toString(inputShape));
        }
    }

    /** The factor {@code s} of {@code L = s * sum_i l_i}: {@code 1/numel} for MEAN, 1 for SUM. */
    static double scale(Reduction reduction, int numel) {
        return reduction == Reduction.MEAN ? 1.0 / numel : 1.0;
    }

    /** Element {@code i} of a weight that broadcasts as {@link #checkBroadcast} allows; 1 when {@code w} is null. */
    static double weightAt(Tensor w, int i) {
        return w == null ? 1.0 : w.data()[i % w.numel()];
    }

    /** The gradient tensor of {@code shape} with {@code dL/dx_i = dLdx(i)}, rounded to float. */
    static Tensor gradient(int[] shape, IntToDoubleFunction dLdx) {
        Tensor grad = Tensor.zeros(shape);
        float[] g = grad.data();
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) dLdx.applyAsDouble(i);
        }
        return grad;
    }
}
