package nnlab.nn.loss;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Checks shared by the element-wise losses ({@link MSELoss}, {@link BCELoss}, {@link BCEWithLogitsLoss}): a
 * target of the prediction's shape, and weight tensors that broadcast over the leading dimensions.
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
}
