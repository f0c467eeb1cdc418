package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * Flattens dimensions {@code startDim..end} into one, as {@code torch.nn.Flatten(start_dim=1)}: an image batch
 * {@code [N, C, H, W]} becomes {@code [N, C*H*W]} for a following Linear layer.
 *
 * <p>Backward reshapes the gradient back to the input's shape. No data is copied either way.
 */
public class Flatten extends Module {

    private final int startDim;
    private int[] inputShape;

    /** {@code Flatten(startDim = 1)}: keeps the batch dimension. */
    public Flatten() {
        this(1);
    }

    /** Flattens from {@code startDim} (0 flattens everything) to the last dimension. */
    public Flatten(int startDim) {
        if (startDim < 0) {
            throw new IllegalArgumentException("Flatten: startDim must be >= 0, got " + startDim);
        }
        this.startDim = startDim;
    }

    @Override
    protected Tensor doForward(Tensor x) {
        inputShape = x.shape();
        return x.flatten(startDim);
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        return gradOut.reshape(inputShape);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim;
    }
}
