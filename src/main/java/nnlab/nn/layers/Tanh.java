package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * Hyperbolic tangent, as {@code torch.nn.Tanh}, element-wise: {@code y = tanh(x)}.
 *
 * <p>Shapes: any; output has the input's shape. Backward from the cached output: {@code dx = dy * (1 - y^2)}.
 * Same in train and eval mode.
 */
public class Tanh extends Module {

    /** Cache for backward: the output of the last forward. */
    private Tensor output;

    @Override
    protected Tensor doForward(Tensor x) {
        output = x.tanh();
        return output;
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        // dx = dy * (1 - y^2)
        return LocalGradient.apply(gradOut, output, (dy, y) -> dy * (1f - y * y));
    }
}
