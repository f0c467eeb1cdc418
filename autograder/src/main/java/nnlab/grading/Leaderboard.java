package nnlab.grading;

import java.util.Objects;
import nnlab.grading.results.LeaderboardEntry;

/**
 * Leaderboard values from a {@link Graded} test: {@code Leaderboard.report("test loss", loss, LeaderboardOrder.ASC)}.
 * The runner puts them in the {@code leaderboard} of Gradescope's {@code results.json}.
 *
 * <p>Reporting the same name again in the same test replaces the earlier value; a test may report at most
 * 50 distinct names. Values are reported whether the test passes or fails (the runner decides whether a
 * failed test's values count). Which threads count, and what happens outside a graded test (the call is
 * ignored), is as for {@link Grade#partial}.
 */
public final class Leaderboard {

    private Leaderboard() {
    }

    /**
     * Reports {@code value} under {@code name}; larger is better ({@link LeaderboardOrder#DESC}), as for an accuracy.
     *
     * @throws IllegalArgumentException if {@code name} is blank or {@code value} is NaN or infinite
     * @throws NullPointerException     if {@code name} is null
     * @throws IllegalStateException    if this would be the test's 51st distinct name
     */
    public static void report(String name, double value) {
        report(name, value, LeaderboardOrder.DESC);
    }

    /**
     * Reports {@code value} under {@code name}, ranked by {@code order}: {@link LeaderboardOrder#ASC} when smaller
     * is better (a loss, a time), {@link LeaderboardOrder#DESC} when larger is better (an accuracy).
     *
     * @throws IllegalArgumentException if {@code name} is blank or {@code value} is NaN or infinite
     * @throws NullPointerException     if {@code name} or {@code order} is null
     * @throws IllegalStateException    if this would be the test's 51st distinct name
     */
    public static void report(String name, double value, LeaderboardOrder order) {
        Objects.requireNonNull(name, "Leaderboard.report: name is null; give the column a name such as \"accuracy\"");
        LeaderboardEntry entry = new LeaderboardEntry(name, value, order); // checks the other arguments
        GradeRecorder recorder = GradeRecorder.current();
        if (recorder != null) {
            recorder.leaderboard(entry);
        }
    }
}
