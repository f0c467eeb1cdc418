package nnlab.train;

import nnlab.data.Batch;
import nnlab.data.DataLoader;
import nnlab.data.Dataset;
import nnlab.nn.Module;
import nnlab.nn.loss.Loss;
import nnlab.tensor.Tensor;

/**
 * A model's mean loss, accuracy and confusion matrix on a dataset, computed in evaluation mode.
 *
 * @param loss      mean loss per example
 * @param accuracy  fraction classified correctly
 * @param confusion counts of (true, predicted) class pairs
 */
public record Evaluation(double loss, double accuracy, ConfusionMatrix confusion) {

    /**
     * The sum of the per-example losses of a batch, from the value a loss returned: {@code value * batchSize} for
     * {@code Reduction.MEAN}, {@code value} itself for {@code SUM}.
     */
    static double summedLoss(Loss loss, double value, int batchSize) {
        return loss.reduction() == nnlab.nn.loss.Reduction.MEAN ? value * batchSize : value;
    }

    /**
     * Evaluates {@code model} on {@code data} in batches of {@code batchSize}, in {@code eval()} mode (restoring the
     * previous mode afterwards). The loss must average over the batch ({@code Reduction.MEAN}) or sum
     * ({@code SUM}); either way the result is the mean per example.
     */
    public static Evaluation of(Module model, Loss loss, Dataset data, int batchSize) {
        boolean wasTraining = model.isTraining();
        model.eval();
        try {
            ConfusionMatrix confusion = null;
            double lossSum = 0;
            for (Batch b : new DataLoader(data, batchSize, false, 0)) {
                Tensor scores = model.forward(b.inputs());
                double value = loss.forward(scores, b.targets());
                lossSum += summedLoss(loss, value, b.size());
                if (confusion == null) {
                    confusion = new ConfusionMatrix(scores.dim(1));
                }
                confusion.add(scores, b.targets());
            }
            if (confusion == null) {
                throw new IllegalArgumentException("cannot evaluate on an empty dataset");
            }
            return new Evaluation(lossSum / data.size(), confusion.accuracy(), confusion);
        } finally {
            model.train(wasTraining);
        }
    }
}
