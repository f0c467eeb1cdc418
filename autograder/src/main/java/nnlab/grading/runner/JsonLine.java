package nnlab.grading.runner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one-line JSON objects of the outcome file: an object whose values are strings or objects of strings
 * (one level deep), written on a single line and read back strictly. Nothing else (numbers, arrays, literals,
 * deeper nesting) is accepted, so a malformed or forged line is rejected rather than half-read.
 *
 * <p>Writing escapes quotes, backslashes and every control character ({@code \n} included), so a value never
 * breaks the line. Reading returns a map in document order whose values are {@code String} or
 * {@code Map<String, String>}; a repeated key is an error.
 */
final class JsonLine {

    private final String text;
    private int pos;

    private JsonLine(String text) {
        this.text = text;
    }

    /**
     * {@code fields} as a one-line JSON object, without a trailing newline.
     *
     * @throws IllegalArgumentException if a value is neither a {@code String} nor a map of strings to strings
     */
    static String write(Map<String, ?> fields) {
        StringBuilder sb = new StringBuilder(128);
        sb.append('{');
        int i = 0;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            sb.append(i++ == 0 ? "" : ",");
            appendString(sb, field.getKey());
            sb.append(':');
            if (field.getValue() instanceof String s) {
                appendString(sb, s);
            } else if (field.getValue() instanceof Map<?, ?> map) {
                appendStringMap(sb, field.getKey(), map);
            } else {
                throw new IllegalArgumentException("outcome line field " + field.getKey() + " holds "
                        + field.getValue() + "; only strings and maps of strings are written");
            }
        }
        return sb.append('}').toString();
    }

    /**
     * Parses one line written by {@link #write}.
     *
     * @throws IllegalArgumentException if the line is not such an object (the message says what and where)
     */
    static Map<String, Object> parse(String line) {
        JsonLine p = new JsonLine(line);
        Map<String, Object> fields = p.object(true);
        if (p.pos != line.length()) {
            throw p.error("text after the end of the object");
        }
        return fields;
    }

    private static void appendStringMap(StringBuilder sb, String key, Map<?, ?> map) {
        sb.append('{');
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof String v)) {
                throw new IllegalArgumentException("outcome line field " + key + " holds " + e
                        + "; a nested map maps strings to strings");
            }
            sb.append(i++ == 0 ? "" : ",");
            appendString(sb, k);
            sb.append(':');
            appendString(sb, v);
        }
        sb.append('}');
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private Map<String, Object> object(boolean allowNested) {
        expect('{');
        Map<String, Object> fields = new LinkedHashMap<>();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(fields);
        }
        while (true) {
            String key = string();
            expect(':');
            Object value;
            if (peek() == '{' && allowNested) {
                value = object(false);
            } else {
                value = string();
            }
            if (fields.put(key, value) != null) {
                throw error("key \"" + key + "\" appears twice");
            }
            char next = next();
            if (next == '}') {
                return Collections.unmodifiableMap(fields);
            }
            if (next != ',') {
                throw error("expected , or } but found " + describe(next));
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("an unescaped control character inside a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hexChar());
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    private char hexChar() {
        if (pos + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
                throw error("a \\u escape needs four hex digits");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private void expect(char c) {
        char found = next();
        if (found != c) {
            throw error("expected " + c + " but found " + describe(found));
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("the line ends too early");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private static String describe(char c) {
        return c < 0x20 ? String.format(Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed outcome line at character " + pos + ": " + what);
    }
}
