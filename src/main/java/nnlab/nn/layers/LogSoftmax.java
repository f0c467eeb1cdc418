package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * Logarithm of the softmax along one dimension, as {@code torch.nn.LogSoftmax(dim)}: for every line
 * {@code x_1..x_K} along {@code dim}, with {@code M = max_k x_k},
 * <pre>
 *   y_j = x_j - M - log(sum_k exp(x_k - M))
 * </pre>
 * which equals {@code log(exp(x_j) / sum_k exp(x_k))} but never overflows (every exponent is {@code <= 0}) and
 * stays finite where the softmax itself would underflow to 0 (a log-probability of -1000 is fine). Sums run in
 * double. Pair it with a negative log-likelihood loss for classification.
 *
 * <p>Shapes: any input with at least one dimension; output has the input's shape. {@code dim} may be negative
 * (counted from the end): {@code LogSoftmax(1)} or {@code LogSoftmax(-1)} over the classes of scores
 * {@code [N, C]}.
 *
 * <p>Backward from the cached output, per line: {@code dx_j = dy_j - exp(y_j) * sum_k dy_k}. Same in train and
 * eval mode.
 */
public class LogSoftmax extends Module {

    private final int dim;

    /** Cache for backward: the output of the last forward, and its layout around {@code dim}. */
    private Tensor output;
    private AlongDim layout;

    /** LogSoftmax along {@code dim} (negative counts from the end). */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    /** The dimension the log-softmax runs along, as given. */
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
            // y_j = x_j - (max + log(sum_k exp(x_k - max)))
            double max = line.max(in);
            double logSum = max + Math.log(line.sumExp(in, max));
            for (int k = line.start(); k < line.end(); k += line.step()) {
                y[k] = (float) (in[k] - logSum);
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
            // dx_j = dy_j - exp(y_j) * sum_k dy_k
            double sumDy = line.sum(dy);
            for (int k = line.start(); k < line.end(); k += line.step()) {
                out[k] = (float) (dy[k] - Math.exp(y[k]) * sumDy);
            }
        });
        return dx;
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
