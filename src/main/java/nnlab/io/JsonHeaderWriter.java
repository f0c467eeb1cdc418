package nnlab.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Builds a safetensors header as {@code safetensors.torch.save_file} (serde_json, compact) writes it:
 * {@code {"__metadata__":{"k":"v"},"name":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},...}}, UTF-8,
 * padded with spaces to a multiple of 8 bytes. Strings escape {@code "} and {@code \}, and control characters
 * as {@code \n}, {@code \t}, ... or {@code \}{@code u00xx}; every other character is written as UTF-8.
 */
final class JsonHeaderWriter {

    /** Orders strings by Unicode code point, as Python's {@code sorted} and Rust's {@code Ord for String} do. */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

    private JsonHeaderWriter() {
    }

    /** One header entry: a tensor's name, dtype, shape and byte range in the data section. */
    record Entry(String name, Dtype dtype, int[] shape, long begin, long end) {
    }

    /** The padded header bytes for {@code entries} (in data order) and {@code metadata} (omitted when empty). */
    static byte[] header(List<Entry> entries, Map<String, String> metadata) {
        StringBuilder sb = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            sb.append("\"__metadata__\":{");
            boolean first = true;
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                sb.append(first ? "" : ",");
                JsonText.appendString(sb, e.getKey());
                sb.append(':');
                JsonText.appendString(sb, e.getValue());
                first = false;
            }
            sb.append('}');
        }
        for (Entry e : entries) {
            sb.append(sb.length() > 1 ? "," : "");
            JsonText.appendString(sb, e.name());
            sb.append(":{\"dtype\":\"").append(e.dtype().name()).append("\",\"shape\":[");
            for (int i = 0; i < e.shape().length; i++) {
                sb.append(i == 0 ? "" : ",").append(e.shape()[i]);
            }
            sb.append("],\"data_offsets\":[").append(e.begin()).append(',').append(e.end()).append("]}");
        }
        sb.append('}');
        byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

}
