package nnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnlab.data.Batch;
import nnlab.nn.Module;
import nnlab.nn.Sequential;
import nnlab.nn.layers.Linear;
import nnlab.nn.layers.Softmax;
import nnlab.tensor.Tensor;
import nnlab.train.Evaluation;
import nnlab.train.History;
import nnlab.viz.ConfusionHeatmap;
import nnlab.viz.ProbabilityBars;
import nnlab.viz.SampleGrid;
import nnlab.viz.TrainingCurves;
import nnlab.viz.WeightImages;

/**
 * The plots {@code nnlab train} writes into its run folder: training curves, the test confusion matrix, a grid of
 * test images with their predictions (one-channel images), the class probabilities of the first test image, and
 * for softmax regression on square images the ten weight rows as images.
 */
final class RunPlots {

    private static final int SAMPLES = 24;

    private RunPlots() {
    }

    /** Writes the plots into {@code dir} (atomically, PNG) and returns their file names. */
    static List<String> write(Path dir, History history, Evaluation evaluation, CourseData data, Sequential model)
            throws IOException {
        List<String> names = new ArrayList<>();
        String[] classes = data.classNames().toArray(new String[0]);
        save(dir, "training-curves.png", TrainingCurves.of(history), names);
        save(dir, "confusion-matrix.png", ConfusionHeatmap.of(evaluation.confusion(), classes), names);

        int n = Math.min(SAMPLES, data.test().size());
        int[] first = new int[n];
        Arrays.setAll(first, i -> i);
        Batch samples = data.test().batch(first);
        boolean wasTraining = model.isTraining();
        model.eval();
        Tensor scores = model.forward(samples.inputs());
        model.train(wasTraining);
        int[] predicted = scores.argmax(1);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (int) samples.targets().get(i);
        }
        if (samples.inputs().dim(1) == 1) {
            save(dir, "test-samples.png", SampleGrid.of(samples.inputs(), labels, predicted, classes), names);
        }
        Tensor probabilities = new Softmax(1).forward(scores.slice(0, 1)).reshape(scores.dim(1));
        save(dir, "probabilities-first-test-image.png", ProbabilityBars.of(probabilities, classes), names);

        Module last = model.get(model.size() - 1);
        if (model.size() == 2 && last instanceof Linear linear) {
            int side = (int) Math.round(Math.sqrt(linear.inFeatures()));
            if (side * side == linear.inFeatures()) {
                save(dir, "weights.png", WeightImages.of(linear.weight().value(), classes), names);
            }
        }
        return names;
    }

    private static void save(Path dir, String name, nnlab.viz.Figure figure, List<String> names) throws IOException {
        figure.savePng(dir.resolve(name));
        names.add(name);
    }
}
