package nnlab.nn.layers;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Batch normalisation over a 2-D or 3-D input, as {@code torch.nn.BatchNorm1d(num_features, eps=1e-5,
 * momentum=0.1, affine=True, track_running_stats=True)}:
 * <pre>
 *   y = (x - E[x]) / sqrt(Var[x] + eps) * gamma + beta
 * </pre>
 * The mean and variance are per channel {@code c}, over the batch (and length) dimensions: over the {@code N}
 * values {@code x[:, c]} of an input {@code [N, C]}, or the {@code N*L} values {@code x[:, c, :]} of an input
 * {@code [N, C, L]}.
 *
 * <p><b>Shapes.</b> Input {@code [N, C]} or {@code [N, C, L]}; output the same. Parameters {@code weight}
 * ({@code gamma}, ones) and {@code bias} ({@code beta}, zeros) of shape {@code [C]} when {@code affine}.
 * Buffers {@code running_mean} {@code [C]} (zeros), {@code running_var} {@code [C]} (ones) and
 * {@code num_batches_tracked} (0-d, counts as a float) when {@code trackRunningStats}.
 *
 * <p><b>Training mode.</b> Normalises with the statistics of the current batch: the mean and the
 * <em>biased</em> variance (divided by {@code m}, the number of values per channel). It then updates
 * {@code running_mean = (1 - momentum) * running_mean + momentum * mean},
 * {@code running_var = (1 - momentum) * running_var + momentum * var * m/(m-1)} (the <em>unbiased</em> variance)
 * and adds 1 to {@code num_batches_tracked}. Needs {@code m > 1}. Backward differentiates through the batch
 * statistics: {@code dx = gamma / (m sqrt(var + eps)) * (m dy - sum(dy) - xhat * sum(dy * xhat))}, with
 * {@code xhat = (x - mean) / sqrt(var + eps)}.
 *
 * <p><b>Evaluation mode.</b> Normalises with {@code running_mean} and {@code running_var}, which are constants:
 * {@code dx = dy * gamma / sqrt(running_var + eps)}. Without running statistics
 * ({@code trackRunningStats = false}) it uses batch statistics in both modes, as PyTorch.
 *
 * <p>In both modes {@code dgamma += sum(dy * xhat)} and {@code dbeta += sum(dy)}, summed per channel.
 * PyTorch's {@code momentum=None} (cumulative average) is not supported.
 */
public class BatchNorm1d extends BatchNormBase {

    /** {@code BatchNorm1d(numFeatures, eps=1e-5, momentum=0.1, affine=true, trackRunningStats=true)}. */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * @param numFeatures       number of channels {@code C} ({@code >= 1})
     * @param eps               added to the variance for numerical stability ({@code > 0}, default 1e-5)
     * @param momentum          weight of the new batch in the running statistics ({@code [0, 1]}, default 0.1)
     * @param affine            whether to learn {@code gamma} and {@code beta} (default true)
     * @param trackRunningStats whether to keep running statistics for evaluation (default true)
     */
    public BatchNorm1d(int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    void checkInput(Tensor x) {
        if ((x.ndim() != 2 && x.ndim() != 3) || x.dim(1) != numFeatures()) {
            int c = numFeatures();
            throw new IllegalArgumentException(describe() + " expects input [N, " + c + "] or [N, " + c
                    + ", L], got " + Arrays.toString(x.shape())
                    + (x.ndim() == 4 ? "; use BatchNorm2d for images [N, C, H, W]"
                    : x.ndim() == 1 ? "; add a batch dimension: x.reshape(1, " + x.dim(0) + ")"
                    : x.ndim() == 2 || x.ndim() == 3 ? "; dimension 1 must be the " + c + " channels" : ""));
        }
    }
}
