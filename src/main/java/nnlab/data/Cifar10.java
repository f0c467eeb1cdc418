package nnlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import nnlab.tensor.Tensor;

/**
 * Reader of the CIFAR-10 binary batches ({@code data_batch_1.bin} ... {@code test_batch.bin}, optionally gzipped),
 * as {@code torchvision.datasets.CIFAR10} with {@code ToTensor()} and, optionally, {@code Normalize(mean, std)}.
 *
 * <p><b>Format.</b> A batch is a sequence of 3073-byte records: 1 label byte ({@code 0..9}), then 1024 red,
 * 1024 green and 1024 blue pixel bytes, each plane a row-major 32x32 image. A file starting with the gzip magic
 * bytes {@code 1f 8b} is decompressed first.
 *
 * <p><b>Output.</b> A {@link TensorDataset} of inputs {@code [N, 3, 32, 32]} (channel-first, as in the file),
 * pixel {@code p} becoming {@code p / 255} in {@code [0, 1]}, or {@code [N, 3072]} with {@code flatten} (the
 * file's byte order: all red, then green, then blue); targets {@code [N]} hold the class indices as floats. With
 * {@code normalize}, channel {@code c} becomes {@code (x - MEAN[c]) / STD[c]}.
 *
 * <p>The class names, in label order, are read from {@code batches.meta.txt} with {@link #readClassNames(Path)}.
 */
public final class Cifar10 {

    /** Bytes per record: 1 label byte + 3 x 32 x 32 pixel bytes. */
    public static final int RECORD_BYTES = 3073;
    /** Where the files come from, for error messages. */
    private static final String WHERE_TO_GET = "the repository's data/cifar-10/ holds a subset (see data/SOURCES.md); "
            + "the full binary version is cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html";
    /** Pixels per image: 3 channels x 32 x 32. */
    public static final int IMAGE_BYTES = 3072;
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Per-channel mean (R, G, B) of the CIFAR-10 training images, on the {@code [0, 1]} scale. */
    public static final float[] MEAN = {0.4914f, 0.4822f, 0.4465f};
    /** Per-channel standard deviation (R, G, B) of the CIFAR-10 training images, on the {@code [0, 1]} scale. */
    public static final float[] STD = {0.2470f, 0.2435f, 0.2616f};

    private static final int PLANE = 1024;

    private Cifar10() {
    }

    /**
     * One batch file as {@code [N, 3, 32, 32]} images in {@code [0, 1]}, not normalized:
     * {@code read(file, false, false)}.
     *
     * @throws DataException if the file cannot be read or is not a CIFAR-10 binary batch (the message says why)
     */
    public static TensorDataset read(Path file) {
        return read(List.of(file), false, false);
    }

    /**
     * One batch file: {@code read(List.of(file), normalize, flatten)}.
     *
     * @throws DataException if the file cannot be read or is not a CIFAR-10 binary batch (the message says why)
     */
    public static TensorDataset read(Path file, boolean normalize, boolean flatten) {
        return read(List.of(file), normalize, flatten);
    }

    /**
     * The records of several batch files, in the order given (e.g. {@code data_batch_1.bin} ... {@code _5} for
     * the 50000 training images).
     *
     * @param files     batch files, raw or gzipped (detected by the magic bytes {@code 1f 8b})
     * @param normalize whether to apply {@code (x - MEAN[c]) / STD[c]} per channel
     * @param flatten   whether inputs are {@code [N, 3072]} instead of {@code [N, 3, 32, 32]}
     * @return inputs as described above, targets {@code [N]} class indices {@code 0..9}
     * @throws DataException if a file is missing or cannot be read, is empty, its length is not a multiple of 3073
     *                       bytes, or a label byte is not in {@code 0..9}
     */
    public static TensorDataset read(List<Path> files, boolean normalize, boolean flatten) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("Cifar10.read: no files given; pass at least one batch file");
        }
        List<byte[]> contents = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            byte[] bytes = validated(f, readMaybeGzipped(f));
            contents.add(bytes);
            total += bytes.length / RECORD_BYTES;
        }
        if (total * IMAGE_BYTES > Integer.MAX_VALUE) {
            throw new DataException("Cifar10.read: " + total + " images do not fit in one tensor; read fewer files");
        }
        int n = (int) total;
        float[] pixels = new float[n * IMAGE_BYTES];
        float[] labels = new float[n];
        int row = 0;
        for (byte[] bytes : contents) {
            for (int r = 0; r < bytes.length / RECORD_BYTES; r++, row++) {
                int base = r * RECORD_BYTES;
                labels[row] = bytes[base];
                int out = row * IMAGE_BYTES;
                for (int j = 0; j < IMAGE_BYTES; j++) {
                    float x = (bytes[base + 1 + j] & 0xFF) / 255f;
                    if (normalize) {
                        int c = j / PLANE;
                        x = (x - MEAN[c]) / STD[c];
                    }
                    pixels[out + j] = x;
                }
            }
        }
        Tensor inputs = flatten ? Tensor.of(pixels, n, IMAGE_BYTES) : Tensor.of(pixels, n, 3, 32, 32);
        return new TensorDataset(inputs, Tensor.of(labels, n));
    }

    /**
     * The class names in label order from {@code batches.meta.txt}: one name per line, blank lines ignored,
     * surrounding whitespace trimmed ({@code airplane, automobile, bird, ..., truck}).
     *
     * @throws DataException if the file cannot be read or does not hold exactly 10 names
     */
    public static List<String> readClassNames(Path metaFile) {
        List<String> names = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(metaFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(metaFile, e);
        }
        for (String line : lines) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        if (names.size() != CLASSES) {
            throw new DataException(metaFile + ": expected " + CLASSES + " class names (one per non-blank line), found "
                    + names.size() + "; pass the batches.meta.txt of the CIFAR-10 binary version");
        }
        return List.copyOf(names);
    }

    /** The whole file, gunzipped if it starts with {@code 1f 8b}. */
    private static byte[] readMaybeGzipped(Path file) {
        if (!Files.exists(file)) {
            throw new DataException("CIFAR-10 file " + file.toAbsolutePath() + " does not exist; " + WHERE_TO_GET);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try (InputStream gz = new GZIPInputStream(raw, 1 << 16)) {
                    return gz.readAllBytes();
                } catch (EOFException | ZipException e) {
                    throw new DataException(file + ": corrupt or truncated gzip data (" + e.getMessage()
                            + "); download or copy the file again", e);
                }
            }
            return raw.readAllBytes();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static DataException unreadable(Path file, IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return new DataException("CIFAR-10 file " + file.toAbsolutePath() + " does not exist; " + WHERE_TO_GET, e);
        }
        return new DataException("cannot read CIFAR-10 file " + file + ": " + e.getMessage()
                + "; check that it is a readable file", e);
    }

    /** Checks the length and every label byte; returns {@code bytes}. */
    private static byte[] validated(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new DataException(file + ": empty file, not a CIFAR-10 binary batch; expected records of "
                    + RECORD_BYTES + " bytes (1 label + 3072 pixels)");
        }
        if (bytes.length % RECORD_BYTES != 0) {
            throw new DataException(file + ": truncated or not a CIFAR-10 binary batch: " + bytes.length
                    + " bytes is not a multiple of " + RECORD_BYTES + " (1 label byte + 3072 pixel bytes per record; "
                    + bytes.length / RECORD_BYTES + " whole records and " + bytes.length % RECORD_BYTES
                    + " bytes left over); use the binary version (cifar-10-binary.tar.gz), not the python pickles");
        }
        for (int r = 0; r < bytes.length / RECORD_BYTES; r++) {
            int label = bytes[r * RECORD_BYTES] & 0xFF;
            if (label >= CLASSES) {
                throw new DataException(file + ": record " + r + " (byte offset " + (long) r * RECORD_BYTES
                        + ") has label " + label + ", expected 0.." + (CLASSES - 1)
                        + "; is this a CIFAR-100 file (2 label bytes per record) or another format?");
            }
        }
        return bytes;
    }
}
