package nnlab.nn.planted;

import nnlab.tensor.Tensor;

/** Planted bug: the bias gradient takes only the first sample's {@code dY[0]} instead of summing over the batch. */
public class LinearBiasGradNotSummed extends PlantedLinear {

    public LinearBiasGradNotSummed(int in, int out, long seed) {
        super(in, out, seed);
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        Tensor.matmulInto(weight().gradBuffer(), gradOut, x, true, false, 1f, 1f);
        bias().gradBuffer().addInPlace(gradOut.slice(0, 1).reshape(outFeatures()));
        return gradOut.matmul(weight().value());
    }
}
