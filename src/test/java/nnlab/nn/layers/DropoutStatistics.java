package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;
import nnlab.testing.Tolerances;

/** The expectation check of dropout, shared by {@code DropoutTest} and the planted-bug tests. */
public final class DropoutStatistics {

    private DropoutStatistics() {
    }

    /**
     * {@code |mean(dropout(ones(n))) - 1|} for a module in training mode: each output is {@code m/(1-p)} with
     * {@code m ~ Bernoulli(1-p)}, so the mean is 1 for a correct (inverted) dropout and {@code 1-p} without the
     * scaling.
     */
    public static double meanOutputOnOnesMinusOne(Module dropout, int n) {
        return Math.abs((double) dropout.forward(Tensor.ones(n)).sum() / n - 1.0);
    }

    /** Six standard errors of that mean ({@link Tolerances#SAMPLE_STANDARD_ERRORS}): each output has variance {@code p/(1-p)}. */
    public static double expectationBound(double p, int n) {
        return Tolerances.SAMPLE_STANDARD_ERRORS * Math.sqrt(p / (1 - p) / n);
    }
}
