package nnlab.nn.planted;

import nnlab.nn.layers.Linear;
import nnlab.tensor.Tensor;

/** Planted bug: the bias gradient is never accumulated (a forgotten {@code db += sum_n dY[n]}). */
public class LinearWithoutBiasGrad extends Linear {

    private Tensor x;

    public LinearWithoutBiasGrad(int in, int out, long seed) {
        super(in, out, true, Tensor.rng(seed));
    }

    @Override
    protected Tensor doForward(Tensor input) {
        x = input;
        return super.doForward(input);
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        Tensor.matmulInto(weight().gradBuffer(), gradOut, x, true, false, 1f, 1f);
        return gradOut.matmul(weight().value());
    }
}
