package nnlab.grading.results;

import java.util.Objects;

import nnlab.grading.LeaderboardOrder;

/**
 * One column value of a Gradescope leaderboard: an entry of the {@code leaderboard} array of {@code results.json},
 * written as {@code {"name": ..., "value": ..., "order": ...}}.
 *
 * <p>Gradescope also accepts text values (e.g. {@code "*****"}); nnlab's leaderboards rank measurements, so this
 * model takes numbers only. The order is always written, although Gradescope defaults to {@code desc}, so that a
 * reader of the file need not know the default.
 *
 * @param name  the column heading, not blank
 * @param value the submission's value in that column, finite
 * @param order whether larger ({@link LeaderboardOrder#DESC}) or smaller ({@link LeaderboardOrder#ASC}) ranks higher
 * @see <a href="https://gradescope-autograders.readthedocs.io/en/latest/leaderboards/">Gradescope leaderboards</a>
 */
public record LeaderboardEntry(String name, double value, LeaderboardOrder order) {

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException if {@code name} is null or blank or {@code value} is not finite
     * @throws NullPointerException     if {@code order} is null
     */
    public LeaderboardEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a leaderboard entry needs a column name that is not blank (got "
                    + (name == null ? "null" : "\"" + name + "\"") + ")");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("leaderboard entry '" + name + "' has value " + value
                    + "; it must be finite (leave the entry out when there is nothing to rank)");
        }
        Objects.requireNonNull(order, () -> "leaderboard entry '" + name + "' needs an order (ASC or DESC)");
    }

    /** A column where larger values rank higher, e.g. test accuracy. */
    public static LeaderboardEntry higherIsBetter(String name, double value) {
        return new LeaderboardEntry(name, value, LeaderboardOrder.DESC);
    }

    /** A column where smaller values rank higher, e.g. test loss or training time. */
    public static LeaderboardEntry lowerIsBetter(String name, double value) {
        return new LeaderboardEntry(name, value, LeaderboardOrder.ASC);
    }
}
