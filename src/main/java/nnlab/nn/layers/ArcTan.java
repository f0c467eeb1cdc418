package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * Arctangent activation, element-wise: {@code y = atan(x)}, with values in {@code (-pi/2, pi/2)}. PyTorch has
 * no {@code nn.ArcTan} module; the function is {@code torch.atan}.
 *
 * <p>Shapes: any; output has the input's shape. Backward from the cached input: {@code dx = dy / (1 + x^2)}.
 * Same in train and eval mode.
 */
public class ArcTan extends Module {

    /** Cache for backward: the input of the last forward. */
    private Tensor input;

    @Override
    protected Tensor doForward(Tensor x) {
        input = x;
        return x.map(v -> (float) Math.atan(v));
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        // dx = dy / (1 + x^2)
        return LocalGradient.apply(gradOut, input, (dy, x) -> (float) (dy / (1.0 + (double) x * x)));
    }
}
