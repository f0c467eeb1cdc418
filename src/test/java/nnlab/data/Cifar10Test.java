package nnlab.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import nnlab.tensor.Tensor;
import nnlab.testing.TestSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10Test {

    @TempDir
    Path dir;

    /** {@code n} records with labels {@code r % 10} and random pixel bytes; returns the file bytes. */
    static byte[] records(int n, long seed) {
        RandomGenerator rng = Tensor.rng(seed);
        byte[] b = new byte[n * Cifar10.RECORD_BYTES];
        rng.nextBytes(b);
        for (int r = 0; r < n; r++) {
            b[r * Cifar10.RECORD_BYTES] = (byte) (r % 10);
        }
        return b;
    }

    private Path write(String name, byte[] bytes, boolean gzip) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
            out.write(bytes);
        }
        return f;
    }

    /** Pixel byte {@code j} of record {@code r} (0..3071 = R plane, G plane, B plane) as an unsigned value. */
    private static int pixel(byte[] bytes, int r, int j) {
        return bytes[r * Cifar10.RECORD_BYTES + 1 + j] & 0xFF;
    }

    @Test
    void rawFileRoundTripsLabelsAndChannelFirstPixels() throws IOException {
        byte[] bytes = records(12, TestSeeds.of(1));
        TensorDataset ds = Cifar10.read(write("raw.bin", bytes, false));

        assertArrayEquals(new int[] {12, 3, 32, 32}, ds.inputs().shape());
        assertArrayEquals(new int[] {12}, ds.targets().shape());
        for (int r = 0; r < 12; r++) {
            assertThat(ds.targets().get(r), is((float) (r % 10)));
            // channel c, row y, column x is byte 1 + c*1024 + y*32 + x of the record (row-major planes)
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y += 7) {
                    for (int x = 0; x < 32; x += 5) {
                        assertThat(ds.inputs().get(r, c, y, x), is(pixel(bytes, r, c * 1024 + y * 32 + x) / 255f));
                    }
                }
            }
        }
    }

    @Test
    void gzippedFileReadsTheSameAsRaw() throws IOException {
        byte[] bytes = records(7, TestSeeds.of(2));
        TensorDataset raw = Cifar10.read(write("a.bin", bytes, false));
        TensorDataset gz = Cifar10.read(write("a.bin.gz", bytes, true));

        assertArrayEquals(raw.inputs().data(), gz.inputs().data());
        assertArrayEquals(raw.targets().data(), gz.targets().data());
    }

    @Test
    void extremePixelBytesMapToZeroAndOne() throws IOException {
        byte[] bytes = new byte[Cifar10.RECORD_BYTES];
        bytes[0] = 9;
        bytes[1] = (byte) 0xFF; // first red pixel 255 -> 1.0 (unsigned, not -1)
        bytes[2] = 0;
        TensorDataset ds = Cifar10.read(write("x.bin", bytes, false));

        assertThat(ds.inputs().get(0, 0, 0, 0), is(1.0f));
        assertThat(ds.inputs().get(0, 0, 0, 1), is(0.0f));
        assertThat(ds.targets().get(0), is(9.0f));
    }

    @Test
    void normalizeAppliesPerChannelMeanAndStd() throws IOException {
        byte[] bytes = records(3, TestSeeds.of(3));
        Path f = write("n.bin", bytes, false);
        TensorDataset plain = Cifar10.read(f);
        TensorDataset norm = Cifar10.read(f, true, false);

        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                // (x - mean[c]) / std[c], CIFAR-10 constants 0.4914/0.4822/0.4465 and 0.2470/0.2435/0.2616
                float expected = (plain.inputs().get(r, c, 4, 9) - Cifar10.MEAN[c]) / Cifar10.STD[c];
                assertThat(norm.inputs().get(r, c, 4, 9), is(expected));
            }
        }
        assertThat(Cifar10.MEAN[1], is(0.4822f));
        assertThat(Cifar10.STD[2], is(0.2616f));
    }

    @Test
    void flattenKeepsTheFileOrder() throws IOException {
        byte[] bytes = records(4, TestSeeds.of(4));
        TensorDataset flat = Cifar10.read(write("f.bin", bytes, false), false, true);

        assertArrayEquals(new int[] {4, 3072}, flat.inputs().shape());
        assertArrayEquals(new int[] {3072}, flat.inputShape());
        assertThat(flat.inputs().get(2, 1024 + 33), is(pixel(bytes, 2, 1024 + 33) / 255f));
    }

    @Test
    void severalFilesAreConcatenatedInOrder() throws IOException {
        byte[] a = records(3, TestSeeds.of(5));
        byte[] b = records(2, TestSeeds.of(6));
        TensorDataset ds = Cifar10.read(List.of(write("a.bin", a, false), write("b.bin.gz", b, true)), false, false);

        assertThat(ds.size(), is(5));
        assertThat(ds.inputs().get(3, 2, 31, 31), is(pixel(b, 0, 3071) / 255f));
        assertThat(ds.targets().get(4), is(1.0f)); // record 1 of b has label 1 % 10
    }

    @Test
    void truncatedFileIsRejectedWithTheByteCount() throws IOException {
        byte[] bytes = Arrays.copyOf(records(2, TestSeeds.of(7)), 2 * Cifar10.RECORD_BYTES - 100);
        DataException e = assertThrows(DataException.class, () -> Cifar10.read(write("t.bin", bytes, false)));

        assertThat(e.getMessage(), allOf(containsString("truncated or not a CIFAR-10 binary batch"),
                containsString("6046 bytes is not a multiple of 3073")));
    }

    @Test
    void truncatedGzipIsRejectedAsCorrupt() throws IOException {
        Path whole = write("w.bin.gz", records(5, TestSeeds.of(8)), true);
        byte[] gz = Files.readAllBytes(whole);
        Path cut = write("cut.bin", Arrays.copyOf(gz, gz.length / 2), false);
        DataException e = assertThrows(DataException.class, () -> Cifar10.read(cut));

        assertThat(e.getMessage(), containsString("corrupt or truncated gzip"));
    }

    @Test
    void labelOutsideZeroToNineNamesTheRecord() throws IOException {
        byte[] bytes = records(5, TestSeeds.of(9));
        bytes[3 * Cifar10.RECORD_BYTES] = 10;
        DataException e = assertThrows(DataException.class, () -> Cifar10.read(write("l.bin", bytes, false)));

        assertThat(e.getMessage(), allOf(containsString("record 3"), containsString("label 10"),
                containsString("expected 0..9")));
    }

    @Test
    void labelByteAbove127IsReportedUnsigned() throws IOException {
        byte[] bytes = records(1, TestSeeds.of(10));
        bytes[0] = (byte) 200;
        DataException e = assertThrows(DataException.class, () -> Cifar10.read(write("u.bin", bytes, false)));

        assertThat(e.getMessage(), containsString("label 200"));
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        DataException e = assertThrows(DataException.class, () -> Cifar10.read(write("e.bin", new byte[0], false)));
        assertThat(e.getMessage(), containsString("empty file"));
        DataException gz = assertThrows(DataException.class, () -> Cifar10.read(write("e.bin.gz", new byte[0], true)));
        assertThat(gz.getMessage(), containsString("empty file"));
    }

    @Test
    void oneByteFileIsRejectedWithoutIndexErrors() throws IOException {
        DataException e = assertThrows(DataException.class, () -> Cifar10.read(write("1.bin", new byte[] {0x1f}, false)));
        assertThat(e.getMessage(), containsString("1 bytes is not a multiple of 3073"));
    }

    @Test
    void missingFileSaysWhereTheDataComesFrom() {
        DataException e = assertThrows(DataException.class, () -> Cifar10.read(dir.resolve("nowhere.bin")));
        assertThat(e.getMessage(), containsString("does not exist"));
        assertThat(e.getMessage(), containsString("cifar-10-binary.tar.gz"));
        DataException meta = assertThrows(DataException.class, () -> Cifar10.readClassNames(dir.resolve("meta.txt")));
        assertThat(meta.getMessage(), containsString("does not exist"));
    }

    @Test
    void classNamesSkipBlankLines() throws IOException {
        Path meta = dir.resolve("batches.meta.txt");
        Files.writeString(meta, "airplane\nautomobile\nbird\ncat\ndeer\n\ndog\nfrog\nhorse\nship\ntruck\n\n",
                StandardCharsets.UTF_8);

        assertThat(Cifar10.readClassNames(meta), contains("airplane", "automobile", "bird", "cat", "deer", "dog",
                "frog", "horse", "ship", "truck"));
    }

    @Test
    void classNamesWithTheWrongCountAreRejected() throws IOException {
        Path meta = dir.resolve("bad.meta.txt");
        Files.writeString(meta, "apple\nbanana\n", StandardCharsets.UTF_8);
        DataException e = assertThrows(DataException.class, () -> Cifar10.readClassNames(meta));

        assertThat(e.getMessage(), containsString("expected 10 class names (one per non-blank line), found 2"));
    }

    @Test
    void noFilesIsAnArgumentError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.read(List.of(), false, false));
        assertThat(e.getMessage(), equalTo("Cifar10.read: no files given; pass at least one batch file"));
    }
}
