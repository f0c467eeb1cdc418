package nnlab.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import nnlab.backend.Backend;
import nnlab.backend.Backends;
import nnlab.data.Batch;
import nnlab.data.DataLoader;
import nnlab.data.Dataset;
import nnlab.nn.Sequential;
import nnlab.nn.loss.CrossEntropyLoss;
import nnlab.optim.Adam;
import nnlab.optim.Optimizer;
import nnlab.tensor.Generators;
import nnlab.train.CourseModels;

/**
 * Measures whole training epochs of the course's models on the MNIST training set, as a student's run spends
 * them: every batch drawn by a reshuffling {@link DataLoader}, then {@code optimizer.zeroGrad()},
 * {@code model.forward}, {@code CrossEntropyLoss} forward and backward, {@code model.backward},
 * {@code optimizer.step()}. No evaluation and no progress output inside the timed epochs.
 *
 * <p>Models ({@link Model}), both with Adam(lr 1e-3) and the mean cross-entropy: {@code mlp} =
 * {@link CourseModels#mlp} 784-1000-10, batch 128; {@code cnn} = {@link CourseModels#cnn} (two 3x3 conv blocks
 * with 32 and 64 channels, then Linear(3136, 128), ReLU, Dropout(0.5), Linear(128, 10)), batch 64. The last, smaller batch of an epoch is kept.
 *
 * <p>Method: {@code warmupSteps} untimed steps on a throw-away copy of the model (so the JIT has compiled the
 * step), then a fresh model from seed {@value #SEED} is trained for {@code epochs} timed epochs; each epoch's
 * wall-clock seconds is reported, and the median. {@code bench/epoch_pytorch.py} does the same in PyTorch.
 */
public final class EpochBenchmark {

    static final long SEED = 20261125L;

    private EpochBenchmark() {
    }

    /** The benchmarked course models: a name for {@code --models} and the JSON lines, and the batch size. */
    public enum Model {
        /** 784-1000-10 MLP with ReLU; batch 128; Adam lr 1e-3 (the README's main run). */
        MLP("mlp", 128),
        /** Two conv blocks (3x3, 32 and 64 channels, ReLU, 2x2 max pooling), a 128-unit hidden layer with dropout; batch 64; Adam lr 1e-3. */
        CNN("cnn", 64);

        private final String id;
        private final int batch;

        Model(String id, int batch) {
            this.id = id;
            this.batch = batch;
        }

        /** Name used by {@code --models} and in the JSON lines. */
        public String id() {
            return id;
        }

        /** Images per step. */
        public int batch() {
            return batch;
        }

        Sequential build() {
            return this == MLP ? CourseModels.mlp(784, 1000, 10) : CourseModels.cnn(1, 28, 10);
        }

        /** The model by name, case-insensitive; {@code null} if there is none. */
        static Model byId(String id) {
            for (Model m : values()) {
                if (m.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            return null;
        }
    }

    /**
     * One measurement.
     *
     * @param backend      backend name
     * @param model        model name
     * @param batch        images per step
     * @param threads      threads (or compute units) of the backend
     * @param images       training images per epoch
     * @param epochSeconds wall-clock seconds of each timed epoch
     * @param meanLoss     mean training loss over the last timed epoch (a sanity check: both peers learn alike)
     */
    public record Result(String backend, String model, int batch, int threads, int images, double[] epochSeconds,
                         double meanLoss) {

        /** The median of {@link #epochSeconds}. */
        public double seconds() {
            double[] s = epochSeconds.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        /** Images per second over the median epoch. */
        public double imagesPerSecond() {
            return images / seconds();
        }

        /** One JSON object: backend, model, batch, threads, images, epoch_seconds, seconds (median), images_per_s, mean_loss. */
        public String toJson() {
            StringJoiner each = new StringJoiner(",", "[", "]");
            for (double s : epochSeconds) {
                each.add(String.format(Locale.ROOT, "%.3f", s));
            }
            return String.format(Locale.ROOT,
                    "{\"backend\":\"%s\",\"model\":\"%s\",\"batch\":%d,\"threads\":%d,\"images\":%d,"
                            + "\"epoch_seconds\":%s,\"seconds\":%.3f,\"images_per_s\":%.1f,\"mean_loss\":%.4f}",
                    backend, model, batch, threads, images, each, seconds(), imagesPerSecond(), meanLoss);
        }
    }

    /**
     * Trains {@code model} on {@code train} with {@code backend} made the current backend ({@link Backends#use});
     * the backend current before is restored afterwards.
     *
     * @param train       the training images {@code [N, 1, 28, 28]} and class indices
     * @param warmupSteps untimed steps first (at least 0)
     * @param epochs      timed epochs (at least 1)
     */
    public static Result measure(Backend backend, Model model, Dataset train, int warmupSteps, int epochs) {
        if (epochs < 1 || warmupSteps < 0) {
            throw new IllegalArgumentException("need epochs >= 1 and warmupSteps >= 0, got " + epochs + " and "
                    + warmupSteps);
        }
        Backend previous = Backends.current();
        Backends.use(backend);
        try {
            Generators.manualSeed(SEED + 1);
            Training warmup = new Training(model, train);
            int done = 0;
            while (done < warmupSteps) {
                for (Batch b : warmup.loader) {
                    if (done++ >= warmupSteps) {
                        break;
                    }
                    warmup.step(b);
                }
            }
            Generators.manualSeed(SEED);
            Training timed = new Training(model, train);
            double[] seconds = new double[epochs];
            double meanLoss = Double.NaN;
            for (int e = 0; e < epochs; e++) {
                long t0 = System.nanoTime();
                double lossSum = 0;
                int batches = 0;
                for (Batch b : timed.loader) {
                    lossSum += timed.step(b);
                    batches++;
                }
                seconds[e] = (System.nanoTime() - t0) / 1e9;
                meanLoss = lossSum / batches;
            }
            return new Result(backend.name(), model.id(), model.batch(), backend.parallelism(), train.size(), seconds,
                    meanLoss);
        } finally {
            Backends.use(previous);
        }
    }

    /** A model, its optimizer and loss, and a reshuffling loader: the explicit training loop of the course. */
    private static final class Training {
        final Sequential net;
        final Optimizer optimizer;
        final CrossEntropyLoss loss = new CrossEntropyLoss();
        final DataLoader loader;

        Training(Model model, Dataset train) {
            net = model.build();
            optimizer = new Adam(net.parameters(), 1e-3);
            loader = new DataLoader(train, model.batch(), true, SEED);
        }

        float step(Batch b) {
            optimizer.zeroGrad();
            float value = loss.forward(net.forward(b.inputs()), b.targets());
            net.backward(loss.backward());
            optimizer.step();
            return value;
        }
    }
}
