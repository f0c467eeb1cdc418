package nnlab.nn.planted;

import nnlab.tensor.Tensor;

/**
 * PLANTED BUG, consistent version: neither forward nor backward scales by {@code 1/(1-p)} ({@code y = x * m},
 * {@code dx = dy * m}), the mistake of using the 0/1 mask everywhere. Forward and backward agree, so
 * <em>GradCheck cannot see it</em>; the expectation test does ({@code E[y] = (1-p) x}, not {@code x}), and so would
 * a model trained with it and evaluated in eval mode (activations a factor {@code 1-p} too small in training).
 */
public class DropoutWithoutScalingAnywhere extends DropoutWithoutScaling {

    public DropoutWithoutScalingAnywhere(double p, long seed) {
        super(p, seed);
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        Tensor dx = super.doBackward(gradOut); // dy * m / (1-p)
        return isTraining() ? dx.mul((float) (1 - p())) : dx; // BUG: the same unscaled mask as forward
    }
}
