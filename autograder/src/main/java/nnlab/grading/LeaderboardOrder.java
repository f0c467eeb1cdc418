package nnlab.grading;

import java.util.Locale;

/** How Gradescope ranks a leaderboard column: the {@code order} field of a leaderboard entry. */
public enum LeaderboardOrder {
    /** Smaller is better (e.g. a loss or a time). */
    ASC,
    /** Larger is better (e.g. an accuracy); Gradescope's default. */
    DESC;

    /** The value in {@code results.json}: {@code asc} or {@code desc}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
