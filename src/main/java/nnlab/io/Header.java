package nnlab.io;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed and validated safetensors header: the tensor entries in data order and the {@code __metadata__} map.
 *
 * <p>Checks, in order, each failing with a {@link SafeTensorsFormatException} that names the tensor: the bytes
 * are UTF-8; they are one JSON object; every entry other than {@code __metadata__} is an object with a known
 * {@code dtype}, a {@code shape} of sizes {@code >= 0} and {@code data_offsets [begin, end]} with
 * {@code begin <= end <= dataSize}; {@code end - begin == numel * itemSize} (multiplied step by step with an overflow
 * check, so an overflowing shape is caught); the tensors, sorted by offset, cover {@code [0, dataSize)} without gaps or
 * overlaps, as the format requires; {@code __metadata__} maps strings to strings. Keys other than dtype, shape
 * and data_offsets inside an entry are ignored, as the reference implementation does.
 */
final class Header {

    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);
    private static final String CORRUPT = "the file is corrupt or was not written by a safetensors writer; write it again";

    /** The tensors, sorted by data offset (then by name, for empty tensors at the same offset). */
    final List<TensorInfo> tensors;

    /** The {@code __metadata__} entries in header order; empty if there are none. */
    final Map<String, String> metadata;

    private Header(List<TensorInfo> tensors, Map<String, String> metadata) {
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /** Parses and validates {@code bytes}, the header of {@code file}, whose data section has {@code dataSize} bytes. */
    static Header parse(Path file, byte[] bytes, long dataSize) throws SafeTensorsFormatException {
        String text = decodeUtf8(file, bytes);
        Object root;
        try {
            root = JsonHeaderParser.parse(text);
        } catch (JsonSyntaxException e) {
            throw new SafeTensorsFormatException(file, "the header is not valid JSON: " + e.getMessage() + "; " + CORRUPT);
        }
        if (!(root instanceof Map)) {
            throw new SafeTensorsFormatException(file, "the header must be a JSON object {\"name\": {...}, ...}, but it is "
                    + typeName(root) + "; " + CORRUPT);
        }
        List<TensorInfo> tensors = new ArrayList<>();
        Map<String, String> metadata = Map.of();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) root).entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                metadata = metadata(file, e.getValue());
            } else {
                tensors.add(tensor(file, name, e.getValue(), dataSize));
            }
        }
        tensors.sort(Comparator.comparingLong(TensorInfo::dataOffset).thenComparingLong(TensorInfo::byteLength)
                .thenComparing(TensorInfo::name));
        checkCoverage(file, tensors, dataSize);
        return new Header(Collections.unmodifiableList(tensors), metadata);
    }

    private static String decodeUtf8(Path file, byte[] bytes) throws SafeTensorsFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new SafeTensorsFormatException(file, String.format("the header is not valid UTF-8: byte 0x%02X at header offset %d "
                    + "does not start or continue a UTF-8 character; %s", at < bytes.length ? bytes[at] & 0xff : 0, at, CORRUPT));
        }
        return out.flip().toString();
    }

    private static TensorInfo tensor(Path file, String name, Object value, long dataSize) throws SafeTensorsFormatException {
        String what = "tensor \"" + name + "\"";
        if (!(value instanceof Map)) {
            throw new SafeTensorsFormatException(file, what + " must be an object {\"dtype\", \"shape\", \"data_offsets\"}, but it is "
                    + typeName(value) + "; " + CORRUPT);
        }
        Map<?, ?> entry = (Map<?, ?>) value;
        Object dtypeValue = required(file, what, entry, "dtype");
        if (!(dtypeValue instanceof String)) {
            throw new SafeTensorsFormatException(file, what + " has a dtype that is " + typeName(dtypeValue)
                    + ", not a string such as \"F32\"; " + CORRUPT);
        }
        Dtype dtype = Dtype.fromHeader((String) dtypeValue);
        if (dtype == null) {
            throw new SafeTensorsFormatException(file, what + " has dtype \"" + dtypeValue + "\", which nnlab does not know (known: "
                    + Dtype.allNames() + "); convert the tensor in Python, e.g. t.to(torch.float32), and save again");
        }
        long[] shape = longs(file, what, "shape", required(file, what, entry, "shape"));
        long[] offsets = longs(file, what, "data_offsets", required(file, what, entry, "data_offsets"));
        if (offsets.length != 2) {
            throw new SafeTensorsFormatException(file, what + " has data_offsets with " + offsets.length
                    + " numbers; it needs exactly two, [begin, end]; " + CORRUPT);
        }
        // Multiplied in order with an overflow check at each step, as the reference reader does: a shape such as
        // [2^32, 2^32, 0] is refused although its product is 0.
        BigInteger bytes = BigInteger.valueOf(dtype.itemSize());
        boolean overflow = false;
        for (long size : shape) {
            bytes = bytes.multiply(BigInteger.valueOf(size));
            if (bytes.compareTo(MAX_LONG) > 0) {
                overflow = true;
                break; // also keeps the product small for a hostile shape of a million huge sizes
            }
        }
        String declared = what + " (" + dtype + " with shape " + Arrays.toString(shape) + ")";
        if (overflow) {
            throw new SafeTensorsFormatException(file, declared + " overflows a 64-bit size when its sizes are multiplied; "
                    + "the shape is corrupt; " + CORRUPT);
        }
        long begin = offsets[0];
        long end = offsets[1];
        String range = "data_offsets [" + begin + ", " + end + "]";
        if (end < begin) {
            throw new SafeTensorsFormatException(file, what + " has " + range + " that end before they begin; " + CORRUPT);
        }
        if (end - begin != bytes.longValueExact()) {
            throw new SafeTensorsFormatException(file, declared + " needs " + bytes + " bytes, but its " + range + " span "
                    + (end - begin) + "; the header is corrupt or its shape and offsets disagree; " + CORRUPT);
        }
        if (end > dataSize) {
            throw new SafeTensorsFormatException(file, what + " has " + range + ", past the end of the data section, which holds only "
                    + dataSize + " bytes; the file is truncated (copy or download it again)");
        }
        return new TensorInfo(name, dtype, shape, begin, end - begin);
    }

    private static Object required(Path file, String what, Map<?, ?> entry, String key) throws SafeTensorsFormatException {
        Object v = entry.get(key);
        if (v == null) {
            throw new SafeTensorsFormatException(file, what + " has no \"" + key
                    + "\"; every tensor entry needs \"dtype\", \"shape\" and \"data_offsets\"; " + CORRUPT);
        }
        return v;
    }

    /** A JSON array of integers in {@code [0, 2^63 - 1]}, as a {@code long[]}. */
    private static long[] longs(Path file, String what, String key, Object value) throws SafeTensorsFormatException {
        if (!(value instanceof List)) {
            throw new SafeTensorsFormatException(file, what + " has a \"" + key + "\" that is " + typeName(value)
                    + ", not an array of integers; " + CORRUPT);
        }
        List<?> list = (List<?>) value;
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (!(v instanceof BigInteger) || ((BigInteger) v).signum() < 0 || ((BigInteger) v).compareTo(MAX_LONG) > 0) {
                throw new SafeTensorsFormatException(file, what + " has " + key + " " + list + " whose element " + i + " is "
                        + (v instanceof BigInteger ? v : typeName(v)) + "; it must be an integer from 0 to " + Long.MAX_VALUE + "; " + CORRUPT);
            }
            out[i] = ((BigInteger) v).longValueExact();
        }
        return out;
    }

    private static Map<String, String> metadata(Path file, Object value) throws SafeTensorsFormatException {
        if (!(value instanceof Map)) {
            throw new SafeTensorsFormatException(file, "\"__metadata__\" must be an object of strings, but it is " + typeName(value)
                    + "; " + CORRUPT);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw new SafeTensorsFormatException(file, "\"__metadata__\" entry \"" + e.getKey() + "\" is " + typeName(e.getValue())
                        + "; metadata values must be strings (write \"3\", not 3)");
            }
            out.put((String) e.getKey(), (String) e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The tensors (sorted by offset) must tile {@code [0, dataSize)} exactly. */
    private static void checkCoverage(Path file, List<TensorInfo> sorted, long dataSize) throws SafeTensorsFormatException {
        long covered = 0;
        TensorInfo previous = null;
        for (TensorInfo t : sorted) {
            long begin = t.dataOffset();
            if (begin < covered) {
                throw new SafeTensorsFormatException(file, "tensors \"" + previous.name() + "\" " + span(previous) + " and \"" + t.name()
                        + "\" " + span(t) + " overlap; each byte of the data section must belong to one tensor; " + CORRUPT);
            }
            if (begin > covered) {
                throw new SafeTensorsFormatException(file, "bytes [" + covered + ", " + begin + ") of the data section belong to no tensor ("
                        + (previous == null ? "before" : "between \"" + previous.name() + "\" and") + " \"" + t.name()
                        + "\"); the format requires the tensors to cover the data section without gaps; " + CORRUPT);
            }
            covered = begin + t.byteLength();
            previous = t;
        }
        if (covered != dataSize) {
            throw new SafeTensorsFormatException(file, "the last " + (dataSize - covered) + " bytes of the data section (from offset "
                    + covered + ") belong to no tensor; the file has trailing bytes or a missing header entry; " + CORRUPT);
        }
    }

    private static String span(TensorInfo t) {
        return "[" + t.dataOffset() + ", " + (t.dataOffset() + t.byteLength()) + ")";
    }

    private static String typeName(Object v) {
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return v instanceof String ? "a string" : "an integer";
    }
}
