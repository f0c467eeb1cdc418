package nnlab.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON parser (RFC 8259) for exactly what a safetensors header holds: objects, arrays, strings
 * and integers. Anything else ({@code true}, {@code false}, {@code null}, numbers with a fraction or exponent)
 * is rejected with a message that says what was found and where.
 *
 * <p>Results: an object is a {@code LinkedHashMap<String, Object>} in document order (a repeated key is an
 * error), an array a {@code List<Object>}, a string a {@code String}, an integer a {@link BigInteger}.
 * Whitespace (space, tab, CR, LF) may surround any value, so a header padded with spaces parses. Strings may
 * use every JSON escape, {@code \}{@code uXXXX} included; a surrogate pair written as two escapes becomes one
 * code point and an unpaired surrogate is an error. Nesting is limited to {@link #MAX_DEPTH} levels so that a
 * hostile header cannot overflow the stack, and integers to {@link #MAX_DIGITS} digits.
 */
final class JsonHeaderParser {

    /** The deepest nesting accepted; a safetensors header needs 3 ({@code {"w": {"shape": [..]}}}). */
    static final int MAX_DEPTH = 64;

    /** The longest integer accepted, in digits; offsets and sizes need at most 20. */
    static final int MAX_DIGITS = 40;

    private final String text;
    private int pos;

    private JsonHeaderParser(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON value that fills {@code text} apart from surrounding whitespace.
     *
     * @throws JsonSyntaxException if the text is not such a value
     */
    static Object parse(String text) throws JsonSyntaxException {
        JsonHeaderParser p = new JsonHeaderParser(text);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describe(p.pos) + " after the end of the JSON value; only whitespace may follow it");
        }
        return value;
    }

    private Object value(int depth) throws JsonSyntaxException {
        if (pos >= text.length()) {
            throw error("the text ends where a value was expected");
        }
        char c = text.charAt(pos);
        if (c == '{' || c == '[') {
            if (depth >= MAX_DEPTH) {
                throw error("values are nested more than " + MAX_DEPTH + " levels deep");
            }
            return c == '{' ? object(depth + 1) : array(depth + 1);
        }
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return integer();
        }
        for (String literal : new String[] {"true", "false", "null"}) {
            if (text.startsWith(literal, pos)) {
                throw error("found '" + literal + "', but a safetensors header holds only objects, arrays, strings and integers");
            }
        }
        throw error("unexpected " + describe(pos) + "; expected a value (an object, array, string or integer)");
    }

    private Map<String, Object> object(int depth) throws JsonSyntaxException {
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            if (peek() != '"') {
                throw error("expected a string key in double quotes, found " + describe(pos));
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':', "after the key \"" + key + "\"");
            skipWhitespace();
            Object value = value(depth);
            if (map.containsKey(key)) {
                throw new JsonSyntaxException("duplicate key \"" + key + "\" at character " + keyStart
                        + "; each key may appear only once in an object", keyStart);
            }
            map.put(key, value);
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                skipWhitespace();
            } else if (peek() == '}') {
                pos++;
                return map;
            } else {
                throw error("expected ',' or '}' after the value of \"" + key + "\", found " + describe(pos));
            }
        }
    }

    private List<Object> array(int depth) throws JsonSyntaxException {
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                skipWhitespace();
            } else if (peek() == ']') {
                pos++;
                return list;
            } else {
                throw error("expected ',' or ']' in an array, found " + describe(pos));
            }
        }
    }

    private String string() throws JsonSyntaxException {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new JsonSyntaxException("the string starting at character " + start + " is not closed; add the closing '\"'", start);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character " + describe(pos) + " inside a string; JSON requires it to be escaped (e.g. \\n, \\u0001)");
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            pos++;
            char e = peek();
            switch (e) {
                case '"': case '\\': case '/': sb.append(e); pos++; break;
                case 'b': sb.append('\b'); pos++; break;
                case 'f': sb.append('\f'); pos++; break;
                case 'n': sb.append('\n'); pos++; break;
                case 'r': sb.append('\r'); pos++; break;
                case 't': sb.append('\t'); pos++; break;
                case 'u': sb.append(unicodeEscape()); break;
                default:
                    throw error("invalid escape '\\" + (pos < text.length() ? String.valueOf(e) : "")
                            + "' in a string; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX");
            }
        }
    }

    /** Reads {@code uXXXX} (pos at the 'u'), and a second {@code \}{@code uXXXX} when the first is a high surrogate. */
    private String unicodeEscape() throws JsonSyntaxException {
        int at = pos - 1;
        char first = hex4();
        if (Character.isLowSurrogate(first)) {
            throw new JsonSyntaxException(String.format("unpaired low surrogate \\u%04X at character %d; a low surrogate must follow a high one", (int) first, at), at);
        }
        if (!Character.isHighSurrogate(first)) {
            return String.valueOf(first);
        }
        if (!text.startsWith("\\u", pos)) {
            throw new JsonSyntaxException(String.format("unpaired high surrogate \\u%04X at character %d; write the pair as \\uD8xx\\uDCxx", (int) first, at), at);
        }
        pos++; // the backslash
        char second = hex4();
        if (!Character.isLowSurrogate(second)) {
            throw new JsonSyntaxException(String.format("high surrogate \\u%04X at character %d is followed by \\u%04X, not by a low surrogate (DC00-DFFF)", (int) first, at, (int) second), at);
        }
        return new String(new char[] {first, second});
    }

    /** Reads 'u' and four hex digits. */
    private char hex4() throws JsonSyntaxException {
        pos++; // 'u'
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = pos < text.length() ? hexValue(text.charAt(pos)) : -1;
            if (d < 0) {
                throw error("a \\u escape needs four hex digits, found " + describe(pos));
            }
            v = v * 16 + d;
            pos++;
        }
        return (char) v;
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would also accept non-ASCII digits). */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private BigInteger integer() throws JsonSyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digitsStart = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        int digits = pos - digitsStart;
        if (digits == 0) {
            throw error("a '-' must be followed by digits, found " + describe(pos));
        }
        if (digits > 1 && text.charAt(digitsStart) == '0') {
            throw new JsonSyntaxException("number at character " + start + " has a leading zero, which JSON does not allow", start);
        }
        char next = peek();
        if (next == '.' || next == 'e' || next == 'E') {
            throw new JsonSyntaxException("number at character " + start + " has a fraction or exponent; a safetensors header holds only integers", start);
        }
        if (digits > MAX_DIGITS) {
            throw new JsonSyntaxException("integer at character " + start + " has " + digits + " digits, more than " + MAX_DIGITS, start);
        }
        return new BigInteger(text.substring(start, pos));
    }

    private void expect(char c, String where) throws JsonSyntaxException {
        if (peek() != c) {
            throw error("expected '" + c + "' " + where + ", found " + describe(pos));
        }
        pos++;
    }

    /** The current character, or U+0000 at the end (never valid where a caller checks it). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonSyntaxException error(String problem) {
        return new JsonSyntaxException(problem + " (at character " + pos + ")", pos);
    }

    /** {@code 'x'} for a printable ASCII character, {@code U+XXXX} otherwise, or "the end of the text". */
    private String describe(int at) {
        if (at >= text.length()) {
            return "the end of the text";
        }
        char c = text.charAt(at);
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
