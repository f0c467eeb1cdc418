package nnlab.grading.runner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import nnlab.grading.GradeReport;

/** The events of one test JVM's outcome log, indexed by test: what started, finished, was skipped or failed. */
final class RunEvents {

    private final Map<String, OutcomeLog.Event> started = new LinkedHashMap<>();
    private final Map<String, OutcomeLog.Event> finished = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> reports = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private String launcherError = "";

    private RunEvents() {
    }

    static RunEvents of(OutcomeLog log) {
        RunEvents run = new RunEvents();
        for (OutcomeLog.Event e : log.events()) {
            String id = e.get(OutcomeFormat.ID);
            switch (e.name()) {
                case OutcomeFormat.STARTED -> run.started.put(id, e);
                case OutcomeFormat.FINISHED -> run.finished.put(id, e);
                case OutcomeFormat.REPORT -> run.reports.put(id, e.map(OutcomeFormat.ENTRIES));
                case OutcomeFormat.SKIPPED -> run.skipped.put(id, e.get(OutcomeFormat.REASON));
                case OutcomeFormat.ERROR -> run.launcherError = error(e);
                default -> {
                    // plan, plan-complete, recycle and done are read by ClassAccounting
                }
            }
        }
        return run;
    }

    /** The outcome of every test that started and finished, by unique id. */
    Map<String, TestOutcome> outcomes() {
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        started.forEach((id, start) -> {
            OutcomeLog.Event end = finished.get(id);
            if (end != null) {
                outcomes.put(id, finishedOutcome(start, end, reports.get(id)));
            }
        });
        return outcomes;
    }

    /** The last test that started and did not finish, or null. */
    OutcomeLog.Event running() {
        OutcomeLog.Event running = null;
        for (Map.Entry<String, OutcomeLog.Event> e : started.entrySet()) {
            if (!finished.containsKey(e.getKey())) {
                running = e.getValue();
            }
        }
        return running;
    }

    /** The unique ids of everything that finished: tests, planned templates and failed containers. */
    Set<String> finished() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(finished.keySet()));
    }

    /** The containers (class, template, engine) that failed or aborted, with the reason, by unique id. */
    Map<String, String> containerFailures() {
        Map<String, String> failures = new LinkedHashMap<>();
        finished.forEach((id, end) -> {
            String status = end.get(OutcomeFormat.STATUS);
            if (!started.containsKey(id) && !status.equals("SUCCESSFUL")) {
                failures.put(id, (status.equals("ABORTED") ? "aborted: " : "") + error(end));
            }
        });
        return failures;
    }

    /** The tests and containers skipped, with JUnit's reason, by unique id. */
    Map<String, String> skipped() {
        return Collections.unmodifiableMap(skipped);
    }

    /** "" or the launcher's own failure, e.g. "OutOfMemoryError: unable to create native thread". */
    String launcherError() {
        return launcherError;
    }

    /** An outcome for the test that {@code started} describes. */
    static TestOutcome outcome(OutcomeLog.Event started, OutcomeStatus status, String reason, GradeReport grade,
                               String output) {
        return new TestOutcome(started.get(OutcomeFormat.ID), started.get(OutcomeFormat.CLASS),
                started.get(OutcomeFormat.METHOD), started.get(OutcomeFormat.DISPLAY), status, reason, grade, output);
    }

    private static TestOutcome finishedOutcome(OutcomeLog.Event start, OutcomeLog.Event end,
                                               Map<String, String> report) {
        String output = end.get(OutcomeFormat.OUTPUT);
        GradeReport grade;
        try {
            grade = report == null ? GradeReport.empty() : GradeReport.fromReportEntries(report);
        } catch (IllegalArgumentException e) {
            return outcome(start, OutcomeStatus.FAILED, "its grade report could not be read: " + e.getMessage(),
                    GradeReport.empty(), output);
        }
        return switch (end.get(OutcomeFormat.STATUS)) {
            case "SUCCESSFUL" -> outcome(start, OutcomeStatus.PASSED, "", grade, output);
            case "ABORTED" -> outcome(start, OutcomeStatus.NOT_RUN, "aborted: " + error(end), grade, output);
            default -> outcome(start, OutcomeStatus.FAILED, error(end), grade, output);
        };
    }

    /** "SimpleName: message", "SimpleName", or "failed" if the event names no error. */
    private static String error(OutcomeLog.Event e) {
        String type = e.get(OutcomeFormat.ERROR);
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String message = e.get(OutcomeFormat.MESSAGE);
        if (simple.isEmpty()) {
            return message.isEmpty() ? "failed" : message;
        }
        return message.isEmpty() ? simple : simple + ": " + message;
    }
}
