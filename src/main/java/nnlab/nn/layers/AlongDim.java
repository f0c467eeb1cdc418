package nnlab.nn.layers;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A tensor seen as {@code [outer, size, inner]} around one dimension {@code dim}, for ops that reduce along it
 * (Softmax, LogSoftmax): element {@code j} of line {@code (o, i)} is at flat index {@code (o * size + j) * inner + i}.
 */
final class AlongDim {

    final int outer;
    final int size;
    final int inner;

    private AlongDim(int outer, int size, int inner) {
        this.outer = outer;
        this.size = size;
        this.inner = inner;
    }

    /**
     * The layout of {@code shape} around {@code dim}; negative {@code dim} counts from the end as in PyTorch.
     *
     * @param who the module, for the error message
     * @throws IllegalArgumentException if the input is 0-d or {@code dim} is out of range
     */
    static AlongDim of(String who, int[] shape, int dim) {
        int nd = shape.length;
        if (nd == 0 || dim < -nd || dim >= nd) {
            throw new IllegalArgumentException(who + ": dim " + dim + " is out of range for input "
                    + Arrays.toString(shape) + (nd == 0 ? "; the input needs at least one dimension"
                    : "; use a dim in [" + (-nd) + ", " + (nd - 1) + "] (e.g. 1 or -1 for class scores [N, C])"));
        }
        int d = dim < 0 ? dim + nd : dim;
        int outer = 1;
        for (int k = 0; k < d; k++) {
            outer *= shape[k];
        }
        int inner = 1;
        for (int k = d + 1; k < nd; k++) {
            inner *= shape[k];
        }
        return new AlongDim(outer, shape[d], inner);
    }

    /** Flat index of the first element of line {@code (o, i)}; the next elements are {@code inner} apart. */
    int start(int o, int i) {
        return o * size * inner + i;
    }

    /** Calls {@code body} once per line along {@code dim}, in flat-index order of the line starts. */
    void forEachLine(Consumer<Line> body) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int start = start(o, i);
                body.accept(new Line(start, start + size * inner, inner));
            }
        }
    }

    /**
     * One line along {@code dim}: flat indices {@code start, start + step, ...} up to {@code end} (exclusive), to
     * be walked as {@code for (int k = line.start(); k < line.end(); k += line.step())}. The reductions sum in
     * double, in that order.
     */
    record Line(int start, int end, int step) {

        /** {@code max_k a[k]} ({@code -inf} for an empty line). */
        double max(float[] a) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = start; k < end; k += step) {
                max = Math.max(max, a[k]);
            }
            return max;
        }

        /** {@code sum_k exp(a[k] - shift)}. */
        double sumExp(float[] a, double shift) {
            double sum = 0;
            for (int k = start; k < end; k += step) {
                sum += Math.exp(a[k] - shift);
            }
            return sum;
        }

        /** {@code sum_k a[k]}. */
        double sum(float[] a) {
            double sum = 0;
            for (int k = start; k < end; k += step) {
                sum += a[k];
            }
            return sum;
        }

        /** {@code sum_k a[k] * b[k]}. */
        double dot(float[] a, float[] b) {
            double dot = 0;
            for (int k = start; k < end; k += step) {
                dot += (double) a[k] * b[k];
            }
            return dot;
        }
    }
}
