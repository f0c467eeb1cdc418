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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGridTest {

    @TempDir
    Path dir;

    static final int[] LABELS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1};
    static final int[] PREDICTED = {0, 1, 2, 5, 4, 5, 6, 1, 8, 9, 0, 1}; // two wrong: 3 -> 5, 7 -> 1

    @Test
    void pngIsNotBlankAndMarksMistakesInRed() throws IOException {
        SampleGrid grid = SampleGrid.of(Examples.digits(12), LABELS, PREDICTED, null);
        assertThat(grid.mistakes(), is(2));
        BufferedImage image = RenderedImages.savedPngIsAPicture(grid, dir, "samples");
        long red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == Palette.WRONG.getRGB()) {
                    red++;
                }
            }
        }
        // Two 3-pixel frames around 84-pixel tiles alone give about 2 * 4 * 84 * 3 red pixels.
        assertThat(red, greaterThan(1000L));
    }

    @Test
    void flatImagesWithoutPredictionsRender() throws IOException {
        Tensor flat = Examples.digits(5).reshape(5, 784);
        SampleGrid grid = SampleGrid.of(flat, new int[] {0, 1, 2, 3, 4}, null, new String[] {
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"});
        assertThat(grid.mistakes(), is(0));
        RenderedImages.savedPngIsAPicture(grid, dir, "labels-only");
    }

    @Test
    void wrongLabelCountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleGrid.of(Examples.digits(3), new int[] {1, 2}, null, null));
        assertThat(e.getMessage(), containsString("expected 3 labels"));
    }

    @Test
    void colourImagesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleGrid.of(Tensor.zeros(2, 3, 28, 28), new int[] {0, 1}, null, null));
        assertThat(e.getMessage(), containsString("[2, 3, 28, 28]"));
    }
}
