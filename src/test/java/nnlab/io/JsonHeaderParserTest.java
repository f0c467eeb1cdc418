package nnlab.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header's JSON parser: what RFC 8259 allows that a header needs, and a clear error for everything else. */
class JsonHeaderParserTest {

    private static JsonSyntaxException rejects(String json) {
        return assertThrows(JsonSyntaxException.class, () -> JsonHeaderParser.parse(json), json);
    }

    private static void assertRejected(String json, String message) {
        assertThat(json, rejects(json).getMessage(), containsString(message));
    }

    @Test
    void parsesObjectsArraysStringsAndIntegersInDocumentOrder() throws Exception {
        Object v = JsonHeaderParser.parse(" {\"z\": {\"dtype\": \"F32\", \"shape\": [2, 3], \"data_offsets\": [0, 24]},\n\t\"a\": [], \"m\": {}}   ");
        assertThat(v, instanceOf(Map.class));
        Map<?, ?> root = (Map<?, ?>) v;
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(root.keySet()), "keys in document order");
        Map<?, ?> z = (Map<?, ?>) root.get("z");
        assertEquals("F32", z.get("dtype"));
        assertEquals(List.of(BigInteger.valueOf(2), BigInteger.valueOf(3)), z.get("shape"));
        assertEquals(List.of(), root.get("a"));
        assertEquals(Map.of(), root.get("m"));
    }

    @Test
    void integersKeepTheirExactValueBeyondLongRange() throws Exception {
        // 2^64 - 1 and -2^63: the extremes of Rust's usize (offsets) and Java's long.
        assertEquals(new BigInteger("18446744073709551615"), JsonHeaderParser.parse("18446744073709551615"));
        assertEquals(BigInteger.valueOf(Long.MIN_VALUE), JsonHeaderParser.parse("-9223372036854775808"));
        assertEquals(BigInteger.ZERO, JsonHeaderParser.parse("-0"));
    }

    @Test
    void decodesEveryEscapeAndJoinsSurrogatePairs() throws Exception {
        // RFC 8259 section 7: the two-character escapes, \\uXXXX, and a character outside the BMP as a
        // UTF-16 surrogate pair (U+1F600 = \\uD83D\\uDE00, as Python's json.dumps writes it).
        String json = "\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00fc \\u00FC \\ud83d\\ude00 raw \u00fc\uD83D\uDE00\"";
        assertEquals("q\" b\\ s/ \b\f\n\r\t \u00fc \u00fc \uD83D\uDE00 raw \u00fc\uD83D\uDE00", JsonHeaderParser.parse(json));
    }

    @Test
    void rejectsUnpairedSurrogates() {
        assertRejected("\"\\udc00\"", "unpaired low surrogate");
        assertRejected("\"\\ud83d\"", "unpaired high surrogate");
        assertRejected("\"\\ud83dx\"", "unpaired high surrogate");
        assertRejected("\"\\ud83d\\u0041\"", "not by a low surrogate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\u12\"", "\"\\u12g4\"", "\"\\u\u0661\u0662\u0663\u0664\"", "\"\\x41\"", "\"\\"})
    void rejectsMalformedEscapes(String json) {
        // U+0661.. are Arabic-Indic digits, which Character.digit would accept as hex digits.
        assertThat(rejects(json).getMessage(), containsString("escape"));
    }

    @Test
    void rejectsDuplicateKeysAndSaysWhere() {
        JsonSyntaxException e = rejects("{\"w\": 1, \"w\": 2}");
        assertThat(e.getMessage(), containsString("duplicate key \"w\" at character 9"));
        assertEquals(9, e.position());
        assertThat(rejects("{\"t\": {\"dtype\": \"F32\", \"dtype\": \"F16\"}}").getMessage(), containsString("duplicate key \"dtype\""));
    }

    @Test
    void rejectsWhatAHeaderNeverHolds() {
        assertRejected("true", "found 'true'");
        assertRejected("[false]", "found 'false'");
        assertRejected("{\"a\": null}", "found 'null'");
        assertRejected("1.5", "fraction or exponent");
        assertRejected("[2e3]", "fraction or exponent");
        assertRejected("01", "leading zero");
        assertRejected("-", "'-' must be followed by digits");
        assertRejected("+1", "unexpected '+'");
        assertRejected("'a'", "unexpected '''");
    }

    @Test
    void rejectsIntegersWithMoreThanFortyDigits() {
        assertThat(rejects("1" + "0".repeat(40)).getMessage(), containsString("41 digits"));
    }

    @Test
    void rejectsSyntaxErrorsNamingWhatWasFound() {
        assertRejected("{\"a\": 1}x", "after the end of the JSON value");
        assertRejected("{\"a\": 1}\u0000", "after the end of the JSON value");
        assertRejected("{\"a\": 1,}", "expected a string key");
        assertRejected("[1,]", "expected a value");
        assertRejected("[1 2]", "expected ',' or ']'");
        assertRejected("{\"a\" 1}", "expected ':'");
        assertRejected("{\"a\": 1 \"b\": 2}", "expected ',' or '}'");
        assertRejected("{a: 1}", "expected a string key");
        assertRejected("\"tab\there\"", "control character U+0009");
        assertRejected("\uFEFF{}", "unexpected U+FEFF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\"", "{\"a\":", "{\"a\": 1", "[1, 2", "\"abc"})
    void rejectsTruncatedText(String json) {
        JsonSyntaxException e = rejects(json);
        assertThat(e.getMessage(), org.hamcrest.Matchers.anyOf(containsString("end of the text"), containsString("ends where"),
                containsString("not closed")));
    }

    @Test
    void acceptsAnyJsonWhitespaceAroundValues() throws Exception {
        assertEquals(Map.of("a", List.of(BigInteger.ONE)), JsonHeaderParser.parse("\r\n\t {\r\n\t \"a\" : [ 1 ] } \r\n\t "));
    }

    @Test
    void rejectsDeepNestingInsteadOfOverflowingTheStack() {
        // A 100 MB header of '[' would otherwise recurse 10^8 levels deep.
        assertThat(rejects("[".repeat(100_000)).getMessage(), containsString("nested more than 64 levels"));
        assertThat(rejects("{\"a\":".repeat(65) + "1" + "}".repeat(65)).getMessage(), containsString("nested more than 64 levels"));
    }

    @Test
    void acceptsNestingUpToTheLimit() throws Exception {
        Object v = JsonHeaderParser.parse("[".repeat(64) + "]".repeat(64));
        for (int depth = 1; depth < 64; depth++) {
            v = ((List<?>) v).get(0);
        }
        assertEquals(List.of(), v);
    }
}
