package nnlab.grading;

import java.util.Objects;

/**
 * One leaderboard column value reported by a graded test: {@code {"name": ..., "value": ..., "order": ...}}
 * in Gradescope's {@code results.json}.
 *
 * @param name  the column, e.g. {@code "accuracy"}; not blank
 * @param value the submission's value; finite
 * @param order whether smaller ({@link LeaderboardOrder#ASC}) or larger ({@link LeaderboardOrder#DESC}) is better
 */
public record LeaderboardEntry(String name, double value, LeaderboardOrder order) {

    /**
     * Checks the entry.
     *
     * @throws NullPointerException     if {@code name} or {@code order} is null
     * @throws IllegalArgumentException if {@code name} is blank or {@code value} is NaN or infinite
     */
    public LeaderboardEntry {
        Objects.requireNonNull(name, "leaderboard entry: name is null; give the column a name such as \"accuracy\"");
        Objects.requireNonNull(order, "leaderboard entry \"" + name + "\": order is null; use LeaderboardOrder.ASC"
                + " (smaller is better) or DESC (larger is better)");
        if (name.isBlank()) {
            throw new IllegalArgumentException("leaderboard entry: name is blank; give the column a name such as"
                    + " \"accuracy\"");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("leaderboard entry \"" + name + "\": value must be finite, got " + value
                    + "; report a finite number (a diverged run is a failed test, not a leaderboard value)");
        }
    }
}
