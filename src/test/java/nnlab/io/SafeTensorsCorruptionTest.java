package nnlab.io;

import static nnlab.io.SafeTensorsBytes.concat;
import static nnlab.io.SafeTensorsBytes.file;
import static nnlab.io.SafeTensorsBytes.u64;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of broken file is refused with a {@link SafeTensorsFormatException} that names the file, the
 * problem and the fix, before anything is converted. Files are built byte by byte ({@link SafeTensorsBytes}).
 */
class SafeTensorsCorruptionTest {

    /** A valid entry: F32 [2] at [0, 8). */
    private static final String A = "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    @TempDir
    Path dir;

    /** Writes {@code bytes}, checks that read and open both refuse it with {@code phrase}, returns the message. */
    private String rejected(byte[] bytes, String phrase) throws IOException {
        Path f = SafeTensorsBytes.write(dir, "bad.safetensors", bytes);
        SafeTensorsFormatException e = assertThrows(SafeTensorsFormatException.class, () -> SafeTensors.read(f));
        assertThat(e.getMessage(), startsWith(f + ": "));
        assertThat(e.getMessage(), containsString(phrase));
        assertEquals(f.toString(), e.file());
        assertThrows(SafeTensorsFormatException.class, () -> SafeTensors.open(f));
        return e.getMessage();
    }

    private String rejectedHeader(String json, int dataBytes, String phrase) throws IOException {
        return rejected(file(json, dataBytes), phrase);
    }

    @Test
    void validFileBuiltByHandIsRead() throws IOException {
        // The control for every case below: the same bytes with nothing broken.
        byte[] header = ("{" + A + "}").getBytes(StandardCharsets.UTF_8);
        assertEquals(54, header.length);
        Path f = SafeTensorsBytes.write(dir, "ok.safetensors", concat(u64(54), header, SafeTensorsBytes.f32(1.5f, -2f)));
        assertArrayEquals(new float[] {1.5f, -2f}, SafeTensors.read(f).get("a").toArray());
    }

    @Test
    void paddingOtherKeysAndAnyKeyOrderAreAcceptedAsTheReferenceReaderDoes() throws IOException {
        // Rust's serde_json accepts any JSON whitespace around the object and ignores unknown keys in an entry;
        // the data may be listed in any header order as long as the offsets tile the data section.
        String json = "\n { \"b\": {\"data_offsets\": [8, 12], \"note\": [\"x\", {}], \"shape\": [], \"dtype\": \"F32\"},\n"
                + A + " }\t\r\n  ";
        Path f = SafeTensorsBytes.write(dir, "lenient.safetensors", file(json, 12));
        assertEquals(java.util.List.of("a", "b"), SafeTensors.open(f).names());
        assertEquals(0, SafeTensors.read(f).get("b").ndim());
    }

    @Test
    void fileShorterThanTheLengthFieldIsRefused() throws IOException {
        assertThat(rejected(new byte[0], "0 bytes long, shorter than the 8-byte header length"), containsString("not a safetensors file"));
        rejected(new byte[7], "7 bytes long");
    }

    @Test
    void hugeDeclaredHeaderLengthIsRefusedBeforeAllocating() throws IOException {
        // 2^62 bytes: allocating it would throw OutOfMemoryError, so reaching the check proves it comes first.
        assertThat(rejected(concat(u64(1L << 62), new byte[16]), "declare a header of 4611686018427387904 bytes"),
                containsString("more than the 100000000-byte limit"));
        // 2^64 - 1: the length is unsigned; read as a signed long it would be -1.
        rejected(concat(u64(-1L), new byte[16]), "18446744073709551615 bytes");
        rejected(concat(u64(100_000_001L), new byte[16]), "100000001 bytes");
    }

    @Test
    void zipFileGetsAHintAboutPyTorchCheckpoints() throws IOException {
        // A torch.save file is a zip archive: it starts with "PK\3\4".
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThat(rejected(zip, "50 4B 03 04 14 00 00 00"), containsString("safetensors.torch.save_file"));
    }

    @Test
    void headerLongerThanTheFileIsRefusedAsTruncated() throws IOException {
        rejected(concat(u64(100), "{}".getBytes(StandardCharsets.UTF_8)), "says 100 bytes, but only 2 bytes follow it; the file is truncated");
    }

    @Test
    void headerThatIsNotUtf8IsRefused() throws IOException {
        byte[] header = {'{', '"', (byte) 0xFF, '"', ':', '{', '}', '}'};
        rejected(concat(u64(8), header), "not valid UTF-8: byte 0xFF at header offset 2");
        // An encoded surrogate (ED A0 80 = U+D800) is not UTF-8 either.
        rejected(concat(u64(8), new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ' ', ' ', ' '}), "not valid UTF-8");
    }

    @Test
    void headerThatIsNotAJsonObjectIsRefused() throws IOException {
        rejectedHeader("{\"a\": ", 0, "not valid JSON");
        rejectedHeader("[1, 2]", 0, "must be a JSON object");
        rejectedHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}", 8, "fraction or exponent");
        rejectedHeader("{\"a\": [1]}", 0, "tensor \"a\" must be an object");
        rejectedHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}\0\0", 8, "after the end of the JSON value");
    }

    @Test
    void missingFieldIsNamed() throws IOException {
        rejectedHeader("{\"w\":{\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "tensor \"w\" has no \"dtype\"");
        rejectedHeader("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", 8, "tensor \"w\" has no \"shape\"");
        rejectedHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8, "tensor \"w\" has no \"data_offsets\"");
    }

    @Test
    void unknownDtypeIsNamedWithTheKnownOnes() throws IOException {
        String m = rejectedHeader("{\"w\":{\"dtype\":\"float32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "dtype \"float32\"");
        assertThat(m, containsString("known: F64, F32, F16, BF16"));
        rejectedHeader("{\"w\":{\"dtype\":\"F4\",\"shape\":[2],\"data_offsets\":[0,1]}}", 1, "dtype \"F4\"");
        rejectedHeader("{\"w\":{\"dtype\":32,\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "not a string such as \"F32\"");
    }

    @Test
    void negativeOrOverflowingShapeIsRefused() throws IOException {
        rejectedHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,-3],\"data_offsets\":[0,8]}}", 8, "element 1 is -3");
        // 2^40 * 2^40 * 4 bytes overflows 64 bits.
        rejectedHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[1099511627776,1099511627776],\"data_offsets\":[0,8]}}", 8, "overflows a 64-bit size");
        // Also when a later 0 would make the product 0: checked step by step, as the reference reader does.
        rejectedHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,0],\"data_offsets\":[0,0]}}", 0, "overflows a 64-bit size");
        rejectedHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[9223372036854775808],\"data_offsets\":[0,8]}}", 8, "element 0 is 9223372036854775808");
        rejectedHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":2,\"data_offsets\":[0,8]}}", 8, "\"shape\" that is an integer");
    }

    @Test
    void offsetsThatDisagreeWithTheShapeAreRefused() throws IOException {
        assertThat(rejectedHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", 20,
                "(F32 with shape [2, 3]) needs 24 bytes, but its data_offsets [0, 20] span 20"), containsString("write it again"));
        rejectedHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8, "end before they begin");
        rejectedHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0]}}", 8, "it needs exactly two, [begin, end]");
    }

    @Test
    void offsetsPastTheEndOfTheFileAreRefusedAsTruncated() throws IOException {
        rejectedHeader("{" + A + "}", 4, "past the end of the data section, which holds only 4 bytes; the file is truncated");
    }

    @Test
    void overlappingTensorsAreRefused() throws IOException {
        rejectedHeader("{" + A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12,
                "tensors \"a\" [0, 8) and \"b\" [4, 12) overlap");
    }

    @Test
    void gapsAndTrailingBytesAreRefused() throws IOException {
        rejectedHeader("{" + A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}", 16,
                "bytes [8, 12) of the data section belong to no tensor (between \"a\" and \"b\")");
        rejectedHeader("{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "bytes [0, 4) of the data section belong to no tensor (before \"b\")");
        rejectedHeader("{" + A + "}", 12, "the last 4 bytes of the data section (from offset 8) belong to no tensor");
        rejectedHeader("{}", 1, "the last 1 bytes");
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        rejectedHeader("{" + A + "," + A + "}", 8, "duplicate key \"a\"");
        rejectedHeader("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0, "duplicate key \"k\"");
    }

    @Test
    void metadataMustMapStringsToStrings() throws IOException {
        rejectedHeader("{\"__metadata__\":{\"epoch\":3}}", 0, "\"__metadata__\" entry \"epoch\" is an integer; metadata values must be strings");
        rejectedHeader("{\"__metadata__\":[\"a\"]}", 0, "\"__metadata__\" must be an object of strings, but it is an array");
    }

    @Test
    void missingFileAndDirectoryGiveTheirOwnErrors() throws IOException {
        Path missing = dir.resolve("nope.safetensors");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> SafeTensors.read(missing));
        assertThat(e.getMessage(), containsString(missing.toString()));
        assertThat(e.getMessage(), containsString("no such safetensors file"));
        IOException d = assertThrows(IOException.class, () -> SafeTensors.read(dir));
        assertThat(d.getMessage(), containsString("is a directory, not a safetensors file"));
    }

    @Test
    void fileChangedAfterOpenIsDetected() throws IOException {
        Path f = SafeTensorsBytes.write(dir, "ok.safetensors", file("{" + A + "}", 8));
        SafeTensorsFile opened = SafeTensors.open(f);
        Files.write(f, new byte[4], StandardOpenOption.APPEND);
        SafeTensorsFormatException e = assertThrows(SafeTensorsFormatException.class, () -> opened.tensor("a"));
        assertThat(e.getMessage(), containsString("now 74 bytes long but was 70")); // 8 + 54 + 8
    }

    @Test
    void unconvertibleTensorFailsReadButTheOthersCanBeOpened() throws IOException {
        // F8_E4M3 is a valid dtype that nnlab does not convert: open works, read refuses the whole file.
        Path f = SafeTensorsBytes.write(dir, "f8.safetensors",
                file("{" + A + ",\"q\":{\"dtype\":\"F8_E4M3\",\"shape\":[3],\"data_offsets\":[8,11]}}", 11));
        SafeTensorsFormatException e = assertThrows(SafeTensorsFormatException.class, () -> SafeTensors.read(f));
        assertThat(e.getMessage(), containsString("tensor \"q\" is F8_E4M3, which nnlab cannot convert"));
        SafeTensorsFile opened = SafeTensors.open(f);
        assertEquals(new TensorInfo("q", Dtype.F8_E4M3, new long[] {3}, 8, 3), opened.info("q"));
        assertEquals(2, opened.tensor("a").numel());
        assertThrows(SafeTensorsFormatException.class, () -> opened.doubles("q"));
    }

    @Test
    void shapeTooLargeForATensorIsRefusedOnConversionOnly() throws IOException {
        // Nine dimensions are valid safetensors but more than Shape.MAX_DIMS (8).
        Path f = SafeTensorsBytes.write(dir, "rank9.safetensors",
                file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1,1,1,1,1,1,1,1,2],\"data_offsets\":[0,8]}}", 8));
        SafeTensorsFile opened = SafeTensors.open(f);
        assertThat(assertThrows(SafeTensorsFormatException.class, () -> opened.tensor("w")).getMessage(),
                containsString("shape [1, 1, 1, 1, 1, 1, 1, 1, 2], which an nnlab Tensor cannot hold"));
        assertThrows(SafeTensorsFormatException.class, () -> SafeTensors.read(f));
        assertEquals(2, opened.doubles("w").length);
    }
}
