package nnlab.grading;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import nnlab.grading.results.LeaderboardEntry;

/**
 * What one graded test recorded: its partial-credit fraction and reasons, its markdown feedback and its
 * leaderboard entries. {@link GradingExtension} publishes it as a JUnit report entry
 * ({@link #toReportEntries()}) after each graded test; the runner, listening in the test JVM, decodes it with
 * {@link #fromReportEntries(Map)}. Scoring is the runner's job: a failed test earns 0 whatever it recorded.
 *
 * <p><b>Report entry format</b> (version 1). Every key starts with {@link #KEY_PREFIX}; counts and numbers
 * are plain decimal text, doubles as {@link Double#toString(double)} writes them (so they round-trip exactly);
 * every string is stored between double quotes, {@code "like this"}, with nothing escaped, since JUnit
 * rejects blank values and strings may be empty or contain anything (quotes and newlines included):
 * <pre>
 * nnlab.grading.format                 1
 * nnlab.grading.fraction               0.5          (absent: Grade.partial was never called)
 * nnlab.grading.reasons                2            (absent: 0)
 * nnlab.grading.reason.0               "db is wrong"
 * nnlab.grading.reason.1               "..."
 * nnlab.grading.feedback               "markdown"   (absent: no feedback)
 * nnlab.grading.leaderboard            1            (absent: 0)
 * nnlab.grading.leaderboard.0.name     "accuracy"
 * nnlab.grading.leaderboard.0.value    0.97
 * nnlab.grading.leaderboard.0.order    desc         (asc or desc, as in results.json)
 * </pre>
 *
 * @param fraction    the smallest fraction given to {@link Grade#partial}, in {@code [0, 1]}; empty if it was never
 *                    called (full credit for a passing test)
 * @param reasons     the reasons given to {@link Grade#partial}, in call order
 * @param feedback    the markdown given to {@link Feedback#markdown}, paragraphs separated by a blank line; empty if none
 * @param leaderboard the entries given to {@link Leaderboard#report}, in first-report order, names distinct
 */
public record GradeReport(OptionalDouble fraction, List<String> reasons, String feedback,
                          List<LeaderboardEntry> leaderboard) {

    /** The prefix of every report entry key this class writes and reads. */
    public static final String KEY_PREFIX = "nnlab.grading.";

    /** The key whose presence marks a report entry as a grade report; its value is the format version. */
    public static final String FORMAT_KEY = KEY_PREFIX + "format";

    /**
     * Checks the report and copies the lists.
     *
     * @throws NullPointerException     if an argument or a list element is null
     * @throws IllegalArgumentException if {@code fraction} is outside {@code [0, 1]} or NaN
     */
    public GradeReport {
        Objects.requireNonNull(fraction, "grade report: fraction is null; use OptionalDouble.empty() for full credit");
        if (fraction.isPresent() && !(fraction.getAsDouble() >= 0 && fraction.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("grade report: fraction must be in [0, 1], got " + fraction.getAsDouble());
        }
        reasons = List.copyOf(Objects.requireNonNull(reasons, "grade report: reasons is null; use List.of()"));
        Objects.requireNonNull(feedback, "grade report: feedback is null; use \"\" for none");
        leaderboard = List.copyOf(Objects.requireNonNull(leaderboard, "grade report: leaderboard is null; use List.of()"));
    }

    /** The report of a test that recorded nothing: full credit if it passes, no feedback, no leaderboard. */
    public static GradeReport empty() {
        return new GradeReport(OptionalDouble.empty(), List.of(), "", List.of());
    }

    /** The share of the points a <em>passing</em> test earns: {@link #fraction()}, or 1 if none was recorded. */
    public double creditFraction() {
        return fraction.orElse(1.0);
    }

    /**
     * This report as JUnit report entry key-value pairs, in the format above. Never empty (it always holds
     * {@link #FORMAT_KEY}), and no value is blank, as {@code ExtensionContext.publishReportEntry} requires.
     */
    public Map<String, String> toReportEntries() {
        return GradeReportCodec.encode(this);
    }

    /**
     * Decodes what {@link #toReportEntries()} wrote; the exact inverse, so a report survives the round trip
     * unchanged. Keys this format does not define (another extension's entries, or newer keys) are ignored,
     * so a map with none of its keys decodes to {@link #empty()}; use {@link #isGradeReport} to tell a grade
     * report from another extension's entry. {@link #FORMAT_KEY} may be absent (version 1 is assumed).
     *
     * @throws NullPointerException     if {@code entries} is null
     * @throws IllegalArgumentException if a value is malformed (the message names the key and the value) or the
     *                                  format version is not 1
     */
    public static GradeReport fromReportEntries(Map<String, String> entries) {
        return GradeReportCodec.decode(entries);
    }

    /** Whether a published report entry is a grade report (it holds {@link #FORMAT_KEY}), not someone else's. */
    public static boolean isGradeReport(Map<String, String> entries) {
        return entries.containsKey(FORMAT_KEY);
    }
}
