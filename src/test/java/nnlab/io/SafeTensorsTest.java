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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nnlab.tensor.Tensor;
import nnlab.testing.TestSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and reading back: bit-exact values, metadata, the save_file layout, the writer's checks and atomicity. */
class SafeTensorsTest {

    @TempDir
    Path dir;

    /** Floats whose bits a careless writer or reader would change: NaN payloads, -0.0, subnormals, infinities. */
    private static final float[] SPECIAL = {
        Float.intBitsToFloat(0x7fc00000), Float.intBitsToFloat(0x7fc12345), Float.intBitsToFloat(0xffc00001),
        Float.intBitsToFloat(0x7f800001), -0.0f, 0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL * 0.5f,
        Float.MIN_NORMAL, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f / 3f,
    };

    private static int[] bits(Tensor t) {
        float[] d = t.data();
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Float.floatToRawIntBits(d[i]);
        }
        return out;
    }

    private static void assertBitIdentical(Tensor expected, Tensor actual, String name) {
        assertArrayEquals(expected.shape(), actual.shape(), name + " shape");
        assertArrayEquals(bits(expected), bits(actual), name + " bits");
    }

    private static String headerText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int n = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(bytes, 8, n, StandardCharsets.UTF_8);
    }

    private static List<Path> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void roundTripIsBitIdentical() throws IOException {
        for (long seed : new long[] {TestSeeds.of(1), TestSeeds.of(2), TestSeeds.of(3)}) {
            RandomGenerator rng = Tensor.rng(seed);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            tensors.put("special", Tensor.of(SPECIAL, SPECIAL.length));
            tensors.put("fc.weight", Tensor.randn(rng, 0f, 1f, 3, 4));
            tensors.put("conv.weight", Tensor.uniform(rng, -1e-30f, 1e-30f, 2, 3, 2, 2));
            tensors.put("scalar", Tensor.scalar(Float.intBitsToFloat(0x7fa5a5a5)));
            tensors.put("empty", Tensor.zeros(0));
            tensors.put("empty2d", Tensor.zeros(2, 0));
            Path f = dir.resolve("roundtrip.safetensors");
            SafeTensors.write(f, tensors);
            Map<String, Tensor> back = SafeTensors.read(f);
            assertEquals(tensors.keySet().stream().sorted().toList(), List.copyOf(back.keySet()), "all F32: data order is name order");
            for (String name : tensors.keySet()) {
                assertBitIdentical(tensors.get(name), back.get(name), name + " (seed " + seed + ")");
            }
            assertEquals(0, back.get("scalar").ndim(), "0-d stays 0-d");
        }
    }

    @Test
    void metadataRoundTripsIncludingCharactersJsonMustEscape() throws IOException {
        Map<String, String> metadata = Map.of("format", "pt", "empty", "", "text", "quote\" backslash\\ nl\n tab\t bell\u0007 \u00fc \uD83D\uDE00",
                "\u00e9t\u00e9", "summer");
        Path f = dir.resolve("meta.safetensors");
        SafeTensors.write(f, Map.of("w", Tensor.vector(1, 2)), metadata);
        assertEquals(metadata, SafeTensors.open(f).metadata());
        SafeTensors.write(f, Map.of("w", Tensor.vector(1, 2)));
        assertEquals(Map.of(), SafeTensors.open(f).metadata());
        assertThat(headerText(f), containsString("{\"w\":"));
    }

    @Test
    void writerMixesF32F64AndI64AndReadsThemBackExactly() throws IOException {
        double lr = 1e-3; // not a float: (float) 1e-3 != 1e-3
        long[] steps = {Long.MIN_VALUE, -1, 0, (1L << 53) + 1, Long.MAX_VALUE};
        Path f = dir.resolve("mixed.safetensors");
        SafeTensors.writer()
                .putF32("w", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3))
                .putF64("lr", new double[] {lr})
                .putF64("betas", new double[] {0.9, 0.999}, 2)
                .putI64("steps", steps, 5)
                .putI64("bn.num_batches_tracked", new long[] {100})
                .metadata("epoch", "3")
                .writeTo(f);
        SafeTensorsFile file = SafeTensors.open(f);
        // save_file order: I64 by name (bn.num_batches_tracked [0, 8), steps [8, 48)), F64 by name (betas [48, 64),
        // lr [64, 72)), then F32 (w [72, 96)).
        assertEquals(new TensorInfo("lr", Dtype.F64, new long[0], 64, 8), file.info("lr"));
        assertEquals(new TensorInfo("w", Dtype.F32, new long[] {2, 3}, 72, 24), file.info("w"));
        assertEquals(List.of("bn.num_batches_tracked", "steps", "betas", "lr", "w"), file.names());
        assertArrayEquals(new double[] {lr}, file.doubles("lr"));
        assertArrayEquals(new double[] {0.9, 0.999}, file.doubles("betas"));
        assertArrayEquals(steps, file.longs("steps"));
        assertArrayEquals(new long[] {100}, file.longs("bn.num_batches_tracked"));
        assertEquals(0, file.tensor("bn.num_batches_tracked").ndim());
        assertEquals(Map.of("epoch", "3"), file.metadata());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> file.longs("w"));
        assertThat(e.getMessage(), containsString("tensor \"w\" is F32, not an integer dtype; read it with doubles(name) or tensor(name)"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> file.info("wieght"));
        assertThat(missing.getMessage(), containsString("has no tensor \"wieght\"; it has 5: [bn.num_batches_tracked, steps, betas, lr, w]"));
    }

    @Test
    void layoutMatchesTheReferenceSerializer() throws IOException {
        // huggingface/safetensors, safetensors/src/tensor.rs, test_serialization: one F32 tensor "attn.0" of
        // shape [1, 2, 3] holding 0..5 serializes to a 64-byte header (exactly a multiple of 8, no padding)
        // followed by the 24 data bytes.
        Path f = dir.resolve("attn.safetensors");
        SafeTensors.write(f, Map.of("attn.0", Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 1, 2, 3)));
        byte[] expected = SafeTensorsBytes.concat(SafeTensorsBytes.u64(64),
                "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}".getBytes(StandardCharsets.UTF_8),
                SafeTensorsBytes.f32(0, 1, 2, 3, 4, 5));
        assertArrayEquals(expected, Files.readAllBytes(f));
        // test_serialization_forced_alignement: "attn0", shape [1, 1, 2, 3]: 65 bytes of JSON padded with 7 spaces to 72.
        SafeTensors.write(f, Map.of("attn0", Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 1, 1, 2, 3)));
        assertEquals("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       ", headerText(f));
        // test_empty: no tensors gives "{}" padded to 8; with metadata {"framework": "pt"}, metadata comes first.
        SafeTensors.write(f, Map.of());
        assertArrayEquals(SafeTensorsBytes.concat(SafeTensorsBytes.u64(8), "{}      ".getBytes(StandardCharsets.UTF_8)), Files.readAllBytes(f));
        SafeTensors.write(f, Map.of(), Map.of("framework", "pt"));
        assertEquals("{\"__metadata__\":{\"framework\":\"pt\"}}     ", headerText(f));
    }

    @Test
    void entriesAreOrderedAsSaveFileOrdersThemWithContiguousData() throws IOException {
        // safetensors 0.8.0's save() on the same entries (numpy, checked by hand) gives this header: dtypes in the
        // order of the Rust Dtype enum reversed (I64, F64, F32), then names by code point.
        Path f = dir.resolve("order.safetensors");
        SafeTensors.writer().putF32("b", Tensor.vector(1)).putF32("a", Tensor.vector(1, 2)).putI64("z", new long[] {1})
                .putF64("m", new double[] {1, 2}, 2).putF32("\u00e9", Tensor.vector(3)).putF32("\uD83D\uDE00", Tensor.vector(4))
                .putF32("\uFFFD", Tensor.vector(5)).metadata("k", "v").writeTo(f);
        // Code point order puts U+1F600 after U+FFFD (String.compareTo, by UTF-16 unit, would not).
        assertEquals("{\"__metadata__\":{\"k\":\"v\"},"
                + "\"z\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"m\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[8,24]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[32,36]},"
                + "\"\u00e9\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[36,40]},"
                + "\"\uFFFD\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[40,44]},"
                + "\"\uD83D\uDE00\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[44,48]}}", headerText(f).stripTrailing());
        assertEquals(0, headerText(f).getBytes(StandardCharsets.UTF_8).length % 8);
        assertEquals(List.of("z", "m", "a", "b", "\u00e9", "\uFFFD", "\uD83D\uDE00"), List.copyOf(SafeTensors.read(f).keySet()));
    }

    @Test
    void writerRejectsBadNamesShapesAndMetadata() {
        SafeTensorsWriter w = SafeTensors.writer().putF32("w", Tensor.vector(1));
        assertThat(assertThrows(IllegalArgumentException.class, () -> w.putF32("", Tensor.vector(1))).getMessage(),
                containsString("tensor name \"\" is not allowed; use a non-empty name other than \"__metadata__\""));
        assertThrows(IllegalArgumentException.class, () -> w.putF32("__metadata__", Tensor.vector(1)));
        assertThrows(IllegalArgumentException.class, () -> w.putF32(null, Tensor.vector(1)));
        assertThat(assertThrows(IllegalArgumentException.class, () -> w.putI64("w", new long[] {1})).getMessage(),
                containsString("tensor \"w\" was already added"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> w.putF32("x\uD800", Tensor.vector(1))).getMessage(),
                containsString("unpaired surrogate U+D800 at index 1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> w.putF32("t", null)).getMessage(), containsString("tensor is null"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> w.putF64("lr", new double[] {1, 2})).getMessage(),
                containsString("putF64(\"lr\"): 2 values but shape [] needs 1"));
        assertThrows(IllegalArgumentException.class, () -> w.putI64("n", new long[] {1}, -1));
        assertThrows(IllegalArgumentException.class, () -> w.putI64("n", null));
        assertThrows(IllegalArgumentException.class, () -> w.metadata("k", null));
        assertThrows(IllegalArgumentException.class, () -> w.metadata("k", "\uDC00"));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(Path.of("x"), null));
    }

    @Test
    void failedWriteLeavesTheExistingFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("model.safetensors");
        SafeTensors.write(f, Map.of("w", Tensor.vector(1, 2, 3)));
        byte[] before = Files.readAllBytes(f);

        Map<String, Tensor> badName = new LinkedHashMap<>();
        badName.put("ok", Tensor.vector(9));
        badName.put("__metadata__", Tensor.vector(9));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(f, badName));
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), listing(dir));

        // Fails only at the final rename, after the temporary file was written in full: the target is a
        // non-empty directory. The temporary file must be gone and the directory untouched.
        Path occupied = Files.createDirectory(dir.resolve("occupied.safetensors"));
        Path inside = Files.write(occupied.resolve("keep.txt"), new byte[] {42});
        IOException e = assertThrows(IOException.class, () -> SafeTensors.write(occupied, Map.of("w", Tensor.vector(1))));
        assertThat(e.getMessage(), containsString("could not write " + occupied));
        assertEquals(List.of(f, occupied), listing(dir));
        assertEquals(List.of(inside), listing(occupied));

        Path noDir = dir.resolve("missing").resolve("x.safetensors");
        IOException e2 = assertThrows(IOException.class, () -> SafeTensors.write(noDir, Map.of("w", Tensor.vector(1))));
        assertThat(e2.getMessage(), containsString("nothing was written"));
        assertEquals(List.of(f, occupied), listing(dir));
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void successfulWriteReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("model.safetensors");
        SafeTensors.write(f, Map.of("old", Tensor.vector(1, 2, 3)));
        SafeTensors.write(f, Map.of("new", Tensor.vector(4)));
        assertEquals(List.of("new"), List.copyOf(SafeTensors.read(f).keySet()));
        assertEquals(List.of(f), listing(dir));
    }

    @Test
    void largeTensorCrossesReadAndWriteChunkBoundaries() throws IOException {
        // 3 * 2^16 + 5 elements: more than one 64 KiB chunk, and not a whole number of chunks.
        Tensor big = Tensor.randn(Tensor.rng(TestSeeds.of(4)), 0f, 1f, 3 * (1 << 16) + 5);
        Path f = dir.resolve("big.safetensors");
        SafeTensors.writer().putF64("pad", new double[] {1, 2, 3}, 3).putF32("big", big).writeTo(f);
        assertBitIdentical(big, SafeTensors.read(f).get("big"), "big");
        assertTrue(Arrays.equals(new double[] {1, 2, 3}, SafeTensors.open(f).doubles("pad")));
    }
}
