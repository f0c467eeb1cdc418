package nnlab.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled CIFAR-10 subsets (see data/SOURCES.md), located and checksum-verified by {@link DataFiles} like the
 * MNIST sets.
 */
class Cifar10SubsetTest {

    /** A bundled CIFAR-10 file, found and checksum-verified as every loader finds it. */
    private static Path bundled(DataFile file) {
        return DataFiles.locate().path(file);
    }

    /** Number of records per class (index = label). */
    private static int[] counts(TensorDataset ds) {
        int[] c = new int[10];
        for (float label : ds.targets().data()) {
            c[(int) label]++;
        }
        return c;
    }

    @Test
    void trainingSubsetHas4000RecordsOfAllTenClasses() throws IOException {
        TensorDataset ds = Cifar10.read(bundled(DataFile.CIFAR10_TRAIN_FIRST4000));

        assertThat(ds.size(), is(4000));
        assertArrayEquals(new int[] {3, 32, 32}, ds.inputShape());
        for (int c : counts(ds)) {
            assertThat("every class appears", c > 0, is(true));
        }
        // first labels of data_batch_1 as listed in data/SOURCES.md, note 4: 6 9 9 4 1 1 2 7 8 3
        float[] first = java.util.Arrays.copyOf(ds.targets().data(), 10);
        assertArrayEquals(new float[] {6, 9, 9, 4, 1, 1, 2, 7, 8, 3}, first);
    }

    @Test
    void testSubsetHas1000RecordsOfAllTenClasses() throws IOException {
        TensorDataset ds = Cifar10.read(bundled(DataFile.CIFAR10_TEST_FIRST1000), true, true);

        assertThat(ds.size(), is(1000));
        assertArrayEquals(new int[] {3072}, ds.inputShape());
        for (int c : counts(ds)) {
            assertThat("every class appears", c > 0, is(true));
        }
        // first labels of test_batch as listed in data/SOURCES.md, note 4: 3 8 8 0 6 6 1 6 3 1
        float[] first = java.util.Arrays.copyOf(ds.targets().data(), 10);
        assertArrayEquals(new float[] {3, 8, 8, 0, 6, 6, 1, 6, 3, 1}, first);
    }

    @Test
    void bundledClassNamesAreTheTenCifarClasses() throws IOException {
        assertThat(Cifar10.readClassNames(bundled(DataFile.CIFAR10_META)), contains("airplane",
                "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"));
    }
}
