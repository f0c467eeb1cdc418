package nnlab.nn.planted;

import nnlab.tensor.Tensor;

/** Planted bug: the bias gradient is never accumulated (a forgotten {@code db += sum_n dY[n]}). */
public class LinearWithoutBiasGrad extends PlantedLinear {

    public LinearWithoutBiasGrad(int in, int out, long seed) {
        super(in, out, seed);
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        Tensor.matmulInto(weight().gradBuffer(), gradOut, x, true, false, 1f, 1f);
        return gradOut.matmul(weight().value());
    }
}
