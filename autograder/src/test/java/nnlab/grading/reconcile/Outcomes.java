package nnlab.grading.reconcile;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import nnlab.grading.GradeReport;
import nnlab.grading.Visibility;
import nnlab.grading.results.LeaderboardEntry;
import nnlab.grading.runner.ClassRunResult;
import nnlab.grading.runner.OutcomeStatus;
import nnlab.grading.runner.TestOutcome;

/** Hand-built specs, outcomes and class runs for the reconciler's tests. */
final class Outcomes {

    static final String LINEAR = "lab02.LinearHiddenTest";
    static final String TRAINING = "lab02.TrainingHiddenTest";

    private Outcomes() {
    }

    static GradedTestSpec spec(String className, String method, double points, String... files) {
        return new GradedTestSpec(className, method, points, null, method, Visibility.VISIBLE, Arrays.asList(files));
    }

    static TestOutcome passed(String className, String method) {
        return outcome(className, method, "", OutcomeStatus.PASSED, "", GradeReport.empty());
    }

    static TestOutcome passed(String className, String method, GradeReport grade) {
        return outcome(className, method, "", OutcomeStatus.PASSED, "", grade);
    }

    static TestOutcome failed(String className, String method, String reason) {
        return outcome(className, method, "", OutcomeStatus.FAILED, reason, GradeReport.empty());
    }

    static TestOutcome invocation(String className, String method, int index, OutcomeStatus status, String reason,
                                  GradeReport grade) {
        return outcome(className, method, "[" + index + "]", status, reason, grade);
    }

    static TestOutcome outcome(String className, String method, String invocation, OutcomeStatus status,
                               String reason, GradeReport grade) {
        String id = "[engine:junit-jupiter]/[class:" + className + "]/[method:" + method + "()]"
                + (invocation.isEmpty() ? "" : "/[test-template-invocation:#" + invocation + "]");
        String display = invocation.isEmpty() ? method + "()" : invocation + " n=" + invocation;
        return new TestOutcome(id, className, method, display, status, reason, grade, "");
    }

    static GradeReport partial(double fraction, String reason) {
        return new GradeReport(OptionalDouble.of(fraction), List.of(reason), "", List.of());
    }

    static GradeReport feedback(String markdown) {
        return new GradeReport(OptionalDouble.empty(), List.of(), markdown, List.of());
    }

    static GradeReport leaderboard(LeaderboardEntry... entries) {
        return new GradeReport(OptionalDouble.empty(), List.of(), "", List.of(entries));
    }

    static ClassRunResult run(String className, TestOutcome... outcomes) {
        return new ClassRunResult(className, List.of(outcomes), "", "none (test)", List.of(), Duration.ofSeconds(1));
    }

    static ClassRunResult problem(String className, String problem, TestOutcome... outcomes) {
        return new ClassRunResult(className, List.of(outcomes), problem, "none (test)", List.of(),
                Duration.ofSeconds(1));
    }
}
