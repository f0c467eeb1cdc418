package nnlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by PyTorch are read correctly, and files written by nnlab are what PyTorch writes.
 *
 * <p>{@code parity/safetensors/dtypes.safetensors} comes from {@code generate_safetensors.py} (torch 1.13 via
 * {@code fixtures.save}): one list of doubles in F64, F32, F16 and BF16 (converted by torch), bit patterns for
 * F16 and BF16 edge cases, integers in I64, I32, I16, I8, U8 and BOOL, 0-d and empty tensors, and metadata.
 * {@code java_written.safetensors} is what nnlab's writer makes of some of them; {@code generate_safetensors.py
 * --check} confirmed it bit for bit against torch's tensors, and {@link #javaWriterOutputIsTheCheckedFile}
 * keeps it that way.
 */
class SafeTensorsParityTest {

    /** The generator's VALUES, as Java doubles (Java and Python parse these literals to the same binary64). */
    private static final double[] VALUES = {0.0, -0.0, 1.0, -2.5, 1.0 / 3.0, 0.1, 65504.0, 65520.0, 1e-7, 1e-8, 3.0e38, 1e-40,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 16777217.0};

    private static final float INF = Float.POSITIVE_INFINITY;
    private static final float NAN = Float.NaN;

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(SafeTensorsParityTest.class.getResource("/parity/safetensors/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("missing test resource parity/safetensors/" + name + "; see this class's javadoc", e);
        }
    }

    /** Equal values, NaN matching NaN, and -0.0 told apart from 0.0 (compares raw bits, except for NaN). */
    private static void assertSameFloats(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            if (Float.isNaN(expected[i])) {
                assertTrue(Float.isNaN(actual[i]), what + "[" + i + "] should be NaN, was " + actual[i]);
            } else {
                assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                        what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    @Test
    void f64IsReadExactlyAndF32MatchesJavasRounding() throws IOException {
        SafeTensorsFile f = SafeTensors.open(resource("dtypes.safetensors"));
        double[] f64 = f.doubles("f64");
        for (int i = 0; i < VALUES.length; i++) {
            assertEquals(Double.doubleToLongBits(VALUES[i]), Double.doubleToLongBits(f64[i]), "f64[" + i + "]");
        }
        // torch's float64 -> float32 and Java's (float) both round to nearest, ties to even (IEEE 754).
        float[] expected = new float[VALUES.length];
        for (int i = 0; i < VALUES.length; i++) {
            expected[i] = (float) VALUES[i];
        }
        assertSameFloats(expected, f.tensor("f32").data(), "f32");
        assertSameFloats(expected, f.tensor("f64").data(), "f64 as float32");
        assertEquals(16777216f, f.tensor("f64").data()[15], "2^24 + 1 rounds to 2^24 in float32");
    }

    @Test
    void f16AndBf16ConvertedByTorchAreReadExactly() throws IOException {
        SafeTensorsFile f = SafeTensors.open(resource("dtypes.safetensors"));
        // binary16 values of VALUES, rounded to nearest even by torch: 1/3 -> 0x3555, 0.1 -> 0x2E66, 65520 (the
        // midpoint between 65504 and 2^16) -> inf, 1e-7 -> 2 * 2^-24, 1e-8 -> 0 (below 2^-25), 3e38 -> inf, 1e-40 -> 0.
        assertSameFloats(new float[] {0f, -0f, 1f, -2.5f, 0.333251953125f, 0.0999755859375f, 65504f, INF, 0x1p-23f, 0f, INF, 0f,
            INF, -INF, NAN, INF}, f.tensor("f16").data(), "f16");
        // bfloat16 (8-bit fraction): 1/3 -> 0x3EAB, 0.1 -> 0x3DCD, 65504 and 65520 -> 2^16 (0x4780), 1e-7 -> 0x33D7,
        // 1e-8 -> 0x322C, 3e38 -> 0x7F62, 1e-40 -> 0x0001 (2^-133), 2^24 + 1 -> 2^24 (0x4B80).
        assertSameFloats(new float[] {0f, -0f, 1f, -2.5f, 0.333984375f, 0.10009765625f, 65536f, 65536f, 0x1.aep-24f, 0x1.58p-27f,
            0x1.c4p127f, 0x1p-133f, INF, -INF, NAN, 16777216f}, f.tensor("bf16").data(), "bf16");
    }

    @Test
    void f16AndBf16BitPatternsDecodeToTheirIeeeValues() throws IOException {
        SafeTensorsFile f = SafeTensors.open(resource("dtypes.safetensors"));
        // IEEE 754 binary16: 0x0001 = 2^-24 (smallest subnormal), 0x03FF = 1023 * 2^-24, 0x0400 = 2^-14,
        // 0x3555 = 0.333251953125, 0x7BFF = 65504; NaNs keep their payload: 0x7E00 -> 0x7FC00000, 0x7C01 -> 0x7F802000.
        float[] f16 = f.tensor("f16_bits").data();
        assertSameFloats(new float[] {0f, -0f, 0x1p-24f, 1023 * 0x1p-24f, 0x1p-14f, 1f, 0.333251953125f, 65504f, INF, -INF},
                Arrays.copyOf(f16, 10), "f16_bits");
        assertEquals(0x7fc00000, Float.floatToRawIntBits(f16[10]));
        assertEquals(0x7f802000, Float.floatToRawIntBits(f16[11]));
        // bfloat16 is the top half of a float32: 0x0001 = 2^-133, 0x007F = 127 * 2^-133, 0x0080 = 2^-126,
        // 0x4049 = 3.140625, 0x7F7F = (2 - 2^-7) * 2^127.
        float[] bf16 = f.tensor("bf16_bits").data();
        assertSameFloats(new float[] {0f, -0f, 0x1p-133f, 127 * 0x1p-133f, 0x1p-126f, 1f, 3.140625f, 0x1.fep127f, INF, -INF},
                Arrays.copyOf(bf16, 10), "bf16_bits");
        assertEquals(0x7fc00000, Float.floatToRawIntBits(bf16[10]));
        assertEquals(0x7f810000, Float.floatToRawIntBits(bf16[11]));
    }

    @Test
    void integersAreExactAsLongsAndRoundedAsFloats() throws IOException {
        SafeTensorsFile f = SafeTensors.open(resource("dtypes.safetensors"));
        long[] i64 = {0, 1, -1, (1L << 24) + 1, (1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE};
        assertArrayEquals(i64, f.longs("i64"));
        // Rounded to nearest float32 / double: precision is lost beyond 2^24 and 2^53.
        assertArrayEquals(new float[] {0, 1, -1, 0x1p24f, 0x1p53f, 0x1p63f, -0x1p63f}, f.tensor("i64").data());
        assertArrayEquals(new double[] {0, 1, -1, 16777217, 0x1p53, 0x1p63, -0x1p63}, f.doubles("i64"));
        assertArrayEquals(new long[] {0, 1, -1, (1L << 24) + 1, Integer.MAX_VALUE, Integer.MIN_VALUE}, f.longs("i32"));
        assertArrayEquals(new long[] {0, -1, Short.MAX_VALUE, Short.MIN_VALUE}, f.longs("i16"));
        assertArrayEquals(new long[] {0, -1, 127, -128}, f.longs("i8"));
        assertArrayEquals(new long[] {0, 1, 127, 128, 255}, f.longs("u8"));
        assertArrayEquals(new float[] {0, 1, 127, 128, 255}, f.tensor("u8").data());
        assertArrayEquals(new long[] {1, 0, 1}, f.longs("bool"));
        assertArrayEquals(new float[] {1, 0, 1}, f.tensor("bool").data());
    }

    @Test
    void shapesDtypesAndMetadataAreAsTorchWroteThem() throws IOException {
        SafeTensorsFile f = SafeTensors.open(resource("dtypes.safetensors"));
        Map<String, Tensor> all = SafeTensors.read(resource("dtypes.safetensors"));
        assertEquals(f.names(), List.copyOf(all.keySet()));
        assertEquals(List.of("empty_2d", "f64", "i64", "step", "empty", "f32", "i32", "matrix", "scalar", "bf16", "bf16_bits", "f16",
                "f16_bits", "i16", "bool", "i8", "u8"), f.names(), "data order: element size, then name (fixtures.save)");
        assertEquals(Dtype.BF16, f.info("bf16").dtype());
        assertEquals(Dtype.BOOL, f.info("bool").dtype());
        assertArrayEquals(new int[] {2, 3}, all.get("matrix").shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, all.get("matrix").data(), "row-major");
        assertEquals(0, all.get("scalar").ndim());
        assertEquals(3.5f, all.get("scalar").item());
        assertArrayEquals(new long[0], f.info("step").shape());
        assertArrayEquals(new long[] {7}, f.longs("step"));
        assertArrayEquals(new int[] {0}, all.get("empty").shape());
        assertArrayEquals(new int[] {2, 0}, all.get("empty_2d").shape());
        assertEquals(0, f.doubles("empty_2d").length);
        assertEquals(Map.of("format", "pt", "source", "generate_safetensors.py",
                "text", "\u00fcn\u00efc\u00f6de \"quoted\" back\\slash tab\t emoji \uD83D\uDE00"), f.metadata());
    }

    /**
     * Rewrites part of the PyTorch file with nnlab's writer (F64, F32 and I64, 0-d and empty tensors, metadata)
     * and compares the bytes with {@code java_written.safetensors}, the file {@code generate_safetensors.py --check}
     * found identical to torch's tensors. To regenerate it after a deliberate format change, run this test with
     * {@code -Dnnlab.test.jvm.flags=-Dnnlab.safetensors.golden=DIR}, which also writes the file to DIR, and check it
     * with {@code /usr/bin/python3 src/test/resources/parity/generate_safetensors.py --check DIR/java_written.safetensors}.
     */
    @Test
    void javaWriterOutputIsTheCheckedFile() throws IOException {
        SafeTensorsFile torch = SafeTensors.open(resource("dtypes.safetensors"));
        SafeTensorsWriter w = SafeTensors.writer()
                .putF64("f64", torch.doubles("f64"), 16)
                .putF64("empty_2d", new double[0], 2, 0)
                .putI64("i64", torch.longs("i64"), 7)
                .putI64("step", torch.longs("step"));
        for (String name : List.of("f32", "matrix", "scalar", "empty")) {
            w.putF32(name, torch.tensor(name));
        }
        torch.metadata().forEach(w::metadata);
        Path out = dir.resolve("java_written.safetensors");
        w.writeTo(out);
        String golden = System.getProperty("nnlab.safetensors.golden");
        if (golden != null) {
            Files.copy(out, Path.of(golden).resolve(out.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        assertArrayEquals(Files.readAllBytes(resource("java_written.safetensors")), Files.readAllBytes(out));
    }
}
