package nnlab.grading.runner;

/**
 * The outcome file that a test JVM ({@link TestJvmMain}) appends to and the runner reads after the JVM ended:
 * UTF-8, one {@link JsonLine} object per line, each written with a single {@code write} and forced to disk
 * before the test code runs further, so a JVM that dies keeps every line written before. A last line without
 * its newline (cut by the death) is ignored.
 *
 * <p>Every line holds {@code "token"}, the run's secret (see {@link TestJvmMain}), and {@code "event"}:
 * <pre>
 * plan           id, parent, kind (test | group), class, method, display   one per test or test template/factory
 *                                                                            of the class, before any test runs
 * plan-complete                                                              after the last plan line
 * started        id, parent, class, method, display                          a test starts
 * report         id, entries (object of strings)                             a grade report entry it published
 * skipped        id, reason                                                  a test or container is skipped
 * finished       id, status (SUCCESSFUL | FAILED | ABORTED), error           a test, a planned template, or any
 *                (throwable class or ""), message, output                    container that did not succeed, ends;
 *                                                                            output: what a test printed
 * recycle        reason                                                      the JVM ends early on purpose (after
 *                                                                            a time-out, an Error, leftover threads)
 * error          error, message                                              the launcher itself failed
 * done                                                                       the class ran to the end
 * </pre>
 * Ids are JUnit unique ids; {@code parent} is the parent's unique id. Messages and outputs are cut to
 * {@link #MAX_TEXT_CHARS} characters with a note.
 */
final class OutcomeFormat {

    /** The longest message or output kept per line, in chars (4 KiB). */
    static final int MAX_TEXT_CHARS = 4096;

    static final String TOKEN = "token";
    static final String EVENT = "event";
    static final String ID = "id";
    static final String PARENT = "parent";
    static final String KIND = "kind";
    static final String CLASS = "class";
    static final String METHOD = "method";
    static final String DISPLAY = "display";
    static final String ENTRIES = "entries";
    static final String REASON = "reason";
    static final String STATUS = "status";
    static final String ERROR = "error";
    static final String MESSAGE = "message";
    static final String OUTPUT = "output";

    static final String PLAN = "plan";
    static final String PLAN_COMPLETE = "plan-complete";
    static final String STARTED = "started";
    static final String REPORT = "report";
    static final String SKIPPED = "skipped";
    static final String FINISHED = "finished";
    static final String RECYCLE = "recycle";
    static final String DONE = "done";

    static final String KIND_TEST = "test";
    static final String KIND_GROUP = "group";

    private OutcomeFormat() {
    }

    /** {@code text} cut to {@link #MAX_TEXT_CHARS} chars, with a note saying how much was left out. */
    static String cut(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        int keep = MAX_TEXT_CHARS - 64;
        return text.substring(0, keep) + "\n... (" + (text.length() - keep) + " more characters not shown)";
    }
}
