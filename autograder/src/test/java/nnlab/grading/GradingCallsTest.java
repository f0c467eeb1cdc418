package nnlab.grading;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Argument checks of {@link Grade}, {@link Feedback} and {@link Leaderboard}: done in and outside graded tests. */
class GradingCallsTest {

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY, -Double.MIN_VALUE})
    void partialRejectsAFractionOutsideZeroToOne(double fraction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grade.partial(fraction, "why"));

        assertThat(e.getMessage(), containsString("fraction must be in [0, 1], got " + fraction));
    }

    @Test
    void partialAcceptsTheEndsOfTheRange() {
        assertDoesNotThrow(() -> Grade.partial(0, "nothing"));
        assertDoesNotThrow(() -> Grade.partial(1, "everything"));
    }

    @Test
    void partialNeedsAReason() {
        NullPointerException missing = assertThrows(NullPointerException.class, () -> Grade.partial(0.5, null));
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> Grade.partial(0.5, " \n"));

        assertThat(missing.getMessage(), containsString("reason is null"));
        assertThat(blank.getMessage(), containsString("reason is blank"));
    }

    @Test
    void feedbackRejectsNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Feedback.markdown(null));

        assertThat(e.getMessage(), containsString("Feedback.markdown: text is null"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void leaderboardRejectsANonFiniteValue(double value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Leaderboard.report("accuracy", value));

        assertThat(e.getMessage(), containsString("leaderboard entry 'accuracy' has value " + value));
    }

    @Test
    void leaderboardRejectsAMissingOrBlankNameAndAMissingOrder() {
        assertThrows(NullPointerException.class, () -> Leaderboard.report(null, 1));
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> Leaderboard.report("  ", 1, LeaderboardOrder.ASC));
        NullPointerException order = assertThrows(NullPointerException.class, () -> Leaderboard.report("loss", 1, null));

        assertThat(blank.getMessage(), containsString("needs a column name that is not blank"));
        assertThat(order.getMessage(), containsString("needs an order (ASC or DESC)"));
    }
}
