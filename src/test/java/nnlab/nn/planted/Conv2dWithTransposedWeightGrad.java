package nnlab.nn.planted;

import nnlab.nn.layers.Conv2d;
import nnlab.tensor.Tensor;

/**
 * PLANTED BUG (test-only): a Conv2d whose weight gradient has each kernel's taps transposed, {@code dW[o][c][i][j]}
 * stored at {@code [o][c][j][i]}, as when the im2col rows are read column-major or {@code kH} and {@code kW} are
 * swapped while indexing. Forward, the input gradient and the bias gradient are correct, so only a check of the
 * weight gradient can see the bug. Needs a square kernel.
 */
public class Conv2dWithTransposedWeightGrad extends Conv2d {

    public Conv2dWithTransposedWeightGrad(int inChannels, int outChannels, int kernelSize) {
        super(builder(inChannels, outChannels, kernelSize).rng(Tensor.rng(1)));
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        Tensor before = weight().gradBuffer().copy();
        Tensor dx = super.doBackward(gradOut);
        float[] grad = weight().gradBuffer().data();
        float[] old = before.data();
        float[] added = new float[grad.length];
        for (int i = 0; i < grad.length; i++) {
            added[i] = grad[i] - old[i];
        }
        int k = weight().shape()[3];
        for (int kernel = 0; kernel < grad.length / (k * k); kernel++) {
            int base = kernel * k * k;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    grad[base + i * k + j] = old[base + i * k + j] + added[base + j * k + i];
                }
            }
        }
        return dx;
    }
}
