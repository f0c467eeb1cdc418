package nnlab.data;

import java.util.Arrays;

/**
 * A fixed, indexable collection of examples, as {@code torch.utils.data.Dataset}. Implementations return whole
 * mini-batches, so that a {@link DataLoader} copies each batch once.
 */
public interface Dataset {

    /** Number of examples. */
    int size();

    /** Shape of one input example, e.g. {@code [784]}, {@code [1, 28, 28]} or {@code [3, 32, 32]}. */
    int[] inputShape();

    /**
     * The examples at {@code indices}, in that order: inputs {@code [indices.length, ...inputShape()]} and their
     * targets.
     *
     * @throws IndexOutOfBoundsException if an index is not in {@code [0, size())}
     */
    Batch batch(int[] indices);

    /** All examples in order, as one batch (for evaluation of small sets). */
    default Batch all() {
        int[] idx = new int[size()];
        Arrays.setAll(idx, i -> i);
        return batch(idx);
    }
}
