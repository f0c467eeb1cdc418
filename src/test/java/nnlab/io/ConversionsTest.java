package nnlab.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Element conversions, checked against independent formulations: every F16 and BF16 bit pattern against the
 * IEEE 754 value formula {@code (-1)^s * significand * 2^exponent}, and unsigned 64-bit rounding against
 * hand-worked cases. The unsigned dtypes torch 1.13 cannot write (U16, U32, U64) are read from hand-built files.
 */
class ConversionsTest {

    @TempDir
    Path dir;

    /** binary16 by formula: subnormal {@code f * 2^-24}, normal {@code (1024 + f) * 2^(e - 25)}. */
    private static double halfByFormula(int bits) {
        int s = bits >>> 15;
        int e = (bits >>> 10) & 0x1f;
        int f = bits & 0x3ff;
        double magnitude = e == 0x1f ? (f == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : e == 0 ? Math.scalb((double) f, -24) : Math.scalb((double) (1024 + f), e - 25);
        return s == 1 ? -magnitude : magnitude;
    }

    /** bfloat16 by formula: subnormal {@code f * 2^-133}, normal {@code (128 + f) * 2^(e - 134)}. */
    private static double bfloat16ByFormula(int bits) {
        int s = bits >>> 15;
        int e = (bits >>> 7) & 0xff;
        int f = bits & 0x7f;
        double magnitude = e == 0xff ? (f == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : e == 0 ? Math.scalb((double) f, -133) : Math.scalb((double) (128 + f), e - 134);
        return s == 1 ? -magnitude : magnitude;
    }

    private static void assertSameValue(double expected, float actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Float.isNaN(actual), what);
        } else {
            // Compare as doubles, sign of zero included.
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), what);
        }
    }

    @Test
    void everyHalfPatternConvertsToItsExactValue() {
        for (int bits = 0; bits < 0x10000; bits++) {
            assertSameValue(halfByFormula(bits), Conversions.halfToFloat((short) bits), String.format("F16 0x%04X", bits));
        }
    }

    @Test
    void everyBfloat16PatternConvertsToItsExactValue() {
        for (int bits = 0; bits < 0x10000; bits++) {
            assertSameValue(bfloat16ByFormula(bits), Conversions.bfloat16ToFloat((short) bits), String.format("BF16 0x%04X", bits));
        }
    }

    @Test
    void nanPayloadsAndSignsSurviveConversion() {
        // binary16 fraction f becomes float32 fraction f << 13; the quiet bit (0x200) lands on float32's (0x400000).
        assertEquals(0xffc00000, Float.floatToRawIntBits(Conversions.halfToFloat((short) 0xFE00)));
        assertEquals(0x7f802000, Float.floatToRawIntBits(Conversions.halfToFloat((short) 0x7C01)));
        assertEquals(0x7fffe000, Float.floatToRawIntBits(Conversions.halfToFloat((short) 0x7FFF)));
        assertEquals(0xffff0000, Float.floatToRawIntBits(Conversions.bfloat16ToFloat((short) 0xFFFF)));
    }

    @Test
    void unsigned64RoundsToNearestEven() {
        assertEquals(0x1p64f, Conversions.unsignedToFloat(-1L), "2^64 - 1 rounds up to 2^64");
        assertEquals(0x1p63f, Conversions.unsignedToFloat(Long.MIN_VALUE), "2^63 exactly");
        // Near 2^63 a float's ulp is 2^40. 2^63 + 2^39 is a tie and goes to even (2^63); one more makes it round up.
        // A plain shift by one would lose that last bit and round down.
        assertEquals(0x1p63f, Conversions.unsignedToFloat(0x8000_0080_0000_0000L));
        assertEquals(0x1.000002p63f, Conversions.unsignedToFloat(0x8000_0080_0000_0001L));
        // For doubles the ulp near 2^63 is 2^11: 2^63 + 2^10 ties to 2^63, 2^63 + 2^10 + 1 rounds up.
        assertEquals(0x1p63, Conversions.unsignedToDouble(0x8000_0000_0000_0400L));
        assertEquals(0x1.0000000000001p63, Conversions.unsignedToDouble(0x8000_0000_0000_0401L));
        assertEquals(12345f, Conversions.unsignedToFloat(12345L));
    }

    @Test
    void unsignedDtypesReadFromAHandBuiltFile() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8 * 2 + 4 * 2 + 2 * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.putLong(-1L).putLong(5L).putInt(-1).putInt(7).putShort((short) -1).putShort((short) 9);
        String json = "{\"u64\":{\"dtype\":\"U64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"u32\":{\"dtype\":\"U32\",\"shape\":[2],\"data_offsets\":[16,24]},"
                + "\"u16\":{\"dtype\":\"U16\",\"shape\":[2],\"data_offsets\":[24,28]}}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        Path f = SafeTensorsBytes.write(dir, "unsigned.safetensors",
                SafeTensorsBytes.concat(SafeTensorsBytes.u64(header.length), header, data.array()));
        SafeTensorsFile file = SafeTensors.open(f);
        assertArrayEquals(new long[] {0xFFFF_FFFFL, 7}, file.longs("u32"));
        assertArrayEquals(new long[] {0xFFFF, 9}, file.longs("u16"));
        assertArrayEquals(new float[] {0x1p32f, 7}, file.tensor("u32").data());
        assertArrayEquals(new float[] {0x1p64f, 5}, file.tensor("u64").data());
        assertArrayEquals(new double[] {0x1p64, 5}, file.doubles("u64"));
        SafeTensorsFormatException e = assertThrows(SafeTensorsFormatException.class, () -> file.longs("u64"));
        assertThat(e.getMessage(), containsString("element 0 is 18446744073709551615, more than a Java long holds"));
    }
}
