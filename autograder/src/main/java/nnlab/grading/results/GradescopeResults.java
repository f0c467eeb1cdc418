package nnlab.grading.results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

import nnlab.grading.Visibility;

/**
 * The whole of a Gradescope {@code results.json}: an optional overall score, the graded tests, the leaderboard and
 * the text and data that go with them. {@link ResultsJson} writes it.
 *
 * <p>Build one with {@link #builder()}:
 * <pre>{@code
 * GradescopeResults results = GradescopeResults.builder()
 *         .test(TestResult.passed("Linear.forward matches PyTorch", 2.0).withNumber("1.1"))
 *         .test(TestResult.failed("MNIST accuracy >= 92%", 4.0, "accuracy 0.874 after 3 epochs"))
 *         .leaderboard(LeaderboardEntry.higherIsBetter("Accuracy", 0.874))
 *         .extraData("seed", 42)
 *         .build();
 * }</pre>
 *
 * <p>Every optional field is {@code null} (or empty) when absent, and is then left out of the JSON, where Gradescope
 * applies its default. Gradescope takes the overall score to be the sum of the tests' scores unless {@code score}
 * is given, which then overrides it.
 *
 * @param score            the overall score, overriding the sum of the tests' scores; {@code null} for that sum;
 *                         finite and {@code >= 0}
 * @param executionTime    how long grading took (written in whole seconds), or {@code null}; not negative. Leave it
 *                         out where two gradings of one submission must give byte-identical files
 * @param output           text about the whole submission shown above the tests (e.g. compiler errors), or
 *                         {@code null}
 * @param outputFormat     how {@code output} is rendered, or {@code null} for plain text
 * @param testOutputFormat the default format of the tests' outputs, or {@code null} for plain text
 * @param testNameFormat   the default format of the tests' names, or {@code null} for plain text
 * @param visibility       when students see the results at all, or {@code null} for Gradescope's default (visible)
 * @param stdoutVisibility when students see the autograder's standard output, or {@code null} for Gradescope's
 *                         default (hidden)
 * @param extraData        data kept with the submission and not shown (seed, JDK, backend, versions): strings,
 *                         booleans, finite numbers, lists and maps with string keys, without nulls; deep-copied and
 *                         sorted by key, empty for none
 * @param tests            the graded tests in the order Gradescope lists them; may be empty only when {@code score}
 *                         is given
 * @param leaderboard      leaderboard values with distinct names, empty for none
 * @see <a href="https://gradescope-autograders.readthedocs.io/en/latest/specs/">Gradescope autograder specifications</a>
 */
public record GradescopeResults(Double score, Duration executionTime, String output, OutputFormat outputFormat,
                                OutputFormat testOutputFormat, OutputFormat testNameFormat, Visibility visibility,
                                Visibility stdoutVisibility, SortedMap<String, Object> extraData,
                                List<TestResult> tests, List<LeaderboardEntry> leaderboard) {

    /**
     * Checks every field and copies the collections.
     *
     * @throws IllegalArgumentException if {@code score} is not finite or negative, {@code executionTime} is negative,
     *                                  there is neither a score nor a test, a test or leaderboard entry is null, two
     *                                  leaderboard entries share a name, or {@code extraData} holds a value JSON
     *                                  cannot represent
     */
    public GradescopeResults {
        if (score != null && (!Double.isFinite(score) || score < 0)) {
            throw new IllegalArgumentException("the overall score is " + score + "; it must be a finite number >= 0");
        }
        if (executionTime != null && executionTime.isNegative()) {
            throw new IllegalArgumentException("execution_time is " + executionTime + "; it cannot be negative");
        }
        tests = copyWithoutNulls(tests, "tests");
        leaderboard = copyWithoutNulls(leaderboard, "leaderboard");
        if (score == null && tests.isEmpty()) {
            throw new IllegalArgumentException("results.json needs an overall score or at least one test, as "
                    + "Gradescope requires; for a submission that could not be graded, add a failed test per "
                    + "expected test or set the score to 0");
        }
        Set<String> names = new HashSet<>();
        for (LeaderboardEntry entry : leaderboard) {
            if (!names.add(entry.name())) {
                throw new IllegalArgumentException("the leaderboard has two entries named '" + entry.name()
                        + "'; each column needs exactly one value");
            }
        }
        extraData = ExtraData.copyOf(extraData, "results.json");
    }

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The score Gradescope records: {@link #score()} when given, else the sum of the tests' scores in list order.
     */
    public double totalScore() {
        if (score != null) {
            return score;
        }
        double sum = 0;
        for (TestResult t : tests) {
            sum += t.score();
        }
        return sum;
    }

    /** The sum of the tests' {@code max_score}s in list order; 0 when there are no tests. */
    public double totalMaxScore() {
        double sum = 0;
        for (TestResult t : tests) {
            sum += t.maxScore();
        }
        return sum;
    }

    private static <T> List<T> copyWithoutNulls(List<T> list, String field) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] is null; leave it out instead");
            }
        }
        return List.copyOf(list);
    }

    /**
     * Collects the fields of a {@link GradescopeResults}; {@link #build()} checks them. Not thread-safe; each
     * setter returns this builder.
     */
    public static final class Builder {
        private Double score;
        private Duration executionTime;
        private String output;
        private OutputFormat outputFormat;
        private OutputFormat testOutputFormat;
        private OutputFormat testNameFormat;
        private Visibility visibility;
        private Visibility stdoutVisibility;
        private final Map<String, Object> extraData = new LinkedHashMap<>();
        private final List<TestResult> tests = new ArrayList<>();
        private final List<LeaderboardEntry> leaderboard = new ArrayList<>();

        private Builder() {
        }

        /** Sets the overall score, which overrides the sum of the tests' scores. */
        public Builder score(double score) {
            this.score = score;
            return this;
        }

        /** Sets how long grading took; written in whole seconds. */
        public Builder executionTime(Duration executionTime) {
            this.executionTime = executionTime;
            return this;
        }

        /** Sets the text about the whole submission, shown above the tests. */
        public Builder output(String output) {
            this.output = output;
            return this;
        }

        /** Sets the text about the whole submission and how it is rendered. */
        public Builder output(String output, OutputFormat format) {
            this.output = output;
            this.outputFormat = format;
            return this;
        }

        /** Sets the default format of the tests' outputs. */
        public Builder testOutputFormat(OutputFormat format) {
            this.testOutputFormat = format;
            return this;
        }

        /** Sets the default format of the tests' names. */
        public Builder testNameFormat(OutputFormat format) {
            this.testNameFormat = format;
            return this;
        }

        /** Sets when students see the results. */
        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        /** Sets when students see the autograder's standard output. */
        public Builder stdoutVisibility(Visibility visibility) {
            this.stdoutVisibility = visibility;
            return this;
        }

        /** Adds (or replaces) one {@code extra_data} entry; see {@link GradescopeResults#extraData()} for the types. */
        public Builder extraData(String key, Object value) {
            extraData.put(Objects.requireNonNull(key, "extra_data key"), value);
            return this;
        }

        /** Adds (or replaces) every entry of {@code data} in {@code extra_data}. */
        public Builder extraData(Map<String, ?> data) {
            data.forEach(this::extraData);
            return this;
        }

        /** Appends a test. */
        public Builder test(TestResult test) {
            tests.add(test);
            return this;
        }

        /** Appends the tests in iteration order. */
        public Builder tests(Collection<TestResult> tests) {
            this.tests.addAll(tests);
            return this;
        }

        /** Appends a leaderboard entry. */
        public Builder leaderboard(LeaderboardEntry entry) {
            leaderboard.add(entry);
            return this;
        }

        /**
         * The results.
         *
         * @throws IllegalArgumentException as the {@link GradescopeResults} constructor does
         */
        public GradescopeResults build() {
            return new GradescopeResults(score, executionTime, output, outputFormat, testOutputFormat,
                    testNameFormat, visibility, stdoutVisibility, ExtraData.copyOf(extraData, "results.json"),
                    tests, leaderboard);
        }
    }
}
