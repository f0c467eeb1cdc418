package nnlab.grading.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nnlab.grading.LeaderboardOrder;
import nnlab.grading.Visibility;

/** The JSON text: key order, omitted fields, number and string rendering, determinism. */
class ResultsJsonTest {

    private static String oneTest(TestResult test) {
        return ResultsJson.toJson(GradescopeResults.builder().test(test).build());
    }

    @Test
    void everyFieldIsWrittenInTheSpecificationsOrder() {
        GradescopeResults results = GradescopeResults.builder()
                .leaderboard(new LeaderboardEntry("Time", 15.1, LeaderboardOrder.ASC))
                .test(TestResult.partial("Linear.forward", 1.5, 2.0, "half right")
                        .withExtraData(Map.of("attempts", 1))
                        .withVisibility(Visibility.VISIBLE)
                        .withTags("lab02")
                        .withOutput("half *right*", OutputFormat.MD)
                        .withNumber("1.1")
                        .withNameFormat(OutputFormat.TEXT))
                .extraData("seed", 42)
                .stdoutVisibility(Visibility.HIDDEN)
                .visibility(Visibility.AFTER_DUE_DATE)
                .testNameFormat(OutputFormat.TEXT)
                .testOutputFormat(OutputFormat.MD)
                .output("Text relevant to the entire submission", OutputFormat.SIMPLE_FORMAT)
                .executionTime(Duration.ofSeconds(136))
                .score(1.5)
                .build();
        assertThat(ResultsJson.toJson(results), is("""
                {
                  "score": 1.5,
                  "execution_time": 136,
                  "output": "Text relevant to the entire submission",
                  "output_format": "simple_format",
                  "test_output_format": "md",
                  "test_name_format": "text",
                  "visibility": "after_due_date",
                  "stdout_visibility": "hidden",
                  "extra_data": {
                    "seed": 42
                  },
                  "tests": [
                    {
                      "score": 1.5,
                      "max_score": 2.0,
                      "status": "failed",
                      "name": "Linear.forward",
                      "name_format": "text",
                      "number": "1.1",
                      "output": "half *right*",
                      "output_format": "md",
                      "tags": [
                        "lab02"
                      ],
                      "visibility": "visible",
                      "extra_data": {
                        "attempts": 1
                      }
                    }
                  ],
                  "leaderboard": [
                    {
                      "name": "Time",
                      "value": 15.1,
                      "order": "asc"
                    }
                  ]
                }
                """));
    }

    @Test
    void absentOptionalFieldsAreLeftOut() {
        assertThat(oneTest(TestResult.passed("ReLU", 1.0)), is("""
                {
                  "tests": [
                    {
                      "score": 1.0,
                      "max_score": 1.0,
                      "status": "passed",
                      "name": "ReLU"
                    }
                  ]
                }
                """));
        assertThat(ResultsJson.toJson(GradescopeResults.builder().score(0).build()), is("{\n  \"score\": 0.0\n}\n"));
    }

    @Test
    void scoresHaveAtMostFourDecimalsAndNoExponent() {
        assertThat(oneTest(TestResult.partial("t", 1.0 / 3.0, 1.0, null)), containsString("\"score\": 0.3333,"));
        assertThat(oneTest(TestResult.partial("t", 2.0 / 3.0, 1.0, null)), containsString("\"score\": 0.6667,"));
        assertThat(oneTest(TestResult.partial("t", 0.1 + 0.2, 1.0, null)), containsString("\"score\": 0.3,"));
        assertThat(oneTest(TestResult.partial("t", 1.0e-5, 1.0, null)), containsString("\"score\": 0.0,"));
        assertThat(oneTest(TestResult.partial("t", 1.5e-4, 1.0, null)), containsString("\"score\": 0.0002,"));
        assertThat(oneTest(TestResult.passed("t", 1.0e7)), containsString("\"max_score\": 10000000.0,"));
        assertThat(oneTest(TestResult.passed("t", 2)), containsString("\"max_score\": 2.0,"));
    }

    @Test
    void otherNumbersAreWrittenExactlyWithoutExponent() {
        GradescopeResults results = GradescopeResults.builder().score(1.0)
                .extraData("tiny", 1.0e-5)
                .extraData("huge", 1.0e20)
                .extraData("float", 0.1f)
                .extraData("int", 42)
                .extraData("long", 1L << 40)
                .extraData("decimal", new BigDecimal("1.50"))
                .extraData("big", new BigInteger("123456789012345678901234567890"))
                .leaderboard(LeaderboardEntry.lowerIsBetter("Loss", 2.5e-7))
                .build();
        String json = ResultsJson.toJson(results);
        assertThat(json, containsString("\"tiny\": 0.00001\n"));
        assertThat(json, containsString("\"huge\": 100000000000000000000.0,"));
        assertThat(json, containsString("\"float\": 0.1,"));
        assertThat(json, containsString("\"int\": 42,"));
        assertThat(json, containsString("\"long\": 1099511627776"));
        assertThat(json, containsString("\"decimal\": 1.50,"));
        assertThat(json, containsString("\"big\": 123456789012345678901234567890,"));
        assertThat(json, containsString("\"value\": 0.00000025,"));
        assertThat(json, not(containsString("E")));
    }

    @Test
    void executionTimeIsWrittenInWholeSecondsRoundedHalfUp() {
        assertThat(ResultsJson.toJson(GradescopeResults.builder().score(1).executionTime(Duration.ofMillis(136_499))
                .build()), containsString("\"execution_time\": 136\n"));
        assertThat(ResultsJson.toJson(GradescopeResults.builder().score(1).executionTime(Duration.ofMillis(136_500))
                .build()), containsString("\"execution_time\": 137\n"));
    }

    @Test
    void extraDataKeysAreSortedWhateverTheInsertionOrder() {
        Map<String, Object> versionsOneWay = new LinkedHashMap<>();
        versionsOneWay.put("nnlab", "0.1.0");
        versionsOneWay.put("autograder", "0.1.0");
        Map<String, Object> versionsOtherWay = new LinkedHashMap<>();
        versionsOtherWay.put("autograder", "0.1.0");
        versionsOtherWay.put("nnlab", "0.1.0");
        String oneWay = ResultsJson.toJson(GradescopeResults.builder().score(1)
                .extraData("seed", 42).extraData("backend", "cpu").extraData("versions", versionsOneWay).build());
        String otherWay = ResultsJson.toJson(GradescopeResults.builder().score(1)
                .extraData("versions", versionsOtherWay).extraData("backend", "cpu").extraData("seed", 42).build());
        assertThat(oneWay, is(otherWay));
        assertThat(oneWay, is("""
                {
                  "score": 1.0,
                  "extra_data": {
                    "backend": "cpu",
                    "seed": 42,
                    "versions": {
                      "autograder": "0.1.0",
                      "nnlab": "0.1.0"
                    }
                  }
                }
                """));
    }

    @Test
    void equalResultsGiveByteIdenticalText() {
        for (String name : SampleResults.all().keySet()) {
            String first = ResultsJson.toJson(SampleResults.all().get(name));
            String second = ResultsJson.toJson(SampleResults.all().get(name));
            assertThat(name, second, is(first));
        }
    }

    @Test
    void stringsAreEscapedAndUnicodeIsKept() {
        String json = oneTest(TestResult.failed("t", 1.0, "say \"hi\"\\n\n\ttab \u0001 é 🙂 lone \uD800 end"));
        assertThat(json, containsString(
                "\"output\": \"say \\\"hi\\\"\\\\n\\n\\ttab \\u0001 é 🙂 lone \uFFFD end\""));
    }

    @Test
    void listsInExtraDataAreWrittenInOrder() {
        String json = ResultsJson.toJson(GradescopeResults.builder().score(1)
                .extraData("shape", List.of(3, 1, 2)).build());
        assertThat(json, containsString("\"shape\": [\n      3,\n      1,\n      2\n    ]"));
    }

    @Test
    void nullResultsAreRejected() {
        assertThrows(NullPointerException.class, () -> ResultsJson.toJson(null));
    }
}
