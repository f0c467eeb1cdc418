package nnlab.nn.planted;

import nnlab.nn.layers.Dropout;
import nnlab.tensor.Tensor;

/**
 * PLANTED BUG: the training forward returns {@code x * m} instead of {@code x * m / (1-p)} (the scaling was
 * forgotten in forward), while backward is Dropout's correct {@code dy * m / (1-p)}. GradCheck sees the
 * mismatch (analytic is {@code 1/(1-p)} times numeric); the expectation test sees that {@code E[y] = (1-p) x}.
 */
public class DropoutWithoutScaling extends Dropout {

    public DropoutWithoutScaling(double p, long seed) {
        super(p, seed);
    }

    @Override
    protected Tensor doForward(Tensor x) {
        Tensor y = super.doForward(x); // x * m / (1-p), and the mask cached for backward
        return isTraining() ? y.mul((float) (1 - p())) : y; // BUG: undoes the 1/(1-p)
    }
}
