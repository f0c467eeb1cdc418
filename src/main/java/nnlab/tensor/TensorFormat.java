package nnlab.tensor;

import java.util.Locale;

/**
 * {@link Tensor#toString()}: one line, PyTorch-like, with the shape at the end, e.g.
 * {@code tensor([[1., 2.], [3., 0.5000]], shape=[2, 2])}. Tensors with more than {@link #SUMMARY_THRESHOLD}
 * elements show only the first and last {@link #EDGE_ITEMS} entries of each dimension, separated by {@code ...}.
 */
final class TensorFormat {

    /** PyTorch's default print threshold. */
    static final int SUMMARY_THRESHOLD = 1000;

    /** PyTorch's default edge items. */
    static final int EDGE_ITEMS = 3;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        StringBuilder sb = new StringBuilder("tensor(");
        if (t.shape.length == 0) {
            sb.append(number(t.data[0]));
        } else {
            appendDim(sb, t, 0, 0, t.data.length > SUMMARY_THRESHOLD);
        }
        return sb.append(", shape=").append(Shape.format(t.shape)).append(')').toString();
    }

    private static void appendDim(StringBuilder sb, Tensor t, int dim, int offset, boolean summarize) {
        int size = t.shape[dim];
        int stride = Shape.product(t.shape, dim + 1, t.shape.length);
        sb.append('[');
        for (int i = 0; i < size; i++) {
            if (summarize && size > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                sb.append("..., ");
                i = size - EDGE_ITEMS;
            }
            if (dim == t.shape.length - 1) {
                sb.append(number(t.data[offset + i]));
            } else {
                appendDim(sb, t, dim + 1, offset + i * stride, summarize);
            }
            if (i < size - 1) {
                sb.append(", ");
            }
        }
        sb.append(']');
    }

    /** {@code 2.}, {@code -0.5000}, {@code 1.2346e-05}, {@code nan}, {@code -inf}, as PyTorch prints them. */
    static String number(float v) {
        if (Float.isNaN(v)) {
            return "nan";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        float abs = Math.abs(v);
        if (v == Math.rint(v) && abs < 1e8f) {
            return String.format(Locale.ROOT, "%.0f.", v);
        }
        if (abs >= 1e-4f && abs < 1e8f) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        return String.format(Locale.ROOT, "%.4e", v);
    }
}
