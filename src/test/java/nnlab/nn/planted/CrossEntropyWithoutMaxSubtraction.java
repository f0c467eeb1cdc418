package nnlab.nn.planted;

import nnlab.nn.loss.Loss;
import nnlab.nn.loss.Reduction;
import nnlab.tensor.Tensor;

/**
 * Planted bug: cross-entropy (MEAN, no options) computed from {@code exp(x)} directly instead of
 * {@code exp(x - max)}. Correct for small logits; for logits near 1000 {@code exp} overflows to infinity and the
 * loss and its gradient become infinite or NaN.
 */
public class CrossEntropyWithoutMaxSubtraction extends Loss {

    private float[] probs;
    private int[] classes;

    public CrossEntropyWithoutMaxSubtraction() {
        super(Reduction.MEAN);
    }

    @Override
    protected float doForward(Tensor logits, Tensor target) {
        int n = logits.dim(0);
        int c = logits.dim(1);
        float[] x = logits.data();
        probs = new float[n * c];
        classes = new int[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            classes[i] = (int) target.get(i);
            float sumExp = 0;
            for (int k = 0; k < c; k++) {
                sumExp += (float) Math.exp(x[i * c + k]); // BUG: no max subtraction
            }
            for (int k = 0; k < c; k++) {
                probs[i * c + k] = (float) Math.exp(x[i * c + k]) / sumExp;
            }
            total -= Math.log(probs[i * c + classes[i]]);
        }
        return (float) (total / n);
    }

    @Override
    protected Tensor doBackward() {
        int n = classes.length;
        int c = probs.length / n;
        Tensor grad = Tensor.zeros(n, c);
        float[] g = grad.data();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                g[i * c + k] = (probs[i * c + k] - (k == classes[i] ? 1 : 0)) / n;
            }
        }
        return grad;
    }
}
