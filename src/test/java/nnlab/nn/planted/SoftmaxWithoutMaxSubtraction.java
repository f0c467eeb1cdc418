package nnlab.nn.planted;

import nnlab.nn.layers.Softmax;
import nnlab.tensor.Tensor;

/**
 * PLANTED BUG: {@code y_j = exp(x_j) / sum_k exp(x_k)} without subtracting the maximum first (for input
 * {@code [N, C]}, dim 1). Mathematically the same function, so on small logits it agrees with Softmax and
 * GradCheck passes; from about {@code x = 710} on, {@code exp(x)} overflows even in double, the forward gives
 * {@code inf / inf = NaN}, and GradCheck fails on large logits (100..1000). The backward is Softmax's correct one.
 */
public class SoftmaxWithoutMaxSubtraction extends Softmax {

    public SoftmaxWithoutMaxSubtraction() {
        super(1);
    }

    @Override
    protected Tensor doForward(Tensor x) {
        super.doForward(x); // fills the cache the (correct) backward uses
        int n = x.dim(0);
        int c = x.dim(1);
        float[] in = x.data();
        Tensor y = Tensor.zerosLike(x);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += Math.exp(in[i * c + j]); // BUG: no max subtraction
            }
            for (int j = 0; j < c; j++) {
                y.data()[i * c + j] = (float) (Math.exp(in[i * c + j]) / sum);
            }
        }
        return y;
    }
}
