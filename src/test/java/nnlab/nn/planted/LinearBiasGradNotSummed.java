package nnlab.nn.planted;

import nnlab.nn.layers.Linear;
import nnlab.tensor.Tensor;

/** Planted bug: the bias gradient takes only the first sample's {@code dY[0]} instead of summing over the batch. */
public class LinearBiasGradNotSummed extends Linear {

    private Tensor x;

    public LinearBiasGradNotSummed(int in, int out, long seed) {
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
        bias().gradBuffer().addInPlace(gradOut.slice(0, 1).reshape(outFeatures()));
        return gradOut.matmul(weight().value());
    }
}
