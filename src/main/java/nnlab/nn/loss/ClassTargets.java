package nnlab.nn.loss;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Checks shared by the class-index losses ({@link CrossEntropyLoss}, {@link NLLLoss}): the {@code [N, C]} /
 * {@code [N]} shapes, targets that are whole class numbers, and per-class weights.
 */
final class ClassTargets {

    /** Marks a sample whose target equals the ignore index in the array {@link #read} returns. */
    static final int IGNORED = -1;

    private ClassTargets() {
    }

    /**
     * The class of every sample, or {@link #IGNORED} where the target equals {@code ignoreIndex}.
     *
     * @param loss     the loss's name for messages, e.g. {@code CrossEntropyLoss}
     * @param predName what the prediction is, e.g. {@code logits}
     * @param weights  per-class weights or {@code null}; their count must be {@code C}
     */
    static int[] read(String loss, String predName, Tensor pred, Tensor target, float[] weights, int ignoreIndex) {
        int[] ps = pred.shape();
        int[] ts = target.shape();
        if (ps.length != 2 || ts.length != 1 || ts[0] != ps[0]) {
            throw new IllegalArgumentException(loss + " expects " + predName + " [N, C] and targets [N]; got "
                    + predName + " " + Arrays.toString(ps) + " and targets " + Arrays.toString(ts) + hint(predName, ps, ts));
        }
        int n = ps[0];
        int c = ps[1];
        if (weights != null && weights.length != c) {
            throw new IllegalArgumentException(loss + " has " + weights.length + " class weights but " + predName
                    + " " + Arrays.toString(ps) + " have C = " + c + " classes; pass one weight per class");
        }
        float[] t = target.data();
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            float v = t[i];
            if (!(v == Math.rint(v))) {
                throw new IllegalArgumentException(loss + ": target[" + i + "] = " + v + " is not a class index; "
                        + "targets must hold whole numbers 0.." + (c - 1) + " (C = " + c + ")"
                        + " (for probabilities or one-hot rows take the argmax of each row)");
            }
            if (v == ignoreIndex) {
                classes[i] = IGNORED;
            } else if (v < 0 || v >= c) {
                throw new IllegalArgumentException(loss + ": target[" + i + "] = " + (long) v + " is out of range for "
                        + "C = " + c + " classes; class indices run from 0 to " + (c - 1)
                        + (v == c ? " (1-based labels? subtract 1)" : "")
                        + (c == 1 ? " (C = 1: for a binary task use BCEWithLogitsLoss)" : ""));
            } else {
                classes[i] = (int) v;
            }
        }
        return classes;
    }

    private static String hint(String predName, int[] ps, int[] ts) {
        if (ps.length == 2 && Arrays.equals(ps, ts)) {
            return "; for one-hot targets [N, C] pass the class indices instead (the argmax of each row, as a [N] tensor)";
        }
        if (ps.length == 1 && ts.length == 0) {
            return "; for a single sample reshape the " + predName + " to [1, C] and the target to [1]";
        }
        if (ps.length == 2 && ts.length == 2 && ts[1] == 1 && ts[0] == ps[0]) {
            return "; reshape the targets to [N] (target.reshape(-1))";
        }
        if (ps.length == 2 && ts.length == 1) {
            return "; the batch sizes differ";
        }
        return "";
    }

    /** A checked copy of per-class weights: a 1-D tensor of finite values {@code >= 0}. */
    static float[] weights(String loss, Tensor weights) {
        if (weights == null) {
            throw new IllegalArgumentException(loss + ": class weights are null; pass a [C] tensor, one weight per class");
        }
        if (weights.ndim() != 1) {
            throw new IllegalArgumentException(loss + ": class weights must be a 1-D tensor [C], got shape "
                    + Arrays.toString(weights.shape()) + "; reshape to [C]");
        }
        float[] w = weights.toArray();
        for (int c = 0; c < w.length; c++) {
            if (!(w[c] >= 0) || Float.isInfinite(w[c])) {
                throw new IllegalArgumentException(loss + ": class weight[" + c + "] = " + w[c]
                        + "; weights must be finite and >= 0");
            }
        }
        return w;
    }
}
