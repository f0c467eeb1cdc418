package nnlab.grading.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nnlab.io.AtomicFile;

/**
 * Writes {@link GradescopeResults} as Gradescope's {@code results.json}.
 *
 * <p>The text is deterministic: equal results give byte-identical files. Keys come in the order of Gradescope's
 * specification (top level: {@code score, execution_time, output, output_format, test_output_format,
 * test_name_format, visibility, stdout_visibility, extra_data, tests, leaderboard}; a test: {@code score,
 * max_score, status, name, name_format, number, output, output_format, tags, visibility, extra_data}; a
 * leaderboard entry: {@code name, value, order}), except inside {@code extra_data}, whose keys are sorted. Absent
 * optional fields, empty lists and empty {@code extra_data} are left out. Scores and {@code max_score}s are
 * rounded half-even to {@value #SCORE_DECIMALS} decimals and always have a decimal point ({@code 2.0},
 * {@code 0.3333}); {@code execution_time} is whole seconds; other numbers are written exactly; no number uses
 * exponent notation. Indentation is two spaces, the file is UTF-8 and ends with a newline.
 *
 * <p>The JSON Schema that the output satisfies is the class-path resource {@value #SCHEMA_RESOURCE}.
 *
 * @see <a href="https://gradescope-autograders.readthedocs.io/en/latest/specs/">Gradescope autograder specifications</a>
 */
public final class ResultsJson {

    /** Decimals kept in scores and {@code max_score}s. */
    public static final int SCORE_DECIMALS = 4;

    /** Class-path location of the JSON Schema (draft 2020-12) of {@code results.json}. */
    public static final String SCHEMA_RESOURCE = "/nnlab/grading/results/gradescope-results.schema.json";

    private ResultsJson() {
    }

    /**
     * The JSON text of {@code results}, as described in the class comment.
     *
     * @throws NullPointerException if {@code results} is null
     */
    public static String toJson(GradescopeResults results) {
        Objects.requireNonNull(results, "results");
        Map<String, Object> json = new LinkedHashMap<>();
        if (results.score() != null) {
            json.put("score", score(results.score()));
        }
        if (results.executionTime() != null) {
            json.put("execution_time", wholeSeconds(results.executionTime().toMillis()));
        }
        putIfPresent(json, "output", results.output());
        putIfPresent(json, "output_format", results.outputFormat() == null ? null : results.outputFormat().json());
        putIfPresent(json, "test_output_format",
                results.testOutputFormat() == null ? null : results.testOutputFormat().json());
        putIfPresent(json, "test_name_format",
                results.testNameFormat() == null ? null : results.testNameFormat().json());
        putIfPresent(json, "visibility", results.visibility() == null ? null : results.visibility().json());
        putIfPresent(json, "stdout_visibility",
                results.stdoutVisibility() == null ? null : results.stdoutVisibility().json());
        if (!results.extraData().isEmpty()) {
            json.put("extra_data", results.extraData());
        }
        if (!results.tests().isEmpty()) {
            List<Object> tests = new ArrayList<>();
            for (TestResult test : results.tests()) {
                tests.add(test(test));
            }
            json.put("tests", tests);
        }
        if (!results.leaderboard().isEmpty()) {
            List<Object> entries = new ArrayList<>();
            for (LeaderboardEntry entry : results.leaderboard()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", entry.name());
                e.put("value", entry.value());
                e.put("order", entry.order().json());
                entries.add(e);
            }
            json.put("leaderboard", entries);
        }
        return JsonWriter.write(json);
    }

    /**
     * Atomically replaces {@code file} with the JSON text of {@code results}: the text is produced first, then
     * written with {@link AtomicFile#writeString}, so a reader (Gradescope) sees either the old file or the complete
     * new one, and no temporary file is left behind.
     *
     * @throws NullPointerException if an argument is null; {@code file} is then untouched
     * @throws IOException          if the file cannot be written (e.g. its directory does not exist); an existing
     *                              file is then unchanged
     */
    public static void write(GradescopeResults results, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String json = toJson(results);
        AtomicFile.writeString(file, json);
    }

    private static Map<String, Object> test(TestResult test) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", score(test.score()));
        json.put("max_score", score(test.maxScore()));
        json.put("status", test.status().json());
        json.put("name", test.name());
        putIfPresent(json, "name_format", test.nameFormat() == null ? null : test.nameFormat().json());
        putIfPresent(json, "number", test.number());
        putIfPresent(json, "output", test.output());
        putIfPresent(json, "output_format", test.outputFormat() == null ? null : test.outputFormat().json());
        if (!test.tags().isEmpty()) {
            json.put("tags", test.tags());
        }
        putIfPresent(json, "visibility", test.visibility() == null ? null : test.visibility().json());
        if (!test.extraData().isEmpty()) {
            json.put("extra_data", test.extraData());
        }
        return json;
    }

    private static JsonWriter.Raw score(double score) {
        return JsonWriter.rounded(score, SCORE_DECIMALS);
    }

    /** Milliseconds as whole seconds, rounded half up. */
    private static long wholeSeconds(long millis) {
        return (millis + 500) / 1000;
    }

    private static void putIfPresent(Map<String, Object> json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
