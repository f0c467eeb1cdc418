package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * Softmax along one dimension, as {@code torch.nn.Softmax(dim)}: for every line {@code x_1..x_K} along
 * {@code dim},
 * <pre>
 *   y_j = exp(x_j - max_k x_k) / sum_k exp(x_k - max_k x_k)
 * </pre>
 * which equals {@code exp(x_j) / sum_k exp(x_k)}; subtracting the maximum keeps every exponent {@code <= 0}, so
 * large logits (1000) do not overflow to {@code inf / inf = NaN}. Each line sums to 1. Sums run in double.
 *
 * <p>Shapes: any input with at least one dimension; output has the input's shape. {@code dim} may be negative
 * (counted from the end): {@code Softmax(1)} or {@code Softmax(-1)} over the classes of scores {@code [N, C]},
 * {@code Softmax(1)} over the channels of {@code [N, C, H, W]}.
 *
 * <p>Backward from the cached output, per line: {@code dx_j = y_j * (dy_j - sum_k dy_k y_k)}. Same in train and
 * eval mode. For a classification loss prefer {@link LogSoftmax} (or a cross-entropy loss on the logits),
 * which is more accurate for tiny probabilities.
 */
public class Softmax extends Module {

    private final int dim;

    /** Cache for backward: the output of the last forward, and its layout around {@code dim}. */
    private Tensor output;
    private AlongDim layout;

    /** Softmax along {@code dim} (negative counts from the end). */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /** The dimension the softmax runs along, as given. */
    public int dim() {
        return dim;
    }

    @Override
    protected Tensor doForward(Tensor x) {
        layout = AlongDim.of(describe(), x.shape(), dim);
        float[] in = x.data();
        output = Tensor.zerosLike(x);
        float[] y = output.data();
        layout.forEachLine(line -> {
            // y_j = exp(x_j - max) / sum_k exp(x_k - max)
            double max = line.max(in);
            double sum = line.sumExp(in, max);
            for (int k = line.start(); k < line.end(); k += line.step()) {
                y[k] = (float) (Math.exp(in[k] - max) / sum);
            }
        });
        return output;
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        float[] y = output.data();
        float[] dy = gradOut.data();
        Tensor dx = Tensor.zerosLike(gradOut);
        float[] out = dx.data();
        layout.forEachLine(line -> {
            // dx_j = y_j * (dy_j - sum_k dy_k y_k)
            double dot = line.dot(dy, y);
            for (int k = line.start(); k < line.end(); k += line.step()) {
                out[k] = (float) (y[k] * (dy[k] - dot));
            }
        });
        return dx;
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
