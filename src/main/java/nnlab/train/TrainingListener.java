package nnlab.train;

/**
 * Callbacks from {@link Trainer#fit}: progress bars, logging, plots, checkpoints. Every method has an empty
 * default, so a listener implements only what it needs.
 */
public interface TrainingListener {

    /** Epoch {@code epoch} (from 1) of {@code epochs} starts; it has {@code batches} batches. */
    default void epochStarted(int epoch, int epochs, int batches) {
    }

    /**
     * Batch {@code batch} (from 1) finished with this batch's loss and the running training accuracy of the epoch.
     */
    default void batchFinished(int epoch, int batch, double loss, double runningAccuracy) {
    }

    /** The epoch finished and was evaluated. */
    default void epochFinished(EpochRecord record) {
    }
}
