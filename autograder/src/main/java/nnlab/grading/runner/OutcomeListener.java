package nnlab.grading.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import nnlab.grading.GradeReport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Writes what happens in the test JVM to the outcome file ({@link OutcomeFormat}), each event before JUnit
 * goes on, and ends the JVM early ("recycles" it, so the runner continues in a fresh one) after a planned test
 * or template that left the JVM in doubt: one that timed out (its abandoned thread may still be running), threw
 * a {@link VirtualMachineError} (out of memory, stack overflow), or left more than {@link #LEFTOVER_THREADS}
 * threads running. A doubtful invocation of a template recycles only when the whole template has ended, so
 * its other invocations still run.
 *
 * <p>A test that passed but left more than {@link #LEFTOVER_THREADS} threads running is reported as failed:
 * student code may not start threads (the static gate forbids it), and a thread bomb must not pass where the
 * runner has no process limit.
 */
final class OutcomeListener implements TestExecutionListener {

    /** More threads than this left running by one test make the JVM recycle after it. */
    static final int LEFTOVER_THREADS = 16;

    private final OutcomeWriter out;
    private final TestOutputCapture capture;
    private final Set<String> planned;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private int threadsAtStart;
    private String recycleReason;

    /**
     * @param planned the unique ids of the plan's items ({@link PlanItems}), where a recycle may happen
     */
    OutcomeListener(OutcomeWriter out, TestOutputCapture capture, Set<String> planned) {
        this.out = out;
        this.capture = capture;
        this.planned = Set.copyOf(planned);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (!id.isTest()) {
            return;
        }
        threadsAtStart = threads.getThreadCount();
        out.write(OutcomeFormat.STARTED, OutcomeFormat.ID, id.getUniqueId(),
                OutcomeFormat.PARENT, id.getParentId().orElse(""), OutcomeFormat.CLASS, PlanItems.className(id),
                OutcomeFormat.METHOD, PlanItems.methodName(id), OutcomeFormat.DISPLAY, id.getDisplayName());
        capture.begin();
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        Map<String, String> entries = entry.getKeyValuePairs();
        if (GradeReport.isGradeReport(entries)) {
            out.write(OutcomeFormat.REPORT, OutcomeFormat.ID, id.getUniqueId(), OutcomeFormat.ENTRIES, entries);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        out.write(OutcomeFormat.SKIPPED, OutcomeFormat.ID, id.getUniqueId(), OutcomeFormat.REASON,
                OutcomeFormat.cut(reason));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String output = id.isTest() ? capture.take() : "";
        String status = result.getStatus().name();
        Throwable error = result.getThrowable().orElse(null);
        String errorType = error == null ? "" : error.getClass().getName();
        String message = error == null ? "" : withCauses(error);
        if (id.isTest()) {
            int leftover = threads.getThreadCount() - threadsAtStart;
            if (leftover > LEFTOVER_THREADS) {
                String left = "the test left " + leftover + " threads running (at most " + LEFTOVER_THREADS
                        + " may outlive a test)";
                recycleReason = left;
                if (error == null) {
                    status = TestExecutionResult.Status.FAILED.name();
                    message = left;
                }
            }
            if (recycleReason == null) {
                recycleReason = doubt(error);
            }
        }
        if (id.isTest() || planned.contains(id.getUniqueId())
                || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            out.write(OutcomeFormat.FINISHED, OutcomeFormat.ID, id.getUniqueId(), OutcomeFormat.STATUS, status,
                    OutcomeFormat.ERROR, errorType, OutcomeFormat.MESSAGE, OutcomeFormat.cut(message),
                    OutcomeFormat.OUTPUT, OutcomeFormat.cut(output));
        }
        if (recycleReason != null && planned.contains(id.getUniqueId())) {
            out.write(OutcomeFormat.RECYCLE, OutcomeFormat.REASON, recycleReason);
            Runtime.getRuntime().halt(0);
        }
    }

    /**
     * The error's message followed by its causes ({@code caused by: Type: message}, at most 3), so that a failure
     * wrapping the real problem (an assertion that expected one exception and got a TODO stub's
     * {@code UnsupportedOperationException}) shows it. JUnit's own exceptions (the time-out's execution exception)
     * are left out.
     */
    static String withCauses(Throwable error) {
        StringBuilder text = new StringBuilder(error.getMessage() == null ? "" : error.getMessage());
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && cause != error && depth < 3; depth++, cause = cause.getCause()) {
            if (!cause.getClass().getName().startsWith("org.junit.")) {    // JUnit's own plumbing says nothing new
                text.append("\ncaused by: ").append(cause.getClass().getName()).append(": ")
                        .append(cause.getMessage());
            }
        }
        return text.toString();
    }

    /** Why the JVM is in doubt after a test that threw {@code error}, or null. */
    private static String doubt(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) { // 32: cause cycles end
            if (t instanceof TimeoutException) {
                return "a test timed out; its thread may still be running";
            }
            if (t instanceof VirtualMachineError) {
                return "a test threw " + t.getClass().getName();
            }
        }
        return null;
    }
}
