package nnlab.nn.loss;

/**
 * How a loss combines its per-element terms into one number, as PyTorch's {@code reduction} argument.
 * ({@code 'none'} is not offered: nnlab losses return one number.)
 */
public enum Reduction {
    /** The average of the terms (PyTorch's default); for class-weighted losses, divided by the sum of the weights. */
    MEAN,
    /** The sum of the terms, e.g. {@code nn.CrossEntropyLoss(reduction='sum')}; gradients grow with the batch size. */
    SUM
}
