package nnlab.cli;

import java.util.Arrays;
import java.util.Locale;
import nnlab.backend.Backend;
import nnlab.backend.Backends;
import nnlab.nn.Sequential;
import nnlab.nn.layers.Conv2d;
import nnlab.nn.layers.Flatten;
import nnlab.nn.layers.Linear;
import nnlab.nn.layers.MaxPool2d;
import nnlab.nn.layers.ReLU;
import nnlab.nn.loss.CrossEntropyLoss;
import nnlab.optim.Adam;
import nnlab.optim.Optimizer;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Measures one full training step of a small model: {@code optimizer.zeroGrad()}, {@code model.forward(x)},
 * {@code CrossEntropyLoss} forward and backward, {@code model.backward(...)}, {@code optimizer.step()}.
 *
 * <p>Models (the course's, see {@link Model}): {@code mlp} is Linear(784, 1000), ReLU, Linear(1000, 10) on a
 * batch {@code [128, 784]} with Adam(lr 1e-3); {@code cnn} is Conv2d(1, 32, 3, padding=1), ReLU, MaxPool2d(2),
 * Conv2d(32, 64, 3, padding=1), ReLU, MaxPool2d(2), Flatten, Linear(64*7*7, 10) on {@code [64, 1, 28, 28]}
 * with SGD(lr 0.01, momentum 0.9). Inputs are seeded uniform values in [0, 1) (as pixels), labels seeded
 * classes 0..9; weights come from a seeded generator, so every backend trains the same network.
 *
 * <p>Method: the step is warmed up for at least {@value #WARMUP_STEPS} steps and {@code warmupSeconds}, then
 * timed step by step until at least {@code minSeconds} and {@value #MIN_RUNS} steps have passed (at most
 * {@value #MAX_RUNS}). The figure is the median step; images/s is the batch size over it. Wall-clock time
 * ({@link System#nanoTime()}) of whole steps, so host-device copies of the OpenCL backend are included.
 * {@code bench/step_pytorch.py} does the same in PyTorch.
 */
public final class StepBenchmark {

    static final int WARMUP_STEPS = 2;
    static final int MIN_RUNS = 5;
    static final int MAX_RUNS = 10_000;
    static final long SEED = 20261125L;

    private StepBenchmark() {
    }

    /** The benchmarked models: a name for {@code --models} and the JSON lines, and the batch size. */
    public enum Model {
        /** Linear(784, 1000), ReLU, Linear(1000, 10); batch 128; Adam, lr 1e-3. */
        MLP("mlp", 128),
        /** Two 3x3 convolutions (32, 64 channels) with ReLU and 2x2 max pooling, then Linear(3136, 10); batch 64; SGD. */
        CNN("cnn", 64);

        private final String id;
        private final int batch;

        Model(String id, int batch) {
            this.id = id;
            this.batch = batch;
        }

        /** Name used by {@code --models} and in the JSON lines: {@code mlp} or {@code cnn}. */
        public String id() {
            return id;
        }

        /** Images per step. */
        public int batch() {
            return batch;
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
     * @param backend backend name
     * @param model   model name ({@code mlp} or {@code cnn})
     * @param batch   images per step
     * @param threads threads (or compute units) of the backend
     * @param ms      median step, milliseconds
     * @param bestMs  fastest step, milliseconds
     * @param runs    timed steps
     * @param loss    the loss of the last step (finite, or the network diverged)
     */
    public record Result(String backend, String model, int batch, int threads, double ms, double bestMs, int runs,
                         float loss) {

        /** Images per second at the median step: {@code batch / (ms / 1000)}. */
        public double imagesPerSecond() {
            return batch * 1000.0 / ms;
        }

        /** One JSON object: keys backend, model, batch, threads, ms (the median), images_per_s, runs. */
        public String toJson() {
            return String.format(Locale.ROOT,
                    "{\"backend\":\"%s\",\"model\":\"%s\",\"batch\":%d,\"threads\":%d,\"ms\":%.3f,"
                            + "\"images_per_s\":%.1f,\"runs\":%d}",
                    backend, model, batch, threads, ms, imagesPerSecond(), runs);
        }
    }

    /**
     * Measures {@code model}'s training step on {@code backend}, which is made the current backend
     * ({@link Backends#use}) for the measurement; the backend current before is restored afterwards.
     *
     * @param backend       the backend every tensor operation of the step runs on
     * @param model         which network, batch and optimizer
     * @param warmupSeconds untimed warm-up, at least {@value #WARMUP_STEPS} steps
     * @param minSeconds    timed seconds, at least {@value #MIN_RUNS} steps
     * @return the median step and its images/s
     */
    public static Result measure(Backend backend, Model model, double warmupSeconds, double minSeconds) {
        Backend previous = Backends.current();
        Backends.use(backend);
        try {
            return run(backend, model, warmupSeconds, minSeconds);
        } finally {
            Backends.use(previous);
        }
    }

    private static Result run(Backend backend, Model model, double warmupSeconds, double minSeconds) {
        Step step = new Step(model);
        long warmStart = System.nanoTime();
        for (int i = 0; i < WARMUP_STEPS || System.nanoTime() - warmStart < warmupSeconds * 1e9; i++) {
            step.run();
        }
        double[] seconds = new double[MAX_RUNS];
        int runs = 0;
        double total = 0;
        while (runs < MIN_RUNS || (total < minSeconds && runs < MAX_RUNS)) {
            long t0 = System.nanoTime();
            step.run();
            double s = (System.nanoTime() - t0) / 1e9;
            seconds[runs++] = s;
            total += s;
        }
        double[] timed = Arrays.copyOf(seconds, runs);
        Arrays.sort(timed);
        double median = runs % 2 == 1 ? timed[runs / 2] : (timed[runs / 2 - 1] + timed[runs / 2]) / 2;
        return new Result(backend.name(), model.id(), model.batch(), backend.parallelism(), median * 1e3,
                timed[0] * 1e3, runs, step.lastLoss);
    }

    /** The network, its optimizer, loss and one seeded batch; {@link #run} is one training step. */
    static final class Step {
        final Sequential net;
        final Optimizer optimizer;
        final CrossEntropyLoss lossFn = new CrossEntropyLoss();
        final Tensor x;
        final Tensor labels;
        float lastLoss = Float.NaN;

        Step(Model model) {
            RandomGenerator rng = Tensor.rng(SEED);
            if (model == Model.MLP) {
                net = new Sequential(new Linear(784, 1000, true, rng), new ReLU(), new Linear(1000, 10, true, rng));
                optimizer = new Adam(net.parameters(), 1e-3);
                x = Tensor.rand(rng, model.batch(), 784);
            } else {
                net = new Sequential(
                        Conv2d.builder(1, 32, 3).padding(1).rng(rng).build(), new ReLU(), new MaxPool2d(2),
                        Conv2d.builder(32, 64, 3).padding(1).rng(rng).build(), new ReLU(), new MaxPool2d(2),
                        new Flatten(), new Linear(64 * 7 * 7, 10, true, rng));
                optimizer = new SGD(net.parameters(), 0.01).momentum(0.9);
                x = Tensor.rand(rng, model.batch(), 1, 28, 28);
            }
            float[] classes = new float[model.batch()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = rng.nextInt(10);
            }
            labels = Tensor.of(classes, classes.length);
        }

        void run() {
            optimizer.zeroGrad();
            lastLoss = lossFn.forward(net.forward(x), labels);
            net.backward(lossFn.backward());
            optimizer.step();
        }
    }
}
