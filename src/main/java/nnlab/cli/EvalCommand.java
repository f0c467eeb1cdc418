package nnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nnlab.io.SafeTensors;
import nnlab.io.SafeTensorsFile;
import nnlab.nn.Sequential;
import nnlab.nn.loss.CrossEntropyLoss;
import nnlab.train.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nnlab eval}: loads weights written by {@code nnlab train} (or any state dict of the same architecture) and
 * prints the test accuracy and the per-class report. The model and dataset are read from the file's metadata unless
 * given.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate saved weights on a dataset's test set: accuracy and confusion matrix.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--weights", required = true, description = "a model.safetensors file")
    Path weights;

    @Option(names = "--model", description = "softmax, mlp or cnn (default: from the file's metadata)")
    CourseSetup.ModelKind model;

    @Option(names = "--dataset", description = "mnist, fashion-mnist or cifar10 (default: from the file's metadata)")
    String dataset;

    @Option(names = "--data-dir", description = "folder with the datasets (default: -Dnnlab.data, NNLAB_DATA or ./data)")
    Path dataDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SafeTensorsFile file = SafeTensors.open(weights);
        Map<String, String> meta = file.metadata();
        CourseSetup.ModelKind kind = model != null ? model : fromMetadata(meta, "model");
        String data = dataset != null ? dataset : meta.get("dataset");
        if (data == null) {
            throw new IllegalArgumentException(weights + " does not say which dataset it was trained on; pass --dataset");
        }
        CourseData course = CourseData.load(data, dataDir);
        Sequential net = CourseSetup.build(kind, course);
        net.loadStateDict(file.tensors());
        Evaluation e = Evaluation.of(net, new CrossEntropyLoss(), course.test(), 1000);
        out.printf(Locale.ROOT, "%s on %s test set (%d examples): accuracy %.4f, loss %.4f%n",
                kind.name().toLowerCase(Locale.ROOT), data, course.test().size(), e.accuracy(), e.loss());
        out.print(e.confusion().report(course.classNames().toArray(new String[0])));
        out.flush();
        return 0;
    }

    private CourseSetup.ModelKind fromMetadata(Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) {
            throw new IllegalArgumentException(weights + " does not say which model it holds; pass --model softmax|mlp|cnn");
        }
        return CourseSetup.ModelKind.valueOf(v.toUpperCase(Locale.ROOT));
    }
}
