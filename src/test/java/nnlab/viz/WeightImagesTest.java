package nnlab.viz;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightImagesTest {

    @TempDir
    Path dir;

    @Test
    void pngIsNotBlank() throws IOException {
        RenderedImages.savedPngIsAPicture(WeightImages.of(Examples.weights()), dir, "weights");
    }

    @Test
    void svgIsWritten() throws IOException {
        RenderedImages.savedSvgIsADrawing(WeightImages.of(Examples.weights()), dir, "weights");
    }

    @Test
    void scaleIsSymmetricMaxAbs() {
        float[] w = new float[2 * 4];
        w[3] = -0.75f;
        w[5] = 0.5f;
        // max |w| = 0.75, from the negative entry.
        assertThat((double) WeightImages.of(Tensor.of(w, 2, 4)).limit(), closeTo(0.75, 0));
    }

    @Test
    void transposedWeightGetsTransposeHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightImages.of(Tensor.zeros(784, 10)));
        assertThat(e.getMessage(), containsString("[784, 10]"));
        assertThat(e.getMessage(), containsString("transpose"));
    }

    @Test
    void nonSquareImageSizeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightImages.of(Tensor.zeros(10, 780)));
        assertThat(e.getMessage(), containsString("[10, 780]"));
    }
}
