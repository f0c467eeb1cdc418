package nnlab.grading;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import nnlab.grading.results.LeaderboardEntry;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;

/** The report entry codec of {@link GradeReport}: exact round trips, tolerance of unknown keys, strict values. */
class GradeReportTest {

    /** Strings that break naive encodings: blank, quotes, separators, newlines, keys, control and odd chars. */
    private static final List<String> TRICKY = List.of("", " ", "\n", "\"", "\"\"", "a\"b\"", "x = y; z, w | v \\ u",
            "nnlab.grading.reason.0", "line 1\r\nline 2\n\n", "\t tab \u0000 nul", "μ ∑ 🎉", "\uD800 lone surrogate",
            "   leading and trailing   ");

    private static GradeReport trickyReport() {
        List<LeaderboardEntry> entries = List.of(
                new LeaderboardEntry("accuracy", 0.1 + 0.2, LeaderboardOrder.DESC),
                new LeaderboardEntry("\"quoted\"\nname", -1e300, LeaderboardOrder.ASC),
                new LeaderboardEntry("tiny", Double.MIN_VALUE, LeaderboardOrder.ASC),
                new LeaderboardEntry("huge", Double.MAX_VALUE, LeaderboardOrder.DESC),
                new LeaderboardEntry("negative zero", -0.0, LeaderboardOrder.DESC));
        return new GradeReport(OptionalDouble.of(1.0 / 3), TRICKY, String.join("\n\n", TRICKY), entries);
    }

    @Test
    void aReportWithTrickyStringsAndNumbersSurvivesTheRoundTripExactly() {
        GradeReport report = trickyReport();

        GradeReport decoded = GradeReport.fromReportEntries(report.toReportEntries());

        assertThat(decoded, equalTo(report));
        assertThat(Double.doubleToRawLongBits(decoded.leaderboard().get(4).value()),
                is(Double.doubleToRawLongBits(-0.0)));
    }

    @Test
    void theEntriesAreAcceptedByJUnitAndSurviveItsReportEntry() {
        for (String text : TRICKY) {
            GradeReport report = new GradeReport(OptionalDouble.of(0.5), List.of(text), text,
                    List.of(new LeaderboardEntry("n" + text, 1, LeaderboardOrder.ASC)));

            Map<String, String> published = ReportEntry.from(report.toReportEntries()).getKeyValuePairs();

            assertThat(GradeReport.fromReportEntries(published), equalTo(report));
        }
    }

    @Test
    void theEmptyReportIsJustTheFormatAndDecodesToFullCredit() {
        Map<String, String> entries = GradeReport.empty().toReportEntries();

        assertThat(entries, equalTo(Map.of("nnlab.grading.format", "1")));
        assertThat(GradeReport.fromReportEntries(entries), equalTo(GradeReport.empty()));
        assertThat(GradeReport.fromReportEntries(entries).creditFraction(), is(1.0));
    }

    @Test
    void fractionsZeroAndOneRoundTripAndDifferFromNoFraction() {
        for (double fraction : new double[] {0.0, 1.0, Double.MIN_VALUE, Math.nextDown(1.0)}) {
            GradeReport report = new GradeReport(OptionalDouble.of(fraction), List.of("r"), "", List.of());

            assertThat(GradeReport.fromReportEntries(report.toReportEntries()), equalTo(report));
        }
        assertThat(new GradeReport(OptionalDouble.of(1.0), List.of(), "", List.of()), not(GradeReport.empty()));
    }

    @Test
    void everyKeyHasThePrefixAndTheLayoutIsAsDocumented() {
        Map<String, String> entries = new GradeReport(OptionalDouble.of(0.5), List.of("a", "b"), "**md**",
                List.of(new LeaderboardEntry("loss", 0.25, LeaderboardOrder.ASC))).toReportEntries();

        assertThat(entries.keySet(), everyItem(startsWith(GradeReport.KEY_PREFIX)));
        assertThat(entries, equalTo(Map.of(
                "nnlab.grading.format", "1",
                "nnlab.grading.fraction", "0.5",
                "nnlab.grading.reasons", "2",
                "nnlab.grading.reason.0", "\"a\"",
                "nnlab.grading.reason.1", "\"b\"",
                "nnlab.grading.feedback", "\"**md**\"",
                "nnlab.grading.leaderboard", "1",
                "nnlab.grading.leaderboard.0.name", "\"loss\"",
                "nnlab.grading.leaderboard.0.value", "0.25",
                "nnlab.grading.leaderboard.0.order", "asc")));
    }

    @Test
    void unknownKeysAreIgnored() {
        GradeReport report = trickyReport();
        Map<String, String> entries = new HashMap<>(report.toReportEntries());
        entries.put("nnlab.grading.added-in-a-later-version", "whatever");
        entries.put("nnlab.grading.reason." + TRICKY.size(), "\"beyond the count\"");
        entries.put("someone.else", "");

        assertThat(GradeReport.fromReportEntries(entries), equalTo(report));
        assertThat(GradeReport.fromReportEntries(Map.of("someone.else", "x")), equalTo(GradeReport.empty()));
    }

    @Test
    void isGradeReportTellsOurEntriesFromOthers() {
        assertThat(GradeReport.isGradeReport(GradeReport.empty().toReportEntries()), is(true));
        assertThat(GradeReport.isGradeReport(Map.of("stdout", "hello")), is(false));
    }

    @Test
    void malformedValuesAreRejectedNamingTheKeyAndValue() {
        assertMalformed(Map.of("nnlab.grading.format", "2"), "nnlab.grading.format = 2; this nnlab reads format 1");
        assertMalformed(Map.of("nnlab.grading.fraction", "half"), "nnlab.grading.fraction = half; a number is");
        assertMalformed(Map.of("nnlab.grading.fraction", "1.5"), "nnlab.grading.fraction = 1.5; a fraction is in [0, 1]");
        assertMalformed(Map.of("nnlab.grading.fraction", "NaN"), "nnlab.grading.fraction = NaN; a fraction is in [0, 1]");
        assertMalformed(Map.of("nnlab.grading.reasons", "-1"), "nnlab.grading.reasons = -1; a count is a whole number");
        assertMalformed(Map.of("nnlab.grading.reasons", "two"), "nnlab.grading.reasons = two; a count is a whole number");
        assertMalformed(Map.of("nnlab.grading.reasons", "2", "nnlab.grading.reason.0", "\"a\""),
                "key nnlab.grading.reason.1 is missing");
        assertMalformed(Map.of("nnlab.grading.reasons", "1", "nnlab.grading.reason.0", "unquoted"),
                "nnlab.grading.reason.0 = unquoted; a string is stored between double quotes");
        assertMalformed(Map.of("nnlab.grading.feedback", "\""), "nnlab.grading.feedback = \"; a string is stored");
        assertMalformed(leaderboard("\"acc\"", "0.5", "up"), "nnlab.grading.leaderboard.0.order = up; an order is asc or desc");
        assertMalformed(leaderboard("\"acc\"", "Infinity", "asc"), "leaderboard.0.value = Infinity; a leaderboard value is finite");
        assertMalformed(leaderboard("\" \"", "1", "asc"), "leaderboard.0.name = \" \"; a leaderboard name is not blank");
    }

    @Test
    void theRecordChecksItsComponents() {
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> new GradeReport(OptionalDouble.of(-0.5), List.of(), "", List.of()));
        assertThrows(NullPointerException.class, () -> new GradeReport(OptionalDouble.empty(), null, "", List.of()));
        assertThrows(NullPointerException.class, () -> new GradeReport(OptionalDouble.empty(), List.of(), null, List.of()));
        assertThrows(NullPointerException.class, () -> GradeReport.fromReportEntries(null));

        assertThat(fraction.getMessage(), containsString("fraction must be in [0, 1], got -0.5"));
    }

    private static Map<String, String> leaderboard(String name, String value, String order) {
        return Map.of("nnlab.grading.leaderboard", "1", "nnlab.grading.leaderboard.0.name", name,
                "nnlab.grading.leaderboard.0.value", value, "nnlab.grading.leaderboard.0.order", order);
    }

    private static void assertMalformed(Map<String, String> entries, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradeReport.fromReportEntries(entries));
        assertThat(e.getMessage(), startsWith("malformed grade report entry: "));
        assertThat(e.getMessage(), containsString(message));
    }
}
