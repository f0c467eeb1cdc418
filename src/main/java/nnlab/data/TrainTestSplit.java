package nnlab.data;

/**
 * A dataset split into a training and a test part, as made by {@link ToyDatasets#trainTest(Dataset, double, long)}.
 *
 * @param train the training examples
 * @param test  the held-out test examples
 */
public record TrainTestSplit(TensorDataset train, TensorDataset test) {

    public TrainTestSplit {
        if (train == null || test == null) {
            throw new IllegalArgumentException("a train/test split needs both parts, got "
                    + (train == null ? "no training set" : "no test set"));
        }
    }
}
