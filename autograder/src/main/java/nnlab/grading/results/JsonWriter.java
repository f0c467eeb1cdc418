package nnlab.grading.results;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import nnlab.io.JsonText;

/**
 * Writes a tree of maps, lists, strings, booleans and numbers as JSON, indented like Python's
 * {@code json.dumps(indent=2)}: maps keep their iteration order, and the same tree always gives the same text.
 *
 * <p>Numbers are never written in exponent form. {@link Raw} carries a number already rendered, for values
 * such as scores that are rounded before they are written; other doubles and floats are written exactly, as the
 * shortest decimal that reads back to the same value ({@code 0.00001} stays {@code 0.00001}, never
 * {@code 1.0E-5}).
 */
final class JsonWriter {

    /** A JSON number already rendered as text. */
    record Raw(String text) {
    }

    private JsonWriter() {
    }

    /** {@code value} as a JSON number text rounded half-even to at most {@code decimals} decimals, e.g. {@code 2.0}, {@code 0.3333}. */
    static Raw rounded(double value, int decimals) {
        return new Raw(plain(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN)));
    }

    /** The JSON text of {@code value}, a finite tree as described in the class comment, followed by a newline. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, "");
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, String indent) {
        if (v instanceof String s) {
            JsonText.appendString(sb, s);
        } else if (v instanceof Raw raw) {
            sb.append(raw.text());
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(plain(new BigDecimal(v.toString())));
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Map<?, ?> map) {
            writeMap(sb, map, indent);
        } else if (v instanceof List<?> list) {
            writeList(sb, list, indent);
        } else {
            throw new IllegalArgumentException("cannot write " + (v == null ? "null" : v.getClass().getName())
                    + " as JSON; this is a bug in the results model");
        }
    }

    private static void writeMap(StringBuilder sb, Map<?, ?> map, String indent) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        String inner = indent + "  ";
        sb.append('{');
        String separator = "\n";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            sb.append(separator).append(inner);
            JsonText.appendString(sb, (String) e.getKey());
            sb.append(": ");
            write(sb, e.getValue(), inner);
            separator = ",\n";
        }
        sb.append('\n').append(indent).append('}');
    }

    private static void writeList(StringBuilder sb, List<?> list, String indent) {
        if (list.isEmpty()) {
            sb.append("[]");
            return;
        }
        String inner = indent + "  ";
        sb.append('[');
        String separator = "\n";
        for (Object item : list) {
            sb.append(separator).append(inner);
            write(sb, item, inner);
            separator = ",\n";
        }
        sb.append('\n').append(indent).append(']');
    }

    /** Plain decimal text without trailing zeros but with at least one decimal: {@code 2.0}, {@code 0.5}, {@code 0.00001}. */
    private static String plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
    }

}
