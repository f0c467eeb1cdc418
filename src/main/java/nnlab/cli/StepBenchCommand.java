package nnlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nnlab.backend.Backend;
import nnlab.backend.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nnlab bench step}: milliseconds per training step and images/s of the course's MLP and CNN on every
 * available backend. See {@link StepBenchmark} for the models and the method.
 */
@Command(name = "step", description = {
    "Milliseconds per training step (zeroGrad, forward, CrossEntropyLoss, backward, optimizer step) and images/s.",
    "Models: mlp = Linear(784,1000) ReLU Linear(1000,10), batch 128, Adam lr 1e-3;",
    "cnn = Conv2d(1,32,3,p=1) ReLU MaxPool2d(2) Conv2d(32,64,3,p=1) ReLU MaxPool2d(2) Flatten Linear(3136,10),",
    "batch 64, SGD lr 0.01 momentum 0.9."})
final class StepBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line: backend, model, batch, threads, ms, "
            + "images_per_s, runs.")
    boolean json;

    @Option(names = "--backends", split = ",", paramLabel = "NAME",
            description = "Backends to measure (default: every one that can run here): cpu, simd, opencl.")
    List<String> backends;

    @Option(names = "--models", split = ",", paramLabel = "MODEL",
            description = "Models to train: mlp, cnn (default: both).")
    List<String> models;

    @Option(names = "--min-time", paramLabel = "SECONDS", defaultValue = "2.0",
            description = "Timed seconds per measurement, at least 5 steps (default: ${DEFAULT-VALUE}).")
    double minSeconds;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "1.0",
            description = "Untimed warm-up steps per measurement, at least 2 (default: ${DEFAULT-VALUE} s).")
    double warmupSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<StepBenchmark.Model> chosen = parseModels();
        Map<String, Backend> opened = BenchBackends.open(spec.commandLine(), backends, err, backend -> { });
        List<StepBenchmark.Result> results = new ArrayList<>();
        try {
            int total = chosen.size() * opened.size();
            int done = 0;
            for (StepBenchmark.Model model : chosen) {
                for (Backend backend : opened.values()) {
                    err.printf("\r[%d/%d] %-6s %s ...          ", ++done, total, backend.name(), model.id());
                    err.flush();
                    StepBenchmark.Result r = StepBenchmark.measure(backend, model, warmupSeconds, minSeconds);
                    results.add(r);
                    if (json) {
                        out.println(r.toJson());
                        out.flush();
                    }
                }
            }
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        } finally {
            opened.values().forEach(Backend::close);
        }
        if (!json) {
            printTable(out, opened, results);
        }
        out.flush();
        return 0;
    }

    private List<StepBenchmark.Model> parseModels() {
        return BenchModels.parse(spec.commandLine(), models, List.of(StepBenchmark.Model.values()), StepBenchmark.Model::byId,
                "mlp, cnn");
    }

    /** Opens the asked-for backends; by default skips (with a note) the ones that cannot run here. */
    private static void printTable(PrintWriter out, Map<String, Backend> opened, List<StepBenchmark.Result> results) {
        out.println("One training step (zeroGrad, forward, loss, backward, step), float32; median step");
        for (Backend b : opened.values()) {
            out.printf("  %-6s %s%n", b.name(), b.description());
        }
        out.println();
        out.printf("%-6s %-7s %6s %10s %12s%n", "model", "backend", "batch", "ms/step", "images/s");
        for (StepBenchmark.Result r : results) {
            out.printf(Locale.ROOT, "%-6s %-7s %6d %10.2f %12.1f%n", r.model(), r.backend(), r.batch(), r.ms(),
                    r.imagesPerSecond());
        }
    }
}
