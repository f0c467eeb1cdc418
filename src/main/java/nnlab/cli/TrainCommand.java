package nnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nnlab.backend.Backends;
import nnlab.data.DataLoader;
import nnlab.data.Subset;
import nnlab.io.AtomicFile;
import nnlab.io.JsonText;
import nnlab.io.SafeTensors;
import nnlab.nn.Sequential;
import nnlab.nn.loss.CrossEntropyLoss;
import nnlab.nn.loss.Reduction;
import nnlab.optim.Adam;
import nnlab.optim.Optimizer;
import nnlab.optim.SGD;
import nnlab.optim.lr.ExponentialLR;
import nnlab.tensor.Generators;
import nnlab.train.EpochRecord;
import nnlab.train.Evaluation;
import nnlab.train.History;
import nnlab.train.ProgressReporter;
import nnlab.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nnlab train}: trains one of the course's models on a bundled dataset, shows progress, evaluates on the test
 * set after every epoch and writes a run folder: {@code model.safetensors}, {@code history.csv},
 * {@code history.json}, plots and {@code run.json}. Every file is written atomically, so an interrupted run never
 * leaves a half-written one.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a course model (softmax, mlp, cnn) on mnist, fashion-mnist or cifar10 and write a run folder.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "softmax, mlp or cnn (default: ${DEFAULT-VALUE})", defaultValue = "mlp")
    CourseSetup.ModelKind model;

    @Option(names = "--dataset", description = "mnist, fashion-mnist or cifar10 (default: ${DEFAULT-VALUE})", defaultValue = "mnist")
    String dataset;

    @Option(names = "--optimizer", description = "adam or sgd (default: the model's course setting)")
    String optimizer;

    @Option(names = "--lr", description = "learning rate (default: the model's course setting)")
    Double lr;

    @Option(names = "--batch-size", description = "examples per batch (default: the model's course setting)")
    Integer batchSize;

    @Option(names = "--epochs", description = "epochs (default: the model's course setting)")
    Integer epochs;

    @Option(names = "--lr-decay", paramLabel = "GAMMA",
            description = "multiply the learning rate by GAMMA after every epoch (ExponentialLR; 1 = constant; "
                    + "default: the model's course setting)")
    Double lrDecay;

    @Option(names = "--iterations", description = "stop after this many optimizer steps (default: the model's course setting)")
    Long iterations;

    @Option(names = "--loss-reduction", description = "mean or sum (default: the model's course setting)")
    String reduction;

    @Option(names = "--seed", description = "seed of initial weights and shuffling (default: ${DEFAULT-VALUE})", defaultValue = "0")
    long seed;

    @Option(names = "--limit", description = "use only the first N training examples")
    Integer limit;

    @Option(names = "--backend", description = "auto, cpu, simd or opencl (default: NNLAB_BACKEND or auto)")
    String backend;

    @Option(names = "--data-dir", description = "folder with the datasets (default: -Dnnlab.data, NNLAB_DATA or ./data)")
    Path dataDir;

    @Option(names = "--out", description = "run folder (default: runs/<model>-<dataset>-<time>)")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter log = spec.commandLine().getOut();
        CourseSetup setup = CourseSetup.defaults(model);
        String opt = optimizer != null ? optimizer : setup.optimizer();
        double rate = lr != null ? lr : setup.lr();
        int batch = batchSize != null ? batchSize : setup.batchSize();
        int epochCount = epochs != null ? epochs : setup.epochs();
        Long steps = iterations != null ? iterations : setup.iterations();
        double decay = lrDecay != null ? lrDecay : setup.lrDecay();
        if (!(decay > 0 && decay <= 1)) {
            throw new ParameterException(spec.commandLine(), "--lr-decay must be in (0, 1], got " + decay);
        }
        Reduction red = reduction != null ? Reduction.valueOf(reduction.toUpperCase(Locale.ROOT)) : setup.reduction();
        String modelName = model.name().toLowerCase(Locale.ROOT);
        String reductionName = red.name().toLowerCase(Locale.ROOT);
        if (backend != null) {
            Backends.use(Backends.select(backend).backend());
        }
        Backends.Selection selection = Backends.selection();

        long loadStart = System.nanoTime();
        CourseData data = CourseData.load(dataset, dataDir);
        nnlab.data.Dataset train = limit == null ? data.train() : Subset.first(data.train(), Math.min(limit, data.train().size()));
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Generators.manualSeed(seed);
        Sequential net = CourseSetup.build(model, data);
        CrossEntropyLoss loss = new CrossEntropyLoss(red);
        Optimizer optim = switch (opt) {
            case "adam" -> new Adam(net.parameters(), rate);
            case "sgd" -> new SGD(net.parameters(), rate);
            default -> throw new IllegalArgumentException("unknown optimizer '" + opt + "'; use adam or sgd");
        };
        DataLoader loader = new DataLoader(train, batch, true, seed);
        if (steps != null) {
            epochCount = (int) Math.max(epochCount, (steps + loader.batchesPerEpoch() - 1) / loader.batchesPerEpoch());
        }
        Path dir = out != null ? out : Path.of("runs", modelName + "-" + dataset + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);

        log.printf("nnlab train: %s on %s (%d training, %d test examples), %s lr %s%s, batch %d, %s, loss %s, seed %d%n",
                modelName, dataset, train.size(), data.test().size(), opt, rate,
                decay == 1 ? "" : " (x" + decay + " per epoch)", batch,
                steps != null ? steps + " iterations" : epochCount + " epochs", reductionName, seed);
        log.printf("backend %s (%s); %,d parameters; run folder %s%n", selection.backend().name(), selection.reason(),
                net.numParameters(), dir);
        log.flush();

        Trainer trainer = new Trainer(net, loss, optim).listener(new ProgressReporter(log));
        if (steps != null) {
            trainer.maxSteps(steps);
        }
        if (decay != 1) {
            trainer.scheduler(new ExponentialLR(optim, decay));
        }
        long trainStart = System.nanoTime();
        History history = trainer.fit(loader, data.test(), epochCount);
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;

        Evaluation finalEval = Evaluation.of(net, loss, data.test(), 1000);
        SafeTensors.write(dir.resolve("model.safetensors"), net.stateDict(),
                Map.of("model", modelName, "dataset", dataset, "format", "pt"));
        history.writeCsv(dir.resolve("history.csv"));
        history.writeJson(dir.resolve("history.json"));
        List<String> plots = RunPlots.write(dir, history, finalEval, data, net);

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("model", modelName);
        run.put("dataset", dataset);
        run.put("optimizer", opt);
        run.put("lr", rate);
        run.put("lr_decay", decay);
        run.put("batch_size", batch);
        run.put("epochs", history.size());
        run.put("iterations", trainer.steps());
        run.put("loss_reduction", reductionName);
        run.put("seed", seed);
        run.put("limit", limit);
        run.put("train_examples", train.size());
        run.put("test_examples", data.test().size());
        run.put("parameters", net.numParameters());
        run.put("backend", selection.backend().name());
        run.put("backend_reason", selection.reason());
        run.put("test_accuracy", finalEval.accuracy());
        run.put("test_loss", finalEval.loss());
        run.put("train_accuracy", history.last().trainAccuracy());
        List<Double> epochSeconds = new ArrayList<>();
        for (EpochRecord r : history.epochs()) {
            epochSeconds.add(r.seconds());
        }
        run.put("epoch_seconds", epochSeconds);
        run.put("train_seconds", trainSeconds);
        run.put("load_seconds", loadSeconds);
        run.put("data_root", data.root().toString());
        run.put("nnlab_version", VersionProvider.version());
        run.put("java_version", System.getProperty("java.version"));
        run.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        run.put("cores", Runtime.getRuntime().availableProcessors());
        List<String> files = new ArrayList<>(List.of("model.safetensors", "history.csv", "history.json"));
        files.addAll(plots);
        run.put("files", files);
        AtomicFile.writeString(dir.resolve("run.json"), JsonText.of(run));

        log.printf("test accuracy %.4f (loss %.4f) after %d epochs, %.1f s training%n", finalEval.accuracy(),
                finalEval.loss(), history.size(), trainSeconds);
        log.print(finalEval.confusion().report(data.classNames().toArray(new String[0])));
        log.printf("wrote %s: %s, run.json%n", dir, String.join(", ", files));
        log.flush();
        return 0;
    }
}
