package nnlab.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import nnlab.data.MnistDataset.Split;
import nnlab.data.MnistDataset.Variant;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Checks one bundled IDX image set (loaded once per subclass) against values stated by the subclass: sizes, first
 * labels, class counts, pixel range, and that the training pixels' mean and std match the normalization constants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BundledImagesContract {

    private final Variant variant;
    private TensorDataset train;
    private TensorDataset test;

    BundledImagesContract(Variant variant) {
        this.variant = variant;
        DataFiles files = DataFiles.locate();
        this.train = MnistDataset.load(variant, Split.TRAIN, files);
        this.test = MnistDataset.load(variant, Split.TEST, files);
    }

    /** The first five training labels of the official file. */
    abstract float[] firstTrainLabels();

    /** The first five test labels of the official file. */
    abstract float[] firstTestLabels();

    /** Examples per class in the training set. */
    abstract int[] trainClassCounts();

    @AfterAll
    void release() {
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
        assertArrayEquals(firstTrainLabels(), java.util.Arrays.copyOf(train.targets().data(), 5));
        assertArrayEquals(firstTestLabels(), java.util.Arrays.copyOf(test.targets().data(), 5));
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
        assertThat(mean, closeTo(variant.mean(), 1e-4));
        assertThat(std, closeTo(variant.std(), 1e-4));
    }

    @Test
    void classCountsAreOfficial() {
        int[] counts = new int[10];
        for (float t : train.targets().data()) {
            counts[(int) t]++;
        }
        assertArrayEquals(trainClassCounts(), counts);
    }
}
