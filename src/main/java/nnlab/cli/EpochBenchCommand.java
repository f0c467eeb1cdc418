package nnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nnlab.backend.Backend;
import nnlab.data.DataFiles;
import nnlab.data.MnistDataset;
import nnlab.data.TensorDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nnlab bench epoch}: seconds per training epoch of the course's MLP and CNN on the 60,000 MNIST training
 * images, per backend. See {@link EpochBenchmark} for the models and the method.
 */
@Command(name = "epoch", description = {
    "Seconds per training epoch on the MNIST training set (60000 images, reshuffled), Adam lr 1e-3:",
    "mlp = 784-1000-10 with ReLU, batch 128; cnn = two conv blocks (3x3, 32 and 64 channels, ReLU, 2x2 max",
    "pooling), Linear(3136,128) ReLU Dropout(0.5) Linear(128,10), batch 64.",
    "bench/epoch_pytorch.py measures the same in PyTorch."})
final class EpochBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line: backend, model, batch, threads, images, "
            + "epoch_seconds, seconds (median), images_per_s, mean_loss.")
    boolean json;

    @Option(names = "--backends", split = ",", paramLabel = "NAME",
            description = "Backends to measure (default: every one that can run here): cpu, simd, opencl.")
    List<String> backends;

    @Option(names = "--models", split = ",", paramLabel = "MODEL",
            description = "Models to train: mlp, cnn (default: both).")
    List<String> models;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1",
            description = "Timed epochs per measurement; the median is reported (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--warmup-steps", paramLabel = "N", defaultValue = "50",
            description = "Untimed training steps before the timed epochs (default: ${DEFAULT-VALUE}).")
    int warmupSteps;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "folder with the datasets (default: -Dnnlab.data, NNLAB_DATA or ./data)")
    Path dataDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (epochs < 1 || warmupSteps < 0) {
            throw new ParameterException(spec.commandLine(), "--epochs must be >= 1 and --warmup-steps >= 0");
        }
        List<EpochBenchmark.Model> chosen = parseModels();
        DataFiles files = dataDir == null ? DataFiles.locate() : DataFiles.locate(dataDir);
        TensorDataset train = MnistDataset.load(MnistDataset.Variant.MNIST, MnistDataset.Split.TRAIN, files);
        Map<String, Backend> opened = BenchBackends.open(spec.commandLine(), backends, err, backend -> { });
        List<EpochBenchmark.Result> results = new ArrayList<>();
        try {
            int total = chosen.size() * opened.size();
            int done = 0;
            for (EpochBenchmark.Model model : chosen) {
                for (Backend backend : opened.values()) {
                    err.printf("[%d/%d] %s %s: %d warm-up steps, %d timed epoch(s) ...%n", ++done, total,
                            backend.name(), model.id(), warmupSteps, epochs);
                    err.flush();
                    EpochBenchmark.Result r = EpochBenchmark.measure(backend, model, train, warmupSteps, epochs);
                    results.add(r);
                    if (json) {
                        out.println(r.toJson());
                        out.flush();
                    }
                }
            }
        } finally {
            opened.values().forEach(Backend::close);
        }
        if (!json) {
            out.println("One training epoch on MNIST (60000 images), float32; median epoch");
            out.printf("%-6s %-7s %6s %10s %12s %10s%n", "model", "backend", "batch", "s/epoch", "images/s", "mean loss");
            for (EpochBenchmark.Result r : results) {
                out.printf(Locale.ROOT, "%-6s %-7s %6d %10.2f %12.1f %10.4f%n", r.model(), r.backend(), r.batch(),
                        r.seconds(), r.imagesPerSecond(), r.meanLoss());
            }
        }
        out.flush();
        return 0;
    }

    private List<EpochBenchmark.Model> parseModels() {
        return BenchModels.parse(spec.commandLine(), models, List.of(EpochBenchmark.Model.values()), EpochBenchmark.Model::byId,
                "mlp, cnn");
    }
}
