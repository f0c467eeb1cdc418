package nnlab.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import nnlab.data.MnistDataset.Split;
import nnlab.data.MnistDataset.Variant;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled MNIST files, loaded once for the class. Expected values: sizes and first labels from the official
 * files (train starts 5 0 4 1 9, test 7 2 1 0 4, as in every MNIST tutorial); the mean and std are those of
 * PyTorch's MNIST example (0.1307, 0.3081); numpy on the same files gives 0.130660 and 0.308108.
 */
class MnistBundledTest {

    private static TensorDataset train;
    private static TensorDataset test;

    @BeforeAll
    static void load() {
        DataFiles files = DataFiles.locate();
        train = MnistDataset.load(Variant.MNIST, Split.TRAIN, files);
        test = MnistDataset.load(Variant.MNIST, Split.TEST, files);
    }

    @AfterAll
    static void release() {
        train = null;
        test = null;
    }

    @Test
    void sizesAndShapesAreOfficial() {
        assertThat(train.size(), is(60000));
        assertThat(test.size(), is(10000));
        assertArrayEquals(new int[] {1, 28, 28}, train.inputShape());
    }

    @Test
    void firstLabelsAreOfficial() {
        assertArrayEquals(new float[] {5, 0, 4, 1, 9}, java.util.Arrays.copyOf(train.targets().data(), 5));
        assertArrayEquals(new float[] {7, 2, 1, 0, 4}, java.util.Arrays.copyOf(test.targets().data(), 5));
    }

    @Test
    void pixelsSpanZeroToOne() {
        Tensor x = train.inputs();
        assertThat(x.min(), is(0f));
        assertThat(x.max(), is(1f));
    }

    @Test
    void trainingPixelMeanAndStdMatchTheNormalizationConstants() {
        double sum = 0;
        double sq = 0;
        float[] x = train.inputs().data();
        for (float v : x) {
            sum += v;
            sq += (double) v * v;
        }
        double mean = sum / x.length;
        double std = Math.sqrt(sq / x.length - mean * mean);
        assertThat(mean, closeTo(Variant.MNIST.mean(), 1e-4));
        assertThat(std, closeTo(Variant.MNIST.std(), 1e-4));
    }

    @Test
    void classCountsAreOfficial() {
        // from numpy.bincount over the official training labels
        int[] expected = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
        int[] counts = new int[10];
        for (float t : train.targets().data()) {
            counts[(int) t]++;
        }
        assertArrayEquals(expected, counts);
    }
}
