package nnlab.grading.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import nnlab.grading.LeaderboardOrder;

class LeaderboardEntryTest {

    @Test
    void factoriesSetTheOrder() {
        assertThat(LeaderboardEntry.higherIsBetter("Accuracy", 0.97).order(), is(LeaderboardOrder.DESC));
        assertThat(LeaderboardEntry.lowerIsBetter("Time (s)", 41.2).order(), is(LeaderboardOrder.ASC));
        assertThat(LeaderboardEntry.lowerIsBetter("Time (s)", 41.2).value(), is(41.2));
    }

    @Test
    void aValueMustBeFinite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeaderboardEntry.higherIsBetter("Accuracy", Double.NaN));
        assertThat(e.getMessage(), containsString("leaderboard entry 'Accuracy' has value NaN; it must be finite"));
    }

    @Test
    void aColumnNeedsANameAndAnOrder() {
        assertThrows(IllegalArgumentException.class, () -> LeaderboardEntry.higherIsBetter(" ", 1.0));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new LeaderboardEntry("Accuracy", 1.0, null));
        assertThat(e.getMessage(), containsString("'Accuracy' needs an order"));
    }
}
