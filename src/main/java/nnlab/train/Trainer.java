package nnlab.train;

import java.util.ArrayList;
import java.util.List;
import nnlab.data.Batch;
import nnlab.data.DataLoader;
import nnlab.data.Dataset;
import nnlab.nn.Module;
import nnlab.nn.loss.Loss;
import nnlab.optim.Optimizer;
import nnlab.optim.lr.LRScheduler;
import nnlab.tensor.Tensor;

/**
 * The training loop, packaged for the CLI and for students past the lesson that writes it by hand. Each epoch
 * runs exactly the teaching form:
 * <pre>
 *   model.train()
 *   for each batch (x, y):
 *       optimizer.zeroGrad()
 *       scores = model.forward(x)
 *       loss.forward(scores, y)
 *       model.backward(loss.backward())
 *       optimizer.step()
 *   evaluate on the test set (model.eval())
 *   scheduler.step()                     (once per epoch, after the optimizer steps)
 * </pre>
 * and records an {@link EpochRecord} in the {@link History}. Listeners see every batch and epoch; early
 * stopping ends training when the test accuracy has not improved for {@code patience} epochs.
 */
public final class Trainer {

    private final Module model;
    private final Loss loss;
    private final Optimizer optimizer;
    private LRScheduler scheduler;
    private int patience = Integer.MAX_VALUE;
    private double minDelta;
    private int evalBatchSize = 1000;
    private long maxSteps = Long.MAX_VALUE;
    private long steps;
    private final List<TrainingListener> listeners = new ArrayList<>();

    /** A trainer of {@code model} with {@code loss} and {@code optimizer} (built over the model's parameters). */
    public Trainer(Module model, Loss loss, Optimizer optimizer) {
        if (model == null || loss == null || optimizer == null) {
            throw new IllegalArgumentException("Trainer needs a model, a loss and an optimizer");
        }
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    /** Steps {@code scheduler} once after each epoch; returns this. */
    public Trainer scheduler(LRScheduler scheduler) {
        this.scheduler = scheduler;
        return this;
    }

    /** Adds a listener (progress bar, logger, ...); returns this. */
    public Trainer listener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Stops when the test accuracy has not improved by more than {@code minDelta} for {@code patience} epochs in a
     * row; returns this.
     */
    public Trainer earlyStopping(int patience, double minDelta) {
        if (patience < 1 || minDelta < 0) {
            throw new IllegalArgumentException("early stopping needs patience >= 1 and minDelta >= 0, got " + patience
                    + " and " + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
        return this;
    }

    /**
     * Stops after {@code maxSteps} optimizer steps in total, possibly in the middle of an epoch (the course's
     * "5000 iterations"); that last epoch is still evaluated and recorded. Returns this.
     */
    public Trainer maxSteps(long maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        this.maxSteps = maxSteps;
        return this;
    }

    /** Optimizer steps taken so far by {@link #fit}. */
    public long steps() {
        return steps;
    }

    /** Batch size used to evaluate the test set (default 1000; evaluation needs no gradients). */
    public Trainer evalBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("evalBatchSize must be >= 1, got " + size);
        }
        this.evalBatchSize = size;
        return this;
    }

    /**
     * Trains for up to {@code epochs} epochs over {@code train}, evaluating on {@code test} (may be null) after
     * each.
     *
     * @return one record per epoch run
     */
    public History fit(DataLoader train, Dataset test, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        History history = new History();
        double best = Double.NEGATIVE_INFINITY;
        int sinceBest = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            double lr = optimizer.lr();
            EpochRecord partial = trainOneEpoch(train, epoch, epochs);
            Evaluation eval = test == null ? null : Evaluation.of(model, loss, test, evalBatchSize);
            EpochRecord record = new EpochRecord(epoch, partial.trainLoss(), partial.trainAccuracy(),
                    eval == null ? Double.NaN : eval.loss(), eval == null ? Double.NaN : eval.accuracy(), lr,
                    (System.nanoTime() - start) / 1e9);
            history.add(record);
            listeners.forEach(l -> l.epochFinished(record));
            if (scheduler != null) {
                scheduler.step();
            }
            if (steps >= maxSteps) {
                break;
            }
            if (eval != null) {
                if (eval.accuracy() > best + minDelta) {
                    best = eval.accuracy();
                    sinceBest = 0;
                } else if (++sinceBest >= patience) {
                    break;
                }
            }
        }
        return history;
    }

    private EpochRecord trainOneEpoch(DataLoader train, int epoch, int epochs) {
        model.train();
        int batches = train.batchesPerEpoch();
        listeners.forEach(l -> l.epochStarted(epoch, epochs, batches));
        double lossSum = 0;
        long seen = 0;
        long correct = 0;
        int batchNo = 0;
        for (Batch b : train) {
            if (steps >= maxSteps) {
                break;
            }
            steps++;
            optimizer.zeroGrad();
            Tensor scores = model.forward(b.inputs());
            float value = loss.forward(scores, b.targets());
            model.backward(loss.backward());
            optimizer.step();
            double batchSum = Evaluation.summedLoss(loss, value, b.size());
            lossSum += batchSum;
            seen += b.size();
            correct += Metrics.correct(scores, b.targets());
            int n = ++batchNo;
            double batchLoss = batchSum / b.size();
            double running = (double) correct / seen;
            listeners.forEach(l -> l.batchFinished(epoch, n, batchLoss, running));
        }
        return new EpochRecord(epoch, lossSum / seen, (double) correct / seen, Double.NaN, Double.NaN, optimizer.lr(), 0);
    }
}
