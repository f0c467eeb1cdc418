package nnlab.io;

import java.nio.ByteBuffer;

/**
 * Decoding little-endian safetensors elements into {@code float}, {@code double} and {@code long}. The source
 * buffer is little-endian and positioned at the first element; each method reads {@code count} elements and
 * writes them to {@code dst[offset ...]}.
 *
 * <p>Exactness: F16, BF16 and every integer type up to 16 bits convert to float32 exactly; F64 is rounded to
 * the nearest float32 (ties to even, Java's {@code (float)} cast); 32- and 64-bit integers are rounded to the
 * nearest float32, so {@code |x| > 2^24} may change (16777217 reads as 16777216). To double, everything is exact
 * except 64-bit integers with {@code |x| > 2^53}. NaN payloads and the sign of zero are kept for F16 and BF16.
 */
final class Conversions {

    private Conversions() {
    }

    /**
     * The float32 with the same value as the IEEE 754 binary16 {@code bits}: normal numbers re-biased
     * (exponent bias 15 to 127), subnormals {@code fraction * 2^-24}, infinities kept, NaN payload shifted into
     * the top of the float's fraction. Every binary16 value is exactly representable as a float32.
     */
    static float halfToFloat(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (fraction << 13));
        }
        if (exponent == 0) {
            float magnitude = fraction * 0x1p-24f; // exact: fraction < 2^10, times a power of two
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 127 - 15) << 23) | (fraction << 13));
    }

    /** The float32 whose top 16 bits are the bfloat16 {@code bits} (bfloat16 is a truncated float32). */
    static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** The unsigned 64-bit {@code bits} rounded to the nearest float32 (the shifted-out bit is kept as a sticky bit). */
    static float unsignedToFloat(long bits) {
        return bits >= 0 ? (float) bits : 2f * (float) ((bits >>> 1) | (bits & 1));
    }

    /** The unsigned 64-bit {@code bits} rounded to the nearest double. */
    static double unsignedToDouble(long bits) {
        return bits >= 0 ? (double) bits : 2.0 * (double) ((bits >>> 1) | (bits & 1));
    }

    static void toFloats(Dtype dtype, ByteBuffer src, float[] dst, int offset, int count) {
        int end = offset + count;
        switch (dtype) {
            case F32 -> { for (int i = offset; i < end; i++) { dst[i] = Float.intBitsToFloat(src.getInt()); } }
            case F16 -> { for (int i = offset; i < end; i++) { dst[i] = halfToFloat(src.getShort()); } }
            case BF16 -> { for (int i = offset; i < end; i++) { dst[i] = bfloat16ToFloat(src.getShort()); } }
            case F64 -> { for (int i = offset; i < end; i++) { dst[i] = (float) src.getDouble(); } }
            case U64 -> { for (int i = offset; i < end; i++) { dst[i] = unsignedToFloat(src.getLong()); } }
            default -> {
                long[] tmp = new long[count];
                toLongs(dtype, src, tmp, 0, count);
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = (float) tmp[i];
                }
            }
        }
    }

    static void toDoubles(Dtype dtype, ByteBuffer src, double[] dst, int offset, int count) {
        int end = offset + count;
        switch (dtype) {
            case F64 -> { for (int i = offset; i < end; i++) { dst[i] = src.getDouble(); } }
            case U64 -> { for (int i = offset; i < end; i++) { dst[i] = unsignedToDouble(src.getLong()); } }
            case F32, F16, BF16 -> {
                float[] tmp = new float[count];
                toFloats(dtype, src, tmp, 0, count);
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = tmp[i];
                }
            }
            default -> {
                long[] tmp = new long[count];
                toLongs(dtype, src, tmp, 0, count);
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = (double) tmp[i];
                }
            }
        }
    }

    /**
     * Integer and BOOL elements as {@code long}. U64 gives the raw bits (a value above {@code Long.MAX_VALUE}
     * comes out negative; the caller rejects it).
     *
     * @throws IllegalArgumentException for a floating-point dtype
     */
    static void toLongs(Dtype dtype, ByteBuffer src, long[] dst, int offset, int count) {
        int end = offset + count;
        switch (dtype) {
            case I64, U64 -> { for (int i = offset; i < end; i++) { dst[i] = src.getLong(); } }
            case I32 -> { for (int i = offset; i < end; i++) { dst[i] = src.getInt(); } }
            case U32 -> { for (int i = offset; i < end; i++) { dst[i] = src.getInt() & 0xffffffffL; } }
            case I16 -> { for (int i = offset; i < end; i++) { dst[i] = src.getShort(); } }
            case U16 -> { for (int i = offset; i < end; i++) { dst[i] = src.getShort() & 0xffff; } }
            case I8 -> { for (int i = offset; i < end; i++) { dst[i] = src.get(); } }
            case U8 -> { for (int i = offset; i < end; i++) { dst[i] = src.get() & 0xff; } }
            case BOOL -> { for (int i = offset; i < end; i++) { dst[i] = src.get() != 0 ? 1 : 0; } }
            default -> throw new IllegalArgumentException(dtype + " is not an integer dtype");
        }
    }
}
