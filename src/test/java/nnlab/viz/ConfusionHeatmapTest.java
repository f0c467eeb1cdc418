package nnlab.viz;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import nnlab.tensor.Tensor;
import nnlab.train.ConfusionMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionHeatmapTest {

    @TempDir
    Path dir;

    /** 3 classes: class 0 all right (5), class 1 confused with 2 once out of 4, class 2 right twice. */
    static ConfusionMatrix matrix() {
        float[][] scores = {
            {1, 0, 0}, {1, 0, 0}, {1, 0, 0}, {1, 0, 0}, {1, 0, 0},
            {0, 1, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1},
            {0, 0, 1}, {0, 0, 1}};
        float[] targets = {0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
        return ConfusionMatrix.of(Tensor.fromArray(scores), Tensor.vector(targets));
    }

    @Test
    void pngIsNotBlankAndHasDarkCells() throws IOException {
        BufferedImage image = RenderedImages.savedPngIsAPicture(
                ConfusionHeatmap.of(matrix(), new String[] {"cat", "dog", "bird"}), dir, "confusion");
        // The largest count (5) is drawn in the darkest colour of the range (0x3182bd); some pixels must be that blue.
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 80 && (rgb & 0xff) > 150) {
                    dark++;
                }
            }
        }
        assertThat(dark, greaterThan(1000L));
    }

    @Test
    void svgIsWritten() throws IOException {
        RenderedImages.savedSvgIsADrawing(ConfusionHeatmap.of(matrix()), dir, "confusion");
    }

    @Test
    void cellsHoldTheCounts() {
        ConfusionHeatmap map = ConfusionHeatmap.of(matrix());
        // One heat cell per (true, predicted) pair: 3 x 3.
        assertThat(map.chart().getHeatMapSeries().getHeatData().size(), is(9));
    }

    @Test
    void wrongNumberOfClassNamesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionHeatmap.of(matrix(), new String[] {"cat", "dog"}));
        assertThat(e.getMessage(), containsString("expected 3 class names"));
    }
}
