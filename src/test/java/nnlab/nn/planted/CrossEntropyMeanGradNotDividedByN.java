package nnlab.nn.planted;

import nnlab.nn.loss.CrossEntropyLoss;
import nnlab.tensor.Tensor;

/**
 * Planted bug: the MEAN loss value is right, but backward returns {@code softmax - onehot} without the
 * {@code 1/N} of the mean, so gradients are {@code N} times too large.
 */
public class CrossEntropyMeanGradNotDividedByN extends CrossEntropyLoss {

    private int batchSize;

    @Override
    protected float doForward(Tensor logits, Tensor target) {
        batchSize = logits.dim(0);
        return super.doForward(logits, target);
    }

    @Override
    protected Tensor doBackward() {
        return super.doBackward().mul(batchSize); // BUG: undoes the 1/N of the mean
    }
}
