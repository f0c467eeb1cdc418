package nnlab.grading.runner;

/** How a test ended, as the runner accounts for it. Only {@link #PASSED} earns points. */
public enum OutcomeStatus {
    /** The test ran and passed. */
    PASSED,
    /** The test failed, threw, timed out, or its JVM died or was killed while it ran. */
    FAILED,
    /** The test did not run: skipped ({@code @Disabled}), aborted by an assumption, or never reached. */
    NOT_RUN
}
