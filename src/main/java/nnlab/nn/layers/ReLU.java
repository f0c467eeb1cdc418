package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * Rectified linear unit, as {@code torch.nn.ReLU}: {@code y = max(0, x)}, element-wise.
 *
 * <p>Shapes: any; output has the input's shape. Backward: {@code dx = dy * [x > 0]} (the derivative at
 * exactly 0 is taken as 0, as PyTorch does). Same in train and eval mode.
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
        float[] x = input.data();
        float[] dy = gradOut.data();
        Tensor dx = Tensor.zerosLike(gradOut);
        float[] out = dx.data();
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] > 0f ? dy[i] : 0f;
        }
        return dx;
    }
}
