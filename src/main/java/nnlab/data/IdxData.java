package nnlab.data;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The contents of one IDX file: its element type, its dimensions (e.g. {@code [60000, 28, 28]} for MNIST images,
 * {@code [60000]} for labels) and its payload as stored (big-endian, row-major).
 *
 * @param type    the element type from the header
 * @param dims    the sizes, outermost first; all positive
 * @param payload the elements' bytes, {@code type.bytes() * product(dims)} of them
 */
public record IdxData(IdxType type, int[] dims, byte[] payload) {

    /** Checks that the payload length matches the header. */
    public IdxData {
        long n = type.bytes();
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("IDX dimensions must be positive, got " + Arrays.toString(dims));
            }
            n *= d;
        }
        if (payload.length != n) {
            throw new IllegalArgumentException("IDX " + type + " " + Arrays.toString(dims) + " needs " + n
                    + " payload bytes, got " + payload.length);
        }
    }

    /** Number of elements, the product of {@link #dims()}. */
    public int elements() {
        return payload.length / type.bytes();
    }

    /**
     * All elements as floats, row-major; unsigned bytes become 0..255 (not scaled).
     */
    public float[] toFloatArray() {
        int n = elements();
        float[] out = new float[n];
        ByteBuffer b = ByteBuffer.wrap(payload); // big-endian, as IDX stores it
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case UBYTE -> payload[i] & 0xFF;
                case BYTE -> payload[i];
                case SHORT -> b.getShort(2 * i);
                case INT -> b.getInt(4 * i);
                case FLOAT -> b.getFloat(4 * i);
                case DOUBLE -> (float) b.getDouble(8 * i);
            };
        }
        return out;
    }

    /**
     * All elements as ints, row-major, for label files.
     *
     * @throws IllegalStateException if the type is {@code FLOAT} or {@code DOUBLE}
     */
    public int[] toIntArray() {
        int n = elements();
        int[] out = new int[n];
        ByteBuffer b = ByteBuffer.wrap(payload);
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case UBYTE -> payload[i] & 0xFF;
                case BYTE -> payload[i];
                case SHORT -> b.getShort(2 * i);
                case INT -> b.getInt(4 * i);
                case FLOAT, DOUBLE -> throw new IllegalStateException("IDX " + type
                        + " data are not integers; use toFloatArray()");
            };
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxData other && type == other.type && Arrays.equals(dims, other.dims)
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Arrays.hashCode(dims)) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "IdxData(" + type + " " + Arrays.toString(dims) + ")";
    }
}
