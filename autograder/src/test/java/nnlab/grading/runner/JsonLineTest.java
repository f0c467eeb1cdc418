package nnlab.grading.runner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonLine}: one-line objects of strings and string maps, written and read back exactly. */
class JsonLineTest {

    @Test
    void stringsWithQuotesControlCharactersAndUnicodeRoundTripOnOneLine() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "finished");
        fields.put("message", "expected \"a\\b\"\nbut\twas\r\u0000\u001f\u007f \u2028 é 漢 🙂");
        fields.put("entries", Map.of("nnlab.grading.format", "1"));
        fields.put("empty", "");

        String line = JsonLine.write(fields);

        assertThat(line.contains("\n") || line.contains("\r") || line.contains("\u2028"), is(false));
        assertThat(JsonLine.parse(line), equalTo(fields));
    }

    @Test
    void writesCompactJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("a", "1");
        fields.put("b", Map.of("c", "d"));

        assertThat(JsonLine.write(fields), is("{\"a\":\"1\",\"b\":{\"c\":\"d\"}}"));
        assertThat(JsonLine.parse("{}"), equalTo(Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "{\"a\":1}", "{\"a\":true}", "{\"a\":[\"b\"]}", "{\"a\":\"b\"} ",
            "{\"a\":\"b\",}", "{\"a\" : \"b\"}", "{\"a\":{\"b\":{\"c\":\"d\"}}}", "{\"a\":\"\\x\"}",
            "{\"a\":\"\\u12\"}", "{\"a\":\"b\n\"}", "{\"a\":\"b\"}{}", "{'a':'b'}"})
    void rejectsAnythingElse(String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonLine.parse(line));
        assertThat(e.getMessage(), containsString("malformed outcome line at character"));
    }

    @Test
    void rejectsARepeatedKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonLine.parse("{\"event\":\"done\",\"event\":\"started\"}"));
        assertThat(e.getMessage(), containsString("key \"event\" appears twice"));
    }

    @Test
    void refusesToWriteOtherValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonLine.write(Map.of("count", 3)));
        assertThat(e.getMessage(), containsString("only strings and maps of strings"));
    }
}
