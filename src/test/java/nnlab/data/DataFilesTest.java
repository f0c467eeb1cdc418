package nnlab.data;

import static nnlab.data.IdxTestFiles.write;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data root lookup order and the checks of {@link DataFiles#path(DataFile)}. */
class DataFilesTest {

    @TempDir
    Path tmp;

    private Path dataRoot(String name) {
        write(tmp, name + "/" + DataFiles.MARKER, new byte[] {'#'});
        return tmp.resolve(name);
    }

    @Test
    void explicitPathWinsOverPropertyAndEnv() throws IOException {
        Path a = dataRoot("a");
        Path b = dataRoot("b");
        Path c = dataRoot("c");
        assertThat(DataFiles.locate(a, b.toString(), c.toString(), tmp).root(), is(a.toAbsolutePath()));
        assertThat(DataFiles.locate(null, b.toString(), c.toString(), tmp).root(), is(b.toAbsolutePath()));
        assertThat(DataFiles.locate(null, null, c.toString(), tmp).root(), is(c.toAbsolutePath()));
    }

    @Test
    void searchWalksUpToADataFolderWithSources() throws IOException {
        Path data = dataRoot("data");
        Path lab = Files.createDirectories(tmp.resolve("labs/lab1/src"));
        Files.createDirectories(tmp.resolve("labs/data")); // no SOURCES.md: skipped
        assertThat(DataFiles.locate(null, null, null, lab).root(), is(data.toAbsolutePath()));
    }

    @Test
    void noDataFolderNamesWhereItLookedAndTheFix() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("x/y"));
        // The search continues above tmp; /tmp and / hold no data/SOURCES.md on a normal machine.
        DataException e = assertThrows(DataException.class, () -> DataFiles.locate(null, "", " ", empty));
        assertThat(e.getMessage(), allOf(containsString("no data directory found"), containsString(empty.toString()),
                containsString("NNLAB_DATA=/path/to/data"), containsString("SOURCES.md")));
    }

    @Test
    void explicitRootThatDoesNotExistSaysWhereItCameFrom() {
        Path missing = tmp.resolve("missing");
        DataException e = assertThrows(DataException.class,
                () -> DataFiles.locate(null, null, missing.toString(), tmp));
        assertThat(e.getMessage(), allOf(containsString(missing.toString()),
                containsString("environment variable NNLAB_DATA"), containsString("does not exist")));
    }

    @Test
    void missingFileNamesPathAndSource() {
        DataFiles files = DataFiles.at(dataRoot("data"));
        DataException e = assertThrows(DataException.class, () -> files.path(DataFile.MNIST_TEST_LABELS));
        assertThat(e.getMessage(), allOf(
                containsString(tmp.resolve("data/mnist/t10k-labels-idx1-ubyte.gz").toAbsolutePath() + " is missing"),
                containsString("yann.lecun.com/exdb/mnist")));
    }

    @Test
    void wrongSizeIsReportedBeforeHashing() {
        Path root = dataRoot("data");
        write(root, DataFile.MNIST_TEST_LABELS.relativePath(), new byte[100]);
        DataException e = assertThrows(DataException.class,
                () -> DataFiles.at(root).path(DataFile.MNIST_TEST_LABELS));
        assertThat(e.getMessage(), containsString("has 100 bytes, expected 4542"));
    }

    @Test
    void hashMismatchGivesExpectedAndActualHash() {
        Path root = dataRoot("data");
        write(root, DataFile.MNIST_TEST_LABELS.relativePath(), new byte[4542]);
        DataException e = assertThrows(DataException.class,
                () -> DataFiles.at(root).path(DataFile.MNIST_TEST_LABELS));
        // SHA-256 of 4542 zero bytes, from `head -c 4542 /dev/zero | sha256sum`
        assertThat(e.getMessage(), allOf(containsString("is corrupt"),
                containsString("SHA-256 is 53a396d808dd391e83dae392ebeab5d2a08beb8037f0960d6bf56aaa0d348035"),
                containsString("expected f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
                containsString("replace it with the official MNIST file")));
    }

    @Test
    void bundledFileVerifiesAndCopiesVerifyToo() throws IOException {
        DataFiles bundled = DataFiles.locate(null, null, null, Path.of(""));
        Path real = bundled.path(DataFile.MNIST_TEST_LABELS);
        Path root = dataRoot("copy");
        Path copy = write(root, DataFile.MNIST_TEST_LABELS.relativePath(), Files.readAllBytes(real));
        assertThat(DataFiles.at(root).path(DataFile.MNIST_TEST_LABELS), is(copy));
    }

    @Test
    void fileChangedAfterVerificationIsCheckedAgain() throws IOException {
        Path root = dataRoot("data");
        Path real = DataFiles.locate(null, null, null, Path.of("")).path(DataFile.MNIST_TEST_LABELS);
        Path p = write(root, DataFile.MNIST_TEST_LABELS.relativePath(), Files.readAllBytes(real));
        DataFiles files = DataFiles.at(root);
        files.path(DataFile.MNIST_TEST_LABELS);
        byte[] damaged = Files.readAllBytes(real);
        damaged[100] ^= 1;
        Files.write(p, damaged);
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(0)); // a different mtime for sure
        assertThrows(DataException.class, () -> files.path(DataFile.MNIST_TEST_LABELS));
    }

    @Test
    void everyBundledFileMatchesItsChecksum() {
        DataFiles bundled = DataFiles.locate(null, null, null, Path.of(""));
        for (DataFile f : DataFile.values()) {
            assertThat(f.name(), Files.isRegularFile(bundled.path(f)), is(true));
        }
    }
}
