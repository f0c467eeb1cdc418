package nnlab.grading;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalDouble;

import nnlab.grading.results.LeaderboardEntry;
import org.junit.jupiter.api.Test;

/** The per-test record behind {@link Grade}, {@link Feedback} and {@link Leaderboard}: its limits and closing. */
class GradeRecorderTest {

    @Test
    void aClosedRecorderIgnoresEverything() {
        GradeRecorder recorder = new GradeRecorder();
        recorder.partial(0.5, "before");
        recorder.close();

        recorder.partial(0.1, "after");
        recorder.markdown("after");
        recorder.leaderboard(new LeaderboardEntry("after", 1, LeaderboardOrder.ASC));

        assertThat(recorder.report(), equalTo(new GradeReport(OptionalDouble.of(0.5),
                List.of("before"), "", List.of())));
    }

    @Test
    void reasonsBeyondTheLimitStillLowerTheFractionAndAreCountedInANote() {
        GradeRecorder recorder = new GradeRecorder();
        for (int i = 0; i < GradeRecorder.MAX_REASONS + 3; i++) {
            recorder.partial(1 - i / 1000.0, "reason " + i);
        }

        GradeReport report = recorder.report();
        assertThat(report.reasons().size(), is(GradeRecorder.MAX_REASONS + 1));
        assertThat(report.reasons().get(GradeRecorder.MAX_REASONS - 1), equalTo("reason 99"));
        assertThat(report.reasons().get(GradeRecorder.MAX_REASONS), startsWith("(and 3 more reasons, not shown"));
        assertThat(report.fraction(), equalTo(OptionalDouble.of(1 - 102 / 1000.0)));
    }

    @Test
    void truncatedFeedbackNeverSplitsASurrogatePair() {
        GradeRecorder recorder = new GradeRecorder();
        recorder.markdown("\uD83C\uDF89".repeat(GradeRecorder.MAX_FEEDBACK_CHARS)); // 🎉, two chars each

        String feedback = recorder.report().feedback();
        int noteStart = feedback.indexOf("\n\n*(feedback truncated");
        assertThat(feedback.length(), lessThanOrEqualTo(GradeRecorder.MAX_FEEDBACK_CHARS));
        assertThat(noteStart % 2, is(0));
        assertThat(feedback.substring(0, noteStart), equalTo("\uD83C\uDF89".repeat(noteStart / 2)));
        assertThat(feedback, endsWith("*"));
        assertThat(feedback, containsString((2L * GradeRecorder.MAX_FEEDBACK_CHARS - noteStart) + " more characters"));
    }

    @Test
    void feedbackAfterTruncationIsCountedNotKept() {
        GradeRecorder recorder = new GradeRecorder();
        recorder.markdown("a".repeat(GradeRecorder.MAX_FEEDBACK_CHARS));
        int kept = recorder.report().feedback().indexOf("\n\n*(feedback truncated");

        recorder.markdown("b"); // "\n\nb": three more characters left out

        String feedback = recorder.report().feedback();
        assertThat(feedback, equalTo("a".repeat(kept) + "\n\n*(feedback truncated: "
                + (GradeRecorder.MAX_FEEDBACK_CHARS - kept + 3) + " more characters not shown; a test keeps at most "
                + GradeRecorder.MAX_FEEDBACK_CHARS + ")*"));
    }

    @Test
    void moreThanFiftyLeaderboardNamesIsAnError() {
        GradeRecorder recorder = new GradeRecorder();
        for (int i = 0; i < GradeRecorder.MAX_LEADERBOARD_ENTRIES; i++) {
            recorder.leaderboard(new LeaderboardEntry("column " + i, i, LeaderboardOrder.DESC));
        }
        recorder.leaderboard(new LeaderboardEntry("column 0", -1, LeaderboardOrder.ASC)); // a known name: replaced

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> recorder.leaderboard(new LeaderboardEntry("one too many", 1, LeaderboardOrder.DESC)));
        assertThat(e.getMessage(), containsString("at most 50 distinct names"));
        assertThat(e.getMessage(), containsString("\"one too many\""));
        assertThat(recorder.report().leaderboard().get(0), equalTo(new LeaderboardEntry("column 0", -1, LeaderboardOrder.ASC)));
        assertThat(recorder.report().leaderboard().size(), is(GradeRecorder.MAX_LEADERBOARD_ENTRIES));
    }

    @Test
    void negativeZeroIsRecordedAsZero() {
        GradeRecorder recorder = new GradeRecorder();
        GradeRecorder.install(recorder);
        try {
            Grade.partial(-0.0, "nothing earned");
        } finally {
            GradeRecorder.uninstall(recorder);
        }

        assertThat(recorder.report().toReportEntries().get(GradeReportCodec.FRACTION), equalTo("0.0"));
        assertThat(recorder.report().reasons(), contains("nothing earned"));
    }
}
