package nnlab.grading.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import nnlab.grading.results.GradescopeResults;
import nnlab.grading.results.LeaderboardEntry;
import nnlab.grading.results.OutputFormat;
import nnlab.grading.results.TestResult;

/**
 * What {@link Reconciler#reconcile} made of a grading: a result per expected test, the Markdown about the whole
 * submission, the leaderboard, and whether any graded test ran.
 *
 * @param tests       one result per graded test of the manifest, in manifest order; outputs are Markdown
 * @param output      the Markdown shown above the tests (intake notes, compile errors, gate violations, problems of
 *                    whole test classes), or "" for none
 * @param leaderboard the leaderboard entries, sorted by name, names distinct
 * @param anyTestRan  whether at least one graded test (or invocation) ran; if not, the score is 0
 */
public record Reconciliation(List<TestResult> tests, String output, List<LeaderboardEntry> leaderboard,
                             boolean anyTestRan) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException     if an argument or element is null
     * @throws IllegalArgumentException if there is no test
     */
    public Reconciliation {
        tests = List.copyOf(tests);
        Objects.requireNonNull(output, "output is null; use \"\"");
        leaderboard = List.copyOf(leaderboard);
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("a reconciliation needs at least one test result");
        }
    }

    /** The total score: the sum of the tests' scores in order, or 0 when no test ran. */
    public double score() {
        return anyTestRan ? tests.stream().mapToDouble(TestResult::score).sum() : 0.0;
    }

    /**
     * The Gradescope results: these tests and leaderboard, the output above the tests as Markdown, Markdown test
     * outputs, and {@code extraData} (e.g. seed, JDK, backend, versions, isolation). No execution time is set, so
     * the same inputs give byte-identical {@code results.json}. When no test ran, the overall score is set to 0
     * explicitly.
     *
     * @param extraData the {@code extra_data} object; see {@link GradescopeResults#extraData()} for what it may hold
     * @throws NullPointerException     if {@code extraData} is null
     * @throws IllegalArgumentException if {@code extraData} holds a value JSON cannot represent
     */
    public GradescopeResults toResults(Map<String, ?> extraData) {
        GradescopeResults.Builder builder = GradescopeResults.builder()
                .tests(tests)
                .testOutputFormat(OutputFormat.MD)
                .extraData(Objects.requireNonNull(extraData, "extraData is null; use Map.of()"));
        if (!output.isEmpty()) {
            builder.output(output, OutputFormat.MD);
        }
        leaderboard.forEach(builder::leaderboard);
        if (!anyTestRan) {
            builder.score(0.0);
        }
        return builder.build();
    }
}
