package nnlab.grading.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nnlab.grading.GradeReport;

/**
 * Accounts for the tests of one class across the JVMs run for it: the plan (from the first JVM that got as far
 * as discovering it), each test's outcome, and which planned items are settled. A test that started and did not
 * finish because its JVM ended is failed with the reason; the next JVM skips every settled item.
 */
final class ClassAccounting {

    /** A test or template of the plan. */
    private record Item(String id, boolean template, String className, String methodName, String displayName) {
    }

    private final String className;
    private final Map<String, Item> plan = new LinkedHashMap<>();
    private boolean planKnown;
    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    private final Set<String> settled = new LinkedHashSet<>();
    private String problem = "";

    ClassAccounting(String className) {
        this.className = className;
    }

    /**
     * Takes what one JVM wrote and how it ended.
     *
     * @param ending what happened to the JVM, to follow "the test JVM", used when it did not end on its own terms
     * @return whether another JVM should continue with the items not yet settled
     */
    boolean take(OutcomeLog log, String ending) {
        if (!planKnown && log.first(OutcomeFormat.PLAN_COMPLETE) != null) {
            for (OutcomeLog.Event e : log.all(OutcomeFormat.PLAN)) {
                plan.put(e.get(OutcomeFormat.ID), new Item(e.get(OutcomeFormat.ID),
                        OutcomeFormat.KIND_GROUP.equals(e.get(OutcomeFormat.KIND)), e.get(OutcomeFormat.CLASS),
                        e.get(OutcomeFormat.METHOD), e.get(OutcomeFormat.DISPLAY)));
            }
            planKnown = true;
        }
        RunEvents run = RunEvents.of(log);
        run.outcomes().forEach(outcomes::put);
        boolean onOwnTerms = log.first(OutcomeFormat.DONE) != null || log.first(OutcomeFormat.RECYCLE) != null;
        OutcomeLog.Event running = run.running();
        if (!onOwnTerms && running != null) {
            outcomes.put(running.get(OutcomeFormat.ID), RunEvents.outcome(running, OutcomeStatus.FAILED,
                    jvmReason(ending, run, "during this test"), GradeReport.empty(), ""));
        }
        if (!planKnown) {
            problem = run.launcherError().isEmpty() ? jvmReason(ending, run, "before running any test of " + className)
                    : "JUnit could not discover the tests of " + className + ": " + run.launcherError();
            return false;
        }
        if (plan.isEmpty()) {
            problem = "no tests found in " + className + run.containerFailures().values().stream().findFirst()
                    .map(f -> ": " + f).orElse("");
            return false;
        }
        settle(run, running == null ? null : running.get(OutcomeFormat.ID));
        if (log.first(OutcomeFormat.DONE) != null) {
            settleRest(run);
            return false;
        }
        if (!onOwnTerms && running == null) {
            giveUp(OutcomeStatus.FAILED, "not run: " + jvmReason(ending, run, "outside any test (in a static"
                    + " initializer, a @BeforeAll or @AfterAll method, or a thread an earlier test left running)"));
            return false;
        }
        return settled.size() < plan.size();
    }

    /** The unique ids of the settled items, which the next JVM skips. */
    Set<String> skip() {
        return Set.copyOf(settled);
    }

    /** Settles every item still open with {@code status} and {@code reason}. */
    void giveUp(OutcomeStatus status, String reason) {
        for (Item item : plan.values()) {
            if (settled.add(item.id())) {
                outcomes.put(item.id(), outcome(item, status, reason));
            }
        }
    }

    /** Why the class ran no test, or "". */
    String problem() {
        return outcomes.isEmpty() && problem.isEmpty() ? "no test of " + className + " reported a result" : problem;
    }

    /** The outcomes in plan order, each template's invocations in their place. */
    List<TestOutcome> outcomes() {
        List<TestOutcome> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (Item item : plan.values()) {
            for (Map.Entry<String, TestOutcome> e : outcomes.entrySet()) {
                if (e.getKey().startsWith(item.id() + "/") && placed.add(e.getKey())) {
                    ordered.add(e.getValue());
                }
            }
            if (outcomes.containsKey(item.id()) && placed.add(item.id())) {
                ordered.add(outcomes.get(item.id()));
            }
        }
        outcomes.forEach((id, outcome) -> {
            if (placed.add(id)) {
                ordered.add(outcome);
            }
        });
        return ordered;
    }

    private void settle(RunEvents run, String runningId) {
        for (Item item : plan.values()) {
            String id = item.id();
            String skipped = run.skipped().get(id);
            String failure = run.containerFailures().get(id);
            if (skipped != null) {
                outcomes.put(id, outcome(item, OutcomeStatus.NOT_RUN, "skipped: " + skipped));
            } else if (failure != null) {
                outcomes.put(id, outcome(item, OutcomeStatus.FAILED, failure));
            }
            boolean crashedInside = runningId != null && (runningId.equals(id) || runningId.startsWith(id + "/"));
            if (skipped != null || failure != null || run.finished().contains(id) || crashedInside) {
                settled.add(id);
            }
        }
    }

    private void settleRest(RunEvents run) {
        for (Item item : plan.values()) {
            if (settled.add(item.id())) {
                String reason = "not run: JUnit reported no result for this test";
                for (Map.Entry<String, String> e : run.containerFailures().entrySet()) {
                    if (item.id().startsWith(e.getKey() + "/")) {
                        reason = "not run: " + e.getValue();
                    }
                }
                for (Map.Entry<String, String> e : run.skipped().entrySet()) {
                    if (item.id().startsWith(e.getKey() + "/")) {
                        reason = "skipped: " + e.getValue();
                    }
                }
                outcomes.put(item.id(), outcome(item, OutcomeStatus.NOT_RUN, reason));
            }
        }
    }

    /** "the test JVM {ending} {where}", or, if its launcher failed, that error. */
    private static String jvmReason(String ending, RunEvents run, String where) {
        return run.launcherError().isEmpty() ? "the test JVM " + ending + " " + where
                : "the test JVM stopped " + where + " after an error JUnit cannot recover from: " + run.launcherError();
    }

    private static TestOutcome outcome(Item item, OutcomeStatus status, String reason) {
        return new TestOutcome(item.id(), item.className(), item.methodName(), item.displayName(), status, reason,
                GradeReport.empty(), "");
    }
}
