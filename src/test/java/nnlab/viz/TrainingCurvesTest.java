package nnlab.viz;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import nnlab.train.EpochRecord;
import nnlab.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesTest {

    @TempDir
    Path dir;

    /** A made-up run of {@code n} epochs: loss falling as 1/e, accuracy rising, test a little worse than train. */
    static History history(int n, boolean withTest) {
        History h = new History();
        for (int e = 1; e <= n; e++) {
            double trainLoss = 1.0 / e;
            double trainAcc = 1 - 0.5 / e;
            h.add(new EpochRecord(e, trainLoss, trainAcc, withTest ? trainLoss + 0.05 * e : Double.NaN,
                    withTest ? trainAcc - 0.03 : Double.NaN, 0.1, 1.0));
        }
        return h;
    }

    @Test
    void rendersHeadless() {
        TrainingCurves.of(history(3, true));
        assertThat(GraphicsEnvironment.isHeadless(), is(true));
    }

    @Test
    void pngIsTwoPanelsAndNotBlank() throws IOException {
        TrainingCurves curves = TrainingCurves.of(history(10, true));
        assertThat(curves.width(), is(2 * TrainingCurves.PANEL_WIDTH));
        RenderedImages.savedPngIsAPicture(curves, dir, "curves");
    }

    @Test
    void svgHasBothPanels() throws IOException {
        String svg = RenderedImages.savedSvgIsADrawing(TrainingCurves.of(history(5, true)), dir, "curves");
        // The titles are drawn as text or glyph outlines depending on the SVG processor; the file must at least
        // hold the drawing of two plot areas, so count more shapes than one panel alone has.
        assertThat(svg.length() > 10_000, is(true));
    }

    @Test
    void eachPanelHasTrainAndTestSeries() {
        TrainingCurves curves = TrainingCurves.of(history(4, true));
        assertThat(curves.lossChart().getSeriesMap().keySet().toString(), is("[train, test]"));
        assertThat(curves.accuracyChart().getSeriesMap().keySet().toString(), is("[train, test]"));
    }

    @Test
    void testSeriesLeftOutWhenNeverMeasured() throws IOException {
        TrainingCurves curves = TrainingCurves.of(history(4, false));
        assertThat(curves.lossChart().getSeriesMap().keySet().toString(), is("[train]"));
        RenderedImages.savedPngIsAPicture(curves, dir, "train-only");
    }

    @Test
    void singleEpochStillRenders() throws IOException {
        RenderedImages.savedPngIsAPicture(TrainingCurves.of(history(1, true)), dir, "one-epoch");
    }

    @Test
    void emptyHistoryIsRejectedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingCurves.of(new History()));
        assertThat(e.getMessage(), containsString("empty history"));
    }
}
