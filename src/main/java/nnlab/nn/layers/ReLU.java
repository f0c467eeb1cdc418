package nnlab.nn.layers;

import nnlab.backend.Backends;
import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * Rectified linear unit, as {@code torch.nn.ReLU}: {@code y = max(0, x)}, element-wise.
 *
 * <p>Shapes: any; output has the input's shape. Backward: {@code dx = dy * [x > 0]} (the derivative at
 * exactly 0 is taken as 0, as PyTorch does; a NaN input passes its gradient through, as in PyTorch). Same in train and eval mode.
 */
public class ReLU extends Module {

    /** Cache for backward: the input of the last forward. */
    private Tensor input;

    @Override
    protected Tensor doForward(Tensor x) {
        input = x;
        return x.relu();
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        // dx = dy * [x > 0], on the compute backend (vectorised there: this runs on every activation of a CNN)
        Tensor dx = Tensor.zerosLike(gradOut);
        Backends.current().reluBackward(dx.numel(), gradOut.data(), input.data(), dx.data());
        return dx;
    }
}
