package nnlab.grading.results;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

import nnlab.grading.Visibility;

/**
 * One entry of the {@code tests} array of {@code results.json}: a graded test with its score, status and the
 * feedback shown to the student.
 *
 * <p>Build one with {@link #passed}, {@link #failed} or {@link #partial} and add the optional fields with the
 * {@code with...} methods, which return a new record:
 * <pre>{@code
 * TestResult.failed("Linear.backward matches the numerical gradient", 2.0, "dW differs at [3, 1]: 0.12 vs 0.27")
 *         .withNumber("2.3")
 *         .withTags("lab02", "backward")
 *         .withVisibility(Visibility.AFTER_PUBLISHED);
 * }</pre>
 *
 * <p>nnlab always writes {@code score}, {@code max_score}, {@code status} and {@code name}, although Gradescope's
 * specification makes them optional, so that every entry says plainly what it is worth. A score need not equal
 * {@code max_score} for a passed test, nor zero for a failed one: partial credit is up to the grading policy.
 *
 * @param score        points awarded: finite and in {@code [0, maxScore]}
 * @param maxScore     points the test is worth: finite and {@code > 0}
 * @param status       passed or failed
 * @param name         the name shown to the student, not blank
 * @param nameFormat   how {@code name} is rendered, or {@code null} for the top-level {@code test_name_format}
 * @param number       the test's number (e.g. {@code "2.3"}), used by Gradescope to order tests, or {@code null}
 *                     to number them by position
 * @param output       feedback for the student, or {@code null} for none
 * @param outputFormat how {@code output} is rendered, or {@code null} for the top-level {@code test_output_format}
 * @param tags         tags, not blank and without duplicates; empty for none
 * @param visibility   when the student sees this test, or {@code null} for Gradescope's default (visible)
 * @param extraData    data kept with the test and not shown: strings, booleans, finite numbers, lists and maps
 *                     with string keys, without nulls; deep-copied and sorted by key, empty for none
 * @see <a href="https://gradescope-autograders.readthedocs.io/en/latest/specs/">Gradescope autograder specifications</a>
 */
public record TestResult(double score, double maxScore, TestStatus status, String name, OutputFormat nameFormat,
                         String number, String output, OutputFormat outputFormat, List<String> tags,
                         Visibility visibility, SortedMap<String, Object> extraData) {

    /**
     * Checks every field and copies the collections.
     *
     * @throws NullPointerException     if {@code status} is null
     * @throws IllegalArgumentException if {@code name} is null or blank, a score is not finite, {@code maxScore <= 0},
     *                                  {@code score} lies outside {@code [0, maxScore]}, {@code number} is blank, a tag
     *                                  is blank or repeated, or {@code extraData} holds a value JSON cannot represent
     */
    public TestResult {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a test needs a name that is not blank (got "
                    + (name == null ? "null" : "\"" + name + "\"") + "); Gradescope shows it to the student");
        }
        String test = "test '" + name + "'";
        if (!Double.isFinite(maxScore) || maxScore <= 0) {
            throw new IllegalArgumentException(test + " has max_score " + maxScore
                    + "; it must be a finite number > 0 (leave a test that is worth nothing out of results.json)");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException(test + " has score " + score
                    + "; it must be a finite number in [0, " + maxScore + "]");
        }
        if (score < 0 || score > maxScore) {
            throw new IllegalArgumentException(test + " has score " + score + " outside [0, max_score = " + maxScore
                    + "]; clamp partial credit into that range");
        }
        Objects.requireNonNull(status, () -> test + " needs a status (PASSED or FAILED)");
        if (number != null && number.isBlank()) {
            throw new IllegalArgumentException(test + " has a blank number; use null to number tests by position");
        }
        tags = checkTags(test, tags);
        extraData = ExtraData.copyOf(extraData, test);
    }

    /** A passed test with full marks. */
    public static TestResult passed(String name, double maxScore) {
        return new TestResult(maxScore, maxScore, TestStatus.PASSED, name, null, null, null, null, List.of(), null,
                null);
    }

    /**
     * A failed test with no points; {@code reason} becomes its output. Use it for assertion failures, crashes
     * ("the test JVM died ..."), time-outs and tests that could not run (e.g. "not run: the submission does not
     * compile").
     *
     * @param reason what went wrong, in the words the student should read
     */
    public static TestResult failed(String name, double maxScore, String reason) {
        return new TestResult(0.0, maxScore, TestStatus.FAILED, name, null, null, reason, null, List.of(), null,
                null);
    }

    /**
     * A test with partial credit: passed when {@code score == maxScore}, failed otherwise, with {@code output} as
     * its feedback.
     *
     * @param output feedback for the student, or {@code null} for none
     */
    public static TestResult partial(String name, double score, double maxScore, String output) {
        TestStatus status = score == maxScore ? TestStatus.PASSED : TestStatus.FAILED;
        return new TestResult(score, maxScore, status, name, null, null, output, null, List.of(), null, null);
    }

    /** This test with {@code number} (e.g. {@code "2.3"}), or none for {@code null}. */
    public TestResult withNumber(String number) {
        return new TestResult(score, maxScore, status, name, nameFormat, number, output, outputFormat, tags,
                visibility, extraData);
    }

    /** This test with its name rendered as {@code format}, or as the top-level {@code test_name_format} for {@code null}. */
    public TestResult withNameFormat(OutputFormat format) {
        return new TestResult(score, maxScore, status, name, format, number, output, outputFormat, tags,
                visibility, extraData);
    }

    /** This test with {@code output} (or none for {@code null}) rendered as {@code format} (or the default for {@code null}). */
    public TestResult withOutput(String output, OutputFormat format) {
        return new TestResult(score, maxScore, status, name, nameFormat, number, output, format, tags,
                visibility, extraData);
    }

    /** This test with {@code tags} instead of its current ones. */
    public TestResult withTags(String... tags) {
        return new TestResult(score, maxScore, status, name, nameFormat, number, output, outputFormat,
                Arrays.asList(tags), visibility, extraData);
    }

    /** This test shown to students as {@code visibility}, or by Gradescope's default (visible) for {@code null}. */
    public TestResult withVisibility(Visibility visibility) {
        return new TestResult(score, maxScore, status, name, nameFormat, number, output, outputFormat, tags,
                visibility, extraData);
    }

    /** This test with {@code extraData} (deep-copied, sorted by key) instead of its current extra data. */
    public TestResult withExtraData(Map<String, ?> extraData) {
        return new TestResult(score, maxScore, status, name, nameFormat, number, output, outputFormat, tags,
                visibility, ExtraData.copyOf(extraData, "test '" + name + "'"));
    }

    private static List<String> checkTags(String test, List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new IllegalArgumentException(test + " has a null or blank tag in " + tags);
            }
            if (!seen.add(tag)) {
                throw new IllegalArgumentException(test + " has tag \"" + tag + "\" twice in " + tags);
            }
        }
        return List.copyOf(tags);
    }
}
