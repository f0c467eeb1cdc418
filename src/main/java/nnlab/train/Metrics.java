package nnlab.train;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Classification metrics from scores (logits or probabilities) {@code [N, C]} and class-index targets {@code [N]}.
 * Ties in the scores go to the lowest class index, as {@code argmax} does.
 */
public final class Metrics {

    private Metrics() {
    }

    /** The fraction of rows whose highest score is at the target class: {@code mean(argmax(scores) == target)}. */
    public static double accuracy(Tensor scores, Tensor targets) {
        return topK(scores, targets, 1);
    }

    /** The number of rows whose highest score is at the target class. */
    public static int correct(Tensor scores, Tensor targets) {
        int[] labels = labels(scores, targets);
        int[] predicted = scores.argmax(1);
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                hits++;
            }
        }
        return hits;
    }

    /**
     * The fraction of rows whose target class is among the {@code k} highest scores (top-5 accuracy with
     * {@code k = 5}). A class tied with the k-th score counts only if it has a lower index.
     */
    public static double topK(Tensor scores, Tensor targets, int k) {
        int[] labels = labels(scores, targets);
        int classes = scores.dim(1);
        if (k < 1 || k > classes) {
            throw new IllegalArgumentException("top-k needs 1 <= k <= " + classes + " (the number of classes), got " + k);
        }
        if (labels.length == 0) {
            return Double.NaN;
        }
        float[] s = scores.data();
        int hits = 0;
        for (int n = 0; n < labels.length; n++) {
            int base = n * classes;
            float target = s[base + labels[n]];
            int ahead = 0; // classes ranked before the target
            for (int c = 0; c < classes; c++) {
                float v = s[base + c];
                if (v > target || (v == target && c < labels[n])) {
                    ahead++;
                }
            }
            if (ahead < k) {
                hits++;
            }
        }
        return (double) hits / labels.length;
    }

    /** Targets as class indices, checked against the scores' shape. */
    static int[] labels(Tensor scores, Tensor targets) {
        if (scores.ndim() != 2 || targets.ndim() != 1 || scores.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException("metrics expect scores [N, C] and targets [N], got "
                    + Arrays.toString(scores.shape()) + " and " + Arrays.toString(targets.shape()));
        }
        float[] t = targets.data();
        int[] out = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            float v = t[i];
            if (v != Math.rint(v) || v < 0 || v >= scores.dim(1)) {
                throw new IllegalArgumentException("target " + v + " at row " + i + " is not a class index in 0.."
                        + (scores.dim(1) - 1));
            }
            out[i] = (int) v;
        }
        return out;
    }
}
