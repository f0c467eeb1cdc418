package nnlab.nn.planted;

import nnlab.nn.layers.BatchNorm1d;
import nnlab.tensor.Tensor;

/**
 * PLANTED BUG: in eval mode the forward normalises with the <em>batch</em> mean and variance instead of
 * {@code running_mean} and {@code running_var} (for input {@code [N, C]}); the backward stays BatchNorm1d's
 * correct eval formula {@code dx = dy * gamma / sqrt(running_var + eps)}. GradCheck in eval mode sees the mismatch;
 * a train-mode GradCheck cannot (train is untouched), and neither could one whose backward had the same bug
 * (then the parity test against PyTorch's eval output, or the behavioural test that a sample's eval output does
 * not depend on the rest of its batch, catches it).
 */
public class BatchNormUsingBatchStatsInEval extends BatchNorm1d {

    public BatchNormUsingBatchStatsInEval(int numFeatures) {
        super(numFeatures);
    }

    @Override
    protected Tensor doForward(Tensor x) {
        Tensor correct = super.doForward(x); // also fills the cache the (correct) backward uses
        if (isTraining()) {
            return correct;
        }
        // BUG: batch statistics in eval
        int n = x.dim(0);
        int c = x.dim(1);
        float[] in = x.data();
        Tensor y = Tensor.zerosLike(x);
        for (int j = 0; j < c; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += in[i * c + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += (in[i * c + j] - mean) * (in[i * c + j] - mean);
            }
            var /= n;
            for (int i = 0; i < n; i++) {
                double xhat = (in[i * c + j] - mean) / Math.sqrt(var + eps());
                y.data()[i * c + j] = (float) (xhat * weight().value().get(j) + bias().value().get(j));
            }
        }
        return y;
    }
}
