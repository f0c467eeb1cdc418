package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * Logistic sigmoid, as {@code torch.nn.Sigmoid}, element-wise: {@code y = 1 / (1 + exp(-x))}, computed without
 * overflow for large {@code |x|}.
 *
 * <p>Shapes: any; output has the input's shape. Backward from the cached output:
 * {@code dx = dy * y * (1 - y)}. Same in train and eval mode.
 */
public class Sigmoid extends Module {

    /** Cache for backward: the output of the last forward. */
    private Tensor output;

    @Override
    protected Tensor doForward(Tensor x) {
        output = x.sigmoid();
        return output;
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        // dx = dy * y * (1 - y)
        return LocalGradient.apply(gradOut, output, (dy, y) -> dy * y * (1f - y));
    }
}
