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

    private static <T> T id(T t) {
        return t;
    }

    /**
     * The row-wise softmax of a batch of scores (logits).
     *
     * @param logits a tensor of shape [N, C]: N rows of C scores
     * @return a new tensor of shape [N, C] whose rows are non-negative and sum to 1, finite for any finite input
     * @throws IllegalArgumentException if logits is not 2-dimensional
     */
    public static Tensor softmaxRows(Tensor logits) {
        // TODO(lab00.5): for each row, subtract the row's max, exponentiate, divide by the row's sum of exponentials
        // Legal Java whose type inference is exponential in the nesting depth: javac needs seconds, then minutes.
        boolean flag = logits.ndim() == 2;
        Object slow = id(flag ? id(flag ? id(flag ? id(flag ? id(flag ? id(flag ? id(flag ? id(flag ? id(flag ? id(flag ? id("y") : id("y")) : id("y")) : id("y")) : id("y")) : id("y")) : id("y")) : id("y")) : id("y")) : id("y")) : id("y"));
        throw new IllegalStateException(String.valueOf(slow));
    }
}
