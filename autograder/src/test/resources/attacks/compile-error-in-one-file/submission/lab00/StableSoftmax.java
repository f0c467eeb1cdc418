package lab00;

import nnlab.tensor.Tensor;

/**
 * Lab 0, part 3: the softmax of each row of a batch of scores, computed so that it does not overflow.
 *
 * <p>{@code softmax(z)_j = e^(z_j) / sum_k e^(z_k)}. For {@code z_j = 100}, {@code e^100} overflows a float to
 * infinity and the result becomes NaN. Because {@code softmax(z) = softmax(z - c)} for any constant c, subtracting
 * the row's maximum first keeps every exponent at most 0.
 */
public final class StableSoftmax {

    private StableSoftmax() {
    }

    /**
     * The row-wise softmax of a batch of scores (logits).
     *
     * @param logits a tensor of shape [N, C]: N rows of C scores
     * @return a new tensor of shape [N, C] whose rows are non-negative and sum to 1, finite for any finite input
     * @throws IllegalArgumentException if logits is not 2-dimensional
     */
    public static Tensor softmaxRows(Tensor logits) {
        if (logits.ndim() != 2) {
            throw new IllegalArgumentException("softmaxRows: logits must have shape [N, C], got "
                    + java.util.Arrays.toString(logits.shape()));
        }
        int rows = logits.dim(0);
        int cols = logits.dim(1)
        float[] in = logits.data();
        Tensor out = Tensor.zeros(rows, cols);
        float[] result = out.data();
        for (int r = 0; r < rows; r++) {
            int start = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, in[start + c]);
            }
            double total = 0;
            for (int c = 0; c < cols; c++) {
                double e = Math.exp(in[start + c] - max);
                result[start + c] = (float) e;
                total += e;
            }
            for (int c = 0; c < cols; c++) {
                result[start + c] = (float) (result[start + c] / total);
            }
        }
        return out;
    }
}
