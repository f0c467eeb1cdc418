package nnlab.grading.results;

import java.util.Locale;

/** Whether Gradescope shows a test as passed (green) or failed (red): the {@code status} field of a test. */
public enum TestStatus {
    /** The test passed. */
    PASSED,
    /** The test failed, crashed, timed out or could not run. */
    FAILED;

    /** The value in {@code results.json}: {@code passed} or {@code failed}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
