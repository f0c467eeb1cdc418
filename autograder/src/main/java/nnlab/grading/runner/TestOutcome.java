package nnlab.grading.runner;

import java.util.Objects;

import nnlab.grading.GradeReport;

/**
 * The outcome of one test of a hidden class, as run in a test JVM and accounted for by {@link ForkedTestRun}.
 * Tests of a {@code @ParameterizedTest}, {@code @RepeatedTest} or {@code @TestFactory} appear once per invocation;
 * such a template that never ran (or failed as a whole) appears once, under its own id.
 *
 * @param uniqueId    JUnit's unique id, e.g. {@code [engine:junit-jupiter]/[class:lab02.LinearHiddenTest]/[method:forward()]}
 * @param className   the class that declares the test, or "" if JUnit did not say
 * @param methodName  the test method's name, or "" (e.g. a dynamic test)
 * @param displayName JUnit's display name, e.g. {@code "forward()"} or {@code "[2] size=3"}
 * @param status      passed, failed or not run
 * @param reason      why it failed or did not run, for the student (e.g. "AssertionFailedError: expected ..." or
 *                    "the test JVM exited with status 0 during this test ..."); "" for a passed test
 * @param grade       the grade report the test published through {@code @Graded}, or {@link GradeReport#empty()}
 * @param output      what the test printed to {@code System.out} and {@code System.err} (its first 4 KiB), or ""
 */
public record TestOutcome(String uniqueId, String className, String methodName, String displayName,
                          OutcomeStatus status, String reason, GradeReport grade, String output) {

    /**
     * Checks that nothing is null and that a failed or not-run test says why.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the id is blank, or the status is not PASSED and the reason is blank
     */
    public TestOutcome {
        Objects.requireNonNull(uniqueId, "uniqueId is null");
        Objects.requireNonNull(className, "className is null");
        Objects.requireNonNull(methodName, "methodName is null");
        Objects.requireNonNull(displayName, "displayName is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(reason, "reason is null");
        Objects.requireNonNull(grade, "grade is null; use GradeReport.empty()");
        Objects.requireNonNull(output, "output is null; use \"\"");
        if (uniqueId.isBlank()) {
            throw new IllegalArgumentException("a test outcome needs its JUnit unique id");
        }
        if (status != OutcomeStatus.PASSED && reason.isBlank()) {
            throw new IllegalArgumentException("test " + uniqueId + " is " + status + " without a reason; say why");
        }
    }

    /** Whether the test passed. */
    public boolean passed() {
        return status == OutcomeStatus.PASSED;
    }

    /** This outcome with {@code status} and {@code reason} instead. */
    public TestOutcome with(OutcomeStatus status, String reason) {
        return new TestOutcome(uniqueId, className, methodName, displayName, status, reason, grade, output);
    }
}
