package nnlab.data;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * A dataset held in memory as two tensors, as {@code torch.utils.data.TensorDataset}: inputs {@code [N, ...]} and
 * targets {@code [N]} (class indices) or {@code [N, K]}. Batches are copies, so training cannot change the data.
 */
public class TensorDataset implements Dataset {

    private final Tensor inputs;
    private final Tensor targets;

    /**
     * @throws IllegalArgumentException if the first dimensions differ
     */
    public TensorDataset(Tensor inputs, Tensor targets) {
        new Batch(inputs, targets); // validates the shapes
        this.inputs = inputs;
        this.targets = targets;
    }

    @Override
    public int size() {
        return inputs.dim(0);
    }

    @Override
    public int[] inputShape() {
        return Arrays.copyOfRange(inputs.shape(), 1, inputs.ndim());
    }

    @Override
    public Batch batch(int[] indices) {
        for (int i : indices) {
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("index " + i + " out of range for a dataset of " + size()
                        + " examples");
            }
        }
        return new Batch(inputs.indexSelect(indices), targets.indexSelect(indices));
    }

    /** The inputs tensor (shared, not copied). */
    public Tensor inputs() {
        return inputs;
    }

    /** The targets tensor (shared, not copied). */
    public Tensor targets() {
        return targets;
    }
}
