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
 * The bundled Fashion-MNIST files, loaded once for the class. Expected values come from numpy on the official files
 * (gzip.open + numpy.frombuffer): train labels start 9 0 0 3 0, test 9 2 1 1 6; 6000 training images per class
 * (as the Fashion-MNIST README states); training pixel mean 0.286041 and std 0.353024.
 */
class FashionMnistBundledTest {

    private static TensorDataset train;
    private static TensorDataset test;

    @BeforeAll
    static void load() {
        DataFiles files = DataFiles.locate();
        train = MnistDataset.load(Variant.FASHION_MNIST, Split.TRAIN, files);
        test = MnistDataset.load(Variant.FASHION_MNIST, Split.TEST, files);
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
        assertArrayEquals(new float[] {9, 0, 0, 3, 0}, java.util.Arrays.copyOf(train.targets().data(), 5));
        assertArrayEquals(new float[] {9, 2, 1, 1, 6}, java.util.Arrays.copyOf(test.targets().data(), 5));
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
        assertThat(mean, closeTo(Variant.FASHION_MNIST.mean(), 1e-4));
        assertThat(std, closeTo(Variant.FASHION_MNIST.std(), 1e-4));
    }

    @Test
    void classCountsAreOfficial() {
        int[] expected = {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000};
        int[] counts = new int[10];
        for (float t : train.targets().data()) {
            counts[(int) t]++;
        }
        assertArrayEquals(expected, counts);
    }
}
