package nnlab.train;

/**
 * What one epoch of training measured. Values not measured (e.g. no test set) are {@code NaN}.
 *
 * @param epoch         epoch number, counting from 1
 * @param trainLoss     mean training loss over the epoch's batches
 * @param trainAccuracy fraction of training examples classified correctly during the epoch
 * @param testLoss      mean loss on the test set after the epoch
 * @param testAccuracy  fraction of the test set classified correctly after the epoch
 * @param learningRate  the learning rate used during the epoch
 * @param seconds       wall-clock seconds the epoch took (training and evaluation)
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                          double learningRate, double seconds) {
}
