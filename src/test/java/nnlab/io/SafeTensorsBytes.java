package nnlab.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds safetensors files byte by byte for tests, valid or deliberately broken. */
final class SafeTensorsBytes {

    private SafeTensorsBytes() {
    }

    /** The 8-byte little-endian encoding of {@code n} (read as unsigned by the format). */
    static byte[] u64(long n) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
    }

    /** Concatenation. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A file with header {@code json} (UTF-8, unpadded, length field set to match) and {@code dataBytes} data bytes 0, 1, 2, ... */
    static byte[] file(String json, int dataBytes) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[dataBytes];
        for (int i = 0; i < dataBytes; i++) {
            data[i] = (byte) i;
        }
        return concat(u64(header.length), header, data);
    }

    /** Writes {@code bytes} to {@code dir/name} and returns the path. */
    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Little-endian float32 bits, e.g. for a data section. */
    static byte[] f32(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putInt(Float.floatToRawIntBits(v));
        }
        return b.array();
    }
}
