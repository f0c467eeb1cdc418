package nnlab.nn.planted;

import nnlab.tensor.Tensor;

/**
 * Planted bug: the weight gradient is computed as {@code x^T dY [in, out]} instead of {@code dY^T x [out, in]}.
 * With {@code in == out} the shapes agree, so only the values can reveal it.
 */
public class LinearWithTransposedWeightGrad extends PlantedLinear {

    public LinearWithTransposedWeightGrad(int features, long seed) {
        super(features, features, seed);
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        Tensor.matmulInto(weight().gradBuffer(), x, gradOut, true, false, 1f, 1f);
        bias().gradBuffer().addInPlace(gradOut.sum(0));
        return gradOut.matmul(weight().value());
    }
}
