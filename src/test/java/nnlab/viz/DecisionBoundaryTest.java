package nnlab.viz;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import nnlab.nn.Module;
import nnlab.testing.TestSeeds;
import nnlab.tensor.Tensor;
import nnlab.data.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionBoundaryTest {

    @TempDir
    Path dir;

    /** Hue family of a tinted class colour: which of blue (class 0, 0x1f77b4) or orange (class 1, 0xff7f0e). */
    private static int classOf(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > c.getRed() ? 0 : 1;
    }

    @Test
    void regionsFollowTheModelsPrediction() {
        for (long seed : new long[] {1, 2, 3}) {
            DecisionBoundary plot = DecisionBoundary.of(Examples.signOfX1(), Examples.halfPlanes(100, seed), 40);
            BufferedImage r = plot.regions();
            // signOfX1 predicts class 0 for x1 > 0 (right half), class 1 for x1 < 0 (left half); the data straddle 0.
            assertThat(classOf(r.getRGB(0, 20)), is(1));
            assertThat(classOf(r.getRGB(39, 20)), is(0));
            // Far from the boundary the model is sure: stronger colour than next to it.
            assertThat(r.getRGB(39, 20), not(r.getRGB(20, 20)));
        }
    }

    @Test
    void pngIsNotBlank() throws IOException {
        RenderedImages.savedPngIsAPicture(
                DecisionBoundary.of(Examples.signOfX1(), Examples.halfPlanes(200, 7), 100), dir, "boundary");
    }

    @Test
    void svgIsWritten() throws IOException {
        RenderedImages.savedSvgIsADrawing(
                DecisionBoundary.of(Examples.signOfX1(), Examples.halfPlanes(50, 7), 50), dir, "boundary");
    }

    @Test
    void featureTransformAndBinaryLogitsGiveACircle() {
        DecisionBoundary plot = DecisionBoundary.of(Examples.outsideUnitCircle(), Examples.ring(300, 11), 61,
                Examples::squaredRadius);
        BufferedImage r = plot.regions();
        double[] range = plot.range();
        // The centre cell is near (0, 0) only if the range is roughly symmetric; check the pixel at the origin.
        int cx = (int) ((0 - range[0]) / (range[1] - range[0]) * 61);
        int cy = (int) ((range[3] - 0) / (range[3] - range[2]) * 61);
        assertThat("inside the unit circle: class 0", classOf(r.getRGB(cx, cy)), is(0));
        assertThat("corner, radius > 1: class 1", classOf(r.getRGB(0, 0)), is(1));
    }

    @Test
    void modelModeIsRestored() {
        Module model = Examples.signOfX1();
        DecisionBoundary.of(model, Examples.halfPlanes(10, TestSeeds.class.hashCode()), 10);
        assertThat(model.isTraining(), is(true));
        model.eval();
        DecisionBoundary.of(model, Examples.halfPlanes(10, 3), 10);
        assertThat(model.isTraining(), is(false));
    }

    @Test
    void pointsThatAreNot2dAreRejected() {
        TensorDataset threeD = new TensorDataset(Tensor.zeros(4, 3), Tensor.zeros(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundary.of(Examples.signOfX1(), threeD, 10));
        assertThat(e.getMessage(), containsString("[3]"));
    }

    @Test
    void resolutionOutOfRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundary.of(Examples.signOfX1(), Examples.halfPlanes(4, 1), 1));
        assertThat(e.getMessage(), containsString("resolution"));
    }
}
