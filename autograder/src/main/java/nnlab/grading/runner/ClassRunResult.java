package nnlab.grading.runner;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ForkedTestRun#run} found for one hidden test class.
 *
 * <p>A class that ran no test at all (not found, no tests, or its JVM died before the first one) has no
 * outcomes and a {@link #problem()} that says why: zero tests run is never a pass, and the caller scores every
 * test its manifest expects from this class as 0 with that reason.
 *
 * @param className  the class's binary name
 * @param outcomes   one per test (or template invocation) in the order JUnit ran them; see {@link TestOutcome}
 * @param problem    why the class as a whole could not be run, or "" if it could
 * @param isolation  the isolation the JVMs ran in ({@link Isolation#describe}), for {@code extra_data}
 * @param jvmRuns    the JVMs started, in order: more than one when a test crashed its JVM or a JVM recycled itself
 * @param wallTime   the time taken by the whole class
 */
public record ClassRunResult(String className, List<TestOutcome> outcomes, String problem, String isolation,
                             List<JvmRunSummary> jvmRuns, Duration wallTime) {

    /**
     * Copies the lists and checks that a class without outcomes says why.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if there are no outcomes and {@code problem} is blank
     */
    public ClassRunResult {
        Objects.requireNonNull(className, "className is null");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(problem, "problem is null; use \"\"");
        Objects.requireNonNull(isolation, "isolation is null");
        jvmRuns = List.copyOf(jvmRuns);
        Objects.requireNonNull(wallTime, "wallTime is null");
        if (outcomes.isEmpty() && problem.isBlank()) {
            throw new IllegalArgumentException("class " + className + " has no test outcomes and no problem; a"
                    + " class that ran no test must say why");
        }
    }

    /** The outcome of the test with this display name (e.g. {@code "forward()"}), the first if several. */
    public Optional<TestOutcome> outcome(String displayName) {
        return outcomes.stream().filter(o -> o.displayName().equals(displayName)).findFirst();
    }

    /** How many JVMs the class needed beyond the first. */
    public int restarts() {
        return Math.max(0, jvmRuns.size() - 1);
    }
}
