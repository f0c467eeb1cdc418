package nnlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the format of MNIST and Fashion-MNIST), raw or gzip-compressed (detected from the gzip magic
 * bytes {@code 1f 8b}, not from the file name).
 *
 * <p>Layout: a 4-byte magic number {@code 0x00 0x00 type ndims}, then {@code ndims} big-endian 32-bit sizes, then
 * the elements, big-endian, row-major. The reader checks each part: the two zero bytes, a known {@link IdxType},
 * at least one dimension, positive sizes whose byte count fits in a Java array, and exactly that many payload
 * bytes (no fewer, no trailing ones). Every failure is a {@link DataException} naming the file and what was expected;
 * memory grows with the bytes actually read, so a corrupt header cannot make the reader allocate gigabytes.
 */
public final class IdxReader {

    /** Largest payload a Java byte array can hold. */
    static final long MAX_PAYLOAD_BYTES = Integer.MAX_VALUE - 8;

    private static final int FIRST_CHUNK = 1 << 20;

    private IdxReader() {
    }

    /**
     * Reads the IDX file at {@code file}, raw or gzip.
     *
     * @throws DataException if the file is missing, unreadable, or not a valid IDX file
     */
    public static IdxData read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("IDX file " + file.toAbsolutePath() + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new DataException("cannot read IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one IDX file from {@code in} (raw or gzip) up to its end; does not close {@code in}.
     *
     * @param name the file's name, for error messages
     * @throws DataException if the bytes are not a valid IDX file
     */
    public static IdxData read(InputStream in, String name) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return parse(new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16),
                        name + " (gzip)");
            }
            return parse(buffered, name);
        } catch (EOFException e) {
            throw new DataException("IDX file " + name + " is a truncated gzip stream (" + e.getMessage()
                    + "); download it again", e);
        } catch (IOException e) {
            throw new DataException("cannot read IDX file " + name + ": " + e.getMessage()
                    + "; if it is gzip, it is corrupt, download it again", e);
        }
    }

    private static IdxData parse(InputStream in, String name) throws IOException {
        byte[] magic = new byte[4];
        int got = readFully(in, magic, 0, 4);
        if (got < 4) {
            throw new DataException("IDX file " + name + " is truncated: the header needs 4 magic bytes, found " + got);
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DataException(String.format("%s is not an IDX file: magic number is 0x%02X%02X%02X%02X, expected"
                    + " 0x0000TTNN (two zero bytes, type code, number of dimensions); check that it is the right file"
                    + " (not an HTML page, a .tar, or a CIFAR batch)", name,
                    magic[0] & 0xFF, magic[1] & 0xFF, magic[2] & 0xFF, magic[3] & 0xFF));
        }
        IdxType type = IdxType.ofCode(magic[2] & 0xFF);
        if (type == null) {
            throw new DataException(String.format("IDX file %s has unknown type code 0x%02X; IDX defines 0x08 (ubyte),"
                    + " 0x09 (byte), 0x0B (short), 0x0C (int), 0x0D (float) and 0x0E (double)", name, magic[2] & 0xFF));
        }
        int ndims = magic[3] & 0xFF;
        if (ndims == 0) {
            throw new DataException("IDX file " + name + " declares 0 dimensions; it needs at least 1 (the count)");
        }
        byte[] header = new byte[4 * ndims];
        got = readFully(in, header, 0, header.length);
        if (got < header.length) {
            throw new DataException("IDX file " + name + " is truncated: the header declares " + ndims
                    + " dimensions (" + header.length + " bytes of sizes), found " + got + " bytes");
        }
        int[] dims = new int[ndims];
        long bytes = type.bytes();
        for (int i = 0; i < ndims; i++) {
            dims[i] = ((header[4 * i] & 0xFF) << 24) | ((header[4 * i + 1] & 0xFF) << 16)
                    | ((header[4 * i + 2] & 0xFF) << 8) | (header[4 * i + 3] & 0xFF);
            if (dims[i] <= 0) {
                throw new DataException("IDX file " + name + " has size " + dims[i] + " in dimension " + i + " of "
                        + Arrays.toString(dims) + "; sizes must be positive (corrupt header)");
            }
            bytes *= dims[i];
            if (bytes > MAX_PAYLOAD_BYTES) {
                throw new DataException("IDX file " + name + " declares sizes " + Arrays.toString(
                        Arrays.copyOf(dims, i + 1)) + "... of " + type + ", more than " + MAX_PAYLOAD_BYTES
                        + " bytes (the most a Java array holds); the header is probably corrupt");
            }
        }
        byte[] payload = readPayload(in, (int) bytes, name, type, dims);
        if (in.read() != -1) {
            throw new DataException("IDX file " + name + " has trailing bytes after the " + bytes + " bytes that "
                    + type + " " + Arrays.toString(dims) + " needs; it is not the file it claims to be");
        }
        return new IdxData(type, dims, payload);
    }

    /** Reads exactly {@code n} bytes, growing the buffer as data arrives (never trusting {@code n} up front). */
    private static byte[] readPayload(InputStream in, int n, String name, IdxType type, int[] dims) throws IOException {
        byte[] buf = new byte[Math.min(n, FIRST_CHUNK)];
        int filled = 0;
        while (filled < n) {
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
            }
            int r = in.read(buf, filled, buf.length - filled);
            if (r < 0) {
                throw new DataException("IDX file " + name + " is truncated: " + type + " " + Arrays.toString(dims)
                        + " needs " + n + " data bytes after the header, found " + filled + "; download it again");
            }
            filled += r;
        }
        return buf;
    }

    private static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int r = in.read(b, off + total, len - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }
}
