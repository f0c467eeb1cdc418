package nnlab.tensor;

import nnlab.backend.Backends;

/**
 * Sums, means, maxima and argmax, over the whole tensor or along one axis, behind {@link Tensor#sum()} and friends.
 *
 * <p>An axis reduction views the tensor as {@code [outer, len, inner]}, where {@code len} is the size of the
 * reduced axis, {@code outer} the product of the sizes before it and {@code inner} the product of those after
 * it; the result is {@code [outer, inner]} reshaped to the input shape without that axis.
 *
 * <p>Sums accumulate in {@code double}, except {@code sum(0)} of a 2-D tensor, which is the bias-gradient
 * column sum and runs on the backend ({@link nnlab.backend.Backend#sumRows}) in float.
 *
 * <p>Empty tensors, as in PyTorch: a sum over nothing is 0 and a mean over nothing is NaN; max, min and
 * argmax over nothing have no answer and throw.
 */
final class Reductions {

    private Reductions() {
    }

    static double sum(Tensor t) {
        double s = 0;
        for (float v : t.data) {
            s += v;
        }
        return s;
    }

    /** Largest element (or smallest, when {@code largest} is false); NaN if any element is NaN, as in PyTorch. */
    static float extreme(String op, Tensor t, boolean largest) {
        requireNonEmpty(op, t);
        return t.data[extremeIndex(t.data, 0, t.data.length, 1, largest)];
    }

    static int argmax(Tensor t) {
        requireNonEmpty("argmax", t);
        return extremeIndex(t.data, 0, t.data.length, 1, true);
    }

    /**
     * Position {@code p} (0-based, in steps) of the first largest (or smallest) of {@code len} values
     * {@code data[start + p * step]}. A NaN counts as larger and smaller than everything, so the first NaN
     * wins, as PyTorch's max/argmax propagate NaN. Ties go to the first index, as in PyTorch.
     */
    private static int extremeIndex(float[] data, int start, int len, int step, boolean largest) {
        int best = 0;
        float bestValue = data[start];
        for (int p = 1; p < len && !Float.isNaN(bestValue); p++) {
            float v = data[start + p * step];
            if (Float.isNaN(v) || (largest ? v > bestValue : v < bestValue)) {
                best = p;
                bestValue = v;
            }
        }
        return best;
    }

    private static void requireNonEmpty(String op, Tensor t) {
        if (t.data.length == 0) {
            throw new IllegalArgumentException(op + ": tensor of shape " + Shape.format(t.shape)
                    + " is empty and " + op + " has no value for no elements; check the shape (sum() of an empty tensor is 0)");
        }
    }

    // ---------------------------------------------------------------- along one axis

    /** Sum along {@code axis}: {@code out[o, i] = sum_k t[o, k, i]}. */
    static Tensor sum(Tensor t, int axis) {
        int a = Shape.normalizeAxis("sum", axis, t.shape);
        if (t.shape.length == 2 && a == 0) {
            Tensor out = new Tensor(new float[t.shape[1]], new int[] {t.shape[1]});
            Backends.current().sumRows(t.shape[0], t.shape[1], t.data, out.data);
            return out;
        }
        return sumAlong(t, a, false);
    }

    /** Mean along {@code axis}: the sum divided by the axis size; NaN where the axis is empty, as in PyTorch. */
    static Tensor mean(Tensor t, int axis) {
        int a = Shape.normalizeAxis("mean", axis, t.shape);
        return sumAlong(t, a, true);
    }

    private static Tensor sumAlong(Tensor t, int a, boolean mean) {
        int len = t.shape[a];
        int outer = Shape.product(t.shape, 0, a);
        int inner = Shape.product(t.shape, a + 1, t.shape.length);
        float[] out = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double s = 0;
                for (int k = 0; k < len; k++) {
                    s += t.data[(o * len + k) * inner + i];
                }
                out[o * inner + i] = (float) (mean ? s / len : s); // 0.0 / 0 is NaN: the mean of nothing
            }
        }
        return new Tensor(out, Shape.remove(t.shape, a));
    }

    /** Max (or min) along {@code axis}: {@code out[o, i] = max_k t[o, k, i]}. */
    static Tensor extreme(String op, Tensor t, int axis, boolean largest) {
        int a = Shape.normalizeAxis(op, axis, t.shape);
        int[] index = extremeIndices(op, t, a, largest);
        int len = t.shape[a];
        int inner = Shape.product(t.shape, a + 1, t.shape.length);
        float[] out = new float[index.length];
        for (int j = 0; j < index.length; j++) {
            int o = j / inner;
            int i = j % inner;
            out[j] = t.data[(o * len + index[j]) * inner + i];
        }
        return new Tensor(out, Shape.remove(t.shape, a));
    }

    static int[] argmax(Tensor t, int axis) {
        return extremeIndices("argmax", t, Shape.normalizeAxis("argmax", axis, t.shape), true);
    }

    private static int[] extremeIndices(String op, Tensor t, int a, boolean largest) {
        int len = t.shape[a];
        if (len == 0) {
            throw new IllegalArgumentException(op + ": axis " + a + " of shape " + Shape.format(t.shape)
                    + " has size 0, and " + op + " over no elements has no value; reduce over a non-empty axis");
        }
        int outer = Shape.product(t.shape, 0, a);
        int inner = Shape.product(t.shape, a + 1, t.shape.length);
        int[] out = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                out[o * inner + i] = extremeIndex(t.data, o * len * inner + i, len, inner, largest);
            }
        }
        return out;
    }
}
