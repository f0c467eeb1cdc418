package nnlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files byte by byte for tests, following the IDX layout (magic 00 00 type ndims, sizes, payload). */
final class IdxTestFiles {

    private IdxTestFiles() {
    }

    /** Header {@code 00 00 typeCode dims.length}, the sizes big-endian, then {@code payload}. */
    static byte[] idx(int typeCode, int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        b.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(payload);
        return b.array();
    }

    /** {@code n} bytes {@code 0, 1, 2, ...} (mod 256). */
    static byte[] ramp(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            return Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
