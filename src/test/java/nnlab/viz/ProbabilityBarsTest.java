package nnlab.viz;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbabilityBarsTest {

    @TempDir
    Path dir;

    static Tensor probabilities() {
        return Tensor.vector(0.02f, 0.01f, 0.05f, 0.70f, 0.02f, 0.1f, 0.02f, 0.03f, 0.04f, 0.01f);
    }

    @Test
    void pngIsNotBlank() throws IOException {
        RenderedImages.savedPngIsAPicture(ProbabilityBars.of(probabilities()), dir, "bars");
    }

    @Test
    void svgIsWritten() throws IOException {
        RenderedImages.savedSvgIsADrawing(ProbabilityBars.of(probabilities()), dir, "bars");
    }

    @Test
    void predictionIsTheMostProbableClass() {
        ProbabilityBars bars = ProbabilityBars.of(probabilities().reshape(1, 10),
                new String[] {"0", "1", "2", "three", "4", "5", "6", "7", "8", "9"});
        assertThat(bars.chart().getTitle(), containsString("prediction: three"));
    }

    @Test
    void logitsAreRejectedWithSoftmaxHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProbabilityBars.of(Tensor.vector(2.5f, -1f, 0.3f)));
        assertThat(e.getMessage(), containsString("softmax"));
    }

    @Test
    void batchIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProbabilityBars.of(Tensor.full(0.5f, 2, 2)));
        assertThat(e.getMessage(), containsString("[2, 2]"));
        assertThat(e.getMessage().contains("slice"), is(true));
    }
}
