package nnlab.data;

import nnlab.tensor.Tensor;

/**
 * One mini-batch: inputs {@code [B, ...]} (e.g. {@code [128, 784]} or {@code [64, 1, 28, 28]}) and targets
 * {@code [B]} holding class indices as floats (what {@code CrossEntropyLoss} takes), or {@code [B, K]} for
 * regression targets.
 *
 * @param inputs  the examples, batch dimension first
 * @param targets the labels, batch dimension first
 */
public record Batch(Tensor inputs, Tensor targets) {

    public Batch {
        if (inputs == null || targets == null) {
            throw new IllegalArgumentException("a batch needs inputs and targets, got "
                    + (inputs == null ? "null inputs" : "null targets"));
        }
        if (inputs.ndim() == 0 || targets.ndim() == 0 || inputs.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException("inputs " + java.util.Arrays.toString(inputs.shape()) + " and targets "
                    + java.util.Arrays.toString(targets.shape()) + " must have the same batch size (first dimension)");
        }
    }

    /** Number of examples, {@code B}. */
    public int size() {
        return inputs.dim(0);
    }
}
