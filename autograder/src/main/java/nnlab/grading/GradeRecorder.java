package nnlab.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import nnlab.grading.results.LeaderboardEntry;

/**
 * What one graded test recorded through {@link Grade}, {@link Feedback} and {@link Leaderboard}. Installed
 * by {@link GradingExtension} for the thread running the test (and, being inheritable, for the threads that
 * thread starts); {@link #current()} is null outside a graded test.
 *
 * <p>Thread-safe: a test and the threads it starts (e.g. {@code assertTimeoutPreemptively}) may record
 * at the same time. Once {@linkplain #close() closed} (the test ended and its report was taken) a recorder
 * ignores everything, so a thread that outlives its test cannot change a report already published.
 *
 * <p>Bounded: at most {@link #MAX_REASONS} reasons, {@link #MAX_FEEDBACK_CHARS} characters of feedback and
 * {@link #MAX_LEADERBOARD_ENTRIES} leaderboard names per test; what does not fit is summarised by a note.
 */
final class GradeRecorder {

    /** The most reasons kept per test; later ones still lower the fraction and are counted in a note. */
    static final int MAX_REASONS = 100;

    /** The most characters of feedback per test, the truncation note included (64 KiB of UTF-16 chars). */
    static final int MAX_FEEDBACK_CHARS = 64 * 1024;

    /** The most distinct leaderboard names per test; Gradescope shows a handful of columns. */
    static final int MAX_LEADERBOARD_ENTRIES = 50;

    /** Room kept for the truncation note, which is much shorter than this. */
    private static final int NOTE_ROOM = 200;

    private static final InheritableThreadLocal<GradeRecorder> CURRENT = new InheritableThreadLocal<>();

    private double minFraction = Double.NaN; // NaN: Grade.partial never called
    private final List<String> reasons = new ArrayList<>();
    private int omittedReasons;
    private final StringBuilder feedback = new StringBuilder();
    private long omittedFeedbackChars;
    private final Map<String, LeaderboardEntry> leaderboard = new LinkedHashMap<>();
    private boolean closed;

    /** The recorder of the graded test running on this thread, or null outside a graded test. */
    static GradeRecorder current() {
        return CURRENT.get();
    }

    /** Makes {@code recorder} the current one for this thread and the threads it starts from now on. */
    static void install(GradeRecorder recorder) {
        CURRENT.set(recorder);
    }

    /** Removes this thread's recorder if it is {@code recorder} (a later test may have installed its own). */
    static void uninstall(GradeRecorder recorder) {
        if (CURRENT.get() == recorder) {
            CURRENT.remove();
        }
    }

    /** Records a partial-credit fraction (already checked to be in [0, 1]) and its reason. */
    synchronized void partial(double fraction, String reason) {
        if (closed) {
            return;
        }
        minFraction = Double.isNaN(minFraction) ? fraction : Math.min(minFraction, fraction);
        if (reasons.size() < MAX_REASONS) {
            reasons.add(reason);
        } else {
            omittedReasons++;
        }
    }

    /** Appends a markdown paragraph, separated from the previous one by a blank line. */
    synchronized void markdown(String text) {
        if (closed || text.isEmpty()) {
            return;
        }
        String separator = feedback.length() == 0 && omittedFeedbackChars == 0 ? "" : "\n\n";
        String paragraph = separator + text;
        int room = MAX_FEEDBACK_CHARS - NOTE_ROOM - feedback.length();
        if (omittedFeedbackChars > 0 || paragraph.length() > room) {
            int kept = omittedFeedbackChars > 0 ? 0 : safeCut(paragraph, room);
            feedback.append(paragraph, 0, kept);
            omittedFeedbackChars += paragraph.length() - kept;
        } else {
            feedback.append(paragraph);
        }
    }

    /** Adds a leaderboard entry, replacing an earlier one with the same name in place. */
    synchronized void leaderboard(LeaderboardEntry entry) {
        if (closed) {
            return;
        }
        if (!leaderboard.containsKey(entry.name()) && leaderboard.size() >= MAX_LEADERBOARD_ENTRIES) {
            throw new IllegalStateException("Leaderboard.report: a test may report at most " + MAX_LEADERBOARD_ENTRIES
                    + " distinct names, and \"" + entry.name() + "\" would be one more; report fewer columns");
        }
        leaderboard.put(entry.name(), entry);
    }

    /** Stops recording: later calls (from threads that outlive the test) are ignored. */
    synchronized void close() {
        closed = true;
    }

    /** What was recorded so far, with notes for what did not fit. */
    synchronized GradeReport report() {
        List<String> allReasons = new ArrayList<>(reasons);
        if (omittedReasons > 0) {
            allReasons.add("(and " + omittedReasons + " more reasons, not shown: a test keeps at most "
                    + MAX_REASONS + ")");
        }
        String markdown = feedback.toString();
        if (omittedFeedbackChars > 0) {
            markdown += "\n\n*(feedback truncated: " + omittedFeedbackChars + " more characters not shown; a test"
                    + " keeps at most " + MAX_FEEDBACK_CHARS + ")*";
        }
        OptionalDouble fraction = Double.isNaN(minFraction) ? OptionalDouble.empty() : OptionalDouble.of(minFraction);
        return new GradeReport(fraction, allReasons, markdown, new ArrayList<>(leaderboard.values()));
    }

    /** The largest length {@code <= limit} (and {@code >= 0}) that does not split a surrogate pair. */
    private static int safeCut(String text, int limit) {
        int cut = Math.max(0, Math.min(limit, text.length()));
        if (cut > 0 && cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1))
                && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return cut;
    }
}
