package nnlab.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled CIFAR-10 subsets (see data/SOURCES.md). Skipped where the files are absent. The data root is the
 * system property {@code nnlab.data} or the environment variable {@code NNLAB_DATA} if set, else the first
 * {@code data/} folder found from the working directory upwards (the repository's own).
 */
class Cifar10SubsetTest {

    /** The {@code cifar-10} folder of the data root, or a skipped test if it or its files are absent. */
    static Path cifarFolder() {
        String root = System.getProperty("nnlab.data", System.getenv("NNLAB_DATA"));
        Path folder = null;
        if (root != null) {
            folder = Path.of(root, "cifar-10");
        } else {
            for (Path p = Path.of("").toAbsolutePath(); p != null && folder == null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("data").resolve("cifar-10"))) {
                    folder = p.resolve("data").resolve("cifar-10");
                }
            }
        }
        assumeTrue(folder != null && Files.isRegularFile(folder.resolve("data_batch_1.first4000.bin.gz")),
                "CIFAR-10 subset not found; set NNLAB_DATA to a folder holding cifar-10/");
        return folder;
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
        TensorDataset ds = Cifar10.read(cifarFolder().resolve("data_batch_1.first4000.bin.gz"));

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
        TensorDataset ds = Cifar10.read(cifarFolder().resolve("test_batch.first1000.bin.gz"), true, true);

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
        assertThat(Cifar10.readClassNames(cifarFolder().resolve("batches.meta.txt")), contains("airplane",
                "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"));
    }
}
