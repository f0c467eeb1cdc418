package nnlab.optim;

import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;

/** Shared setup of the hand-derived optimizer tests (SGD, Adam, Adagrad, RMSprop). */
final class OptimizerTesting {

    /** float32 rounding over a few operations on values of order 1. */
    static final double FEW_ULPS = 1e-6;

    private OptimizerTesting() {
    }

    /** Replaces the gradient of {@code p} (a vector) by {@code grad} and takes one step of {@code opt}. */
    static void stepWithGrad(Optimizer opt, Parameter p, float... grad) {
        opt.zeroGrad();
        p.accumulateGrad(Tensor.vector(grad));
        opt.step();
    }
}
