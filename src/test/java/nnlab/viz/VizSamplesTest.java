package nnlab.viz;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Writes one example of every plot to {@code target/viz-samples/} for people to look at, checking each as it goes. */
class VizSamplesTest {

    @Test
    void writesEveryPlotToTargetVizSamples() throws IOException {
        Path out = Path.of("target", "viz-samples");
        Files.createDirectories(out);
        RenderedImages.savedPngIsAPicture(TrainingCurves.of(TrainingCurvesTest.history(12, true)), out, "training-curves");
        RenderedImages.savedSvgIsADrawing(TrainingCurves.of(TrainingCurvesTest.history(12, true)), out, "training-curves");
        RenderedImages.savedPngIsAPicture(ConfusionHeatmap.of(ConfusionHeatmapTest.matrix(),
                new String[] {"cat", "dog", "bird"}), out, "confusion-heatmap");
        RenderedImages.savedPngIsAPicture(DecisionBoundary.of(Examples.signOfX1(), Examples.halfPlanes(150, 5), 200),
                out, "decision-boundary-linear");
        RenderedImages.savedPngIsAPicture(DecisionBoundary.of(Examples.outsideUnitCircle(), Examples.ring(300, 5), 200,
                Examples::squaredRadius), out, "decision-boundary-circle");
        RenderedImages.savedPngIsAPicture(WeightImages.of(Examples.weights()), out, "weight-images");
        RenderedImages.savedPngIsAPicture(SampleGrid.of(Examples.digits(12), SampleGridTest.LABELS,
                SampleGridTest.PREDICTED, null), out, "sample-grid");
        Tensor probs = ProbabilityBarsTest.probabilities();
        RenderedImages.savedPngIsAPicture(ProbabilityBars.of(probs), out, "probability-bars");
        assertThat(Files.exists(out.resolve("weight-images.png")), is(true));
    }
}
