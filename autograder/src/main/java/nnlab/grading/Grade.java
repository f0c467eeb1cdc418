package nnlab.grading;

import java.util.Objects;

/**
 * Partial credit inside a {@link Graded} test:
 * {@code Grade.partial(0.5, "db is wrong: sum gradOut over the batch")}.
 *
 * <p>A test may call {@link #partial} several times; its credit is the <em>smallest</em> fraction given
 * (so a call can only lower the credit, never raise it), and every reason is shown, in order. A test that
 * never calls it earns full credit if it passes. A test that fails or throws earns 0 whatever was recorded;
 * recording does not stop the test, so use an assertion (or {@code return}) when nothing more should count.
 *
 * <p>The call counts in the test's own thread and in threads that thread starts while the test runs
 * (including {@code assertTimeoutPreemptively}'s), not in threads that already existed (e.g. a shared pool).
 * Outside a graded test (a plain {@code @Test}, a {@code main} method, a thread that outlived its test) the
 * arguments are still checked, and the call is then ignored.
 */
public final class Grade {

    private Grade() {
    }

    /**
     * Gives the running graded test at most {@code fraction} of its points, and says why.
     *
     * @param fraction the share of the points earned, in {@code [0, 1]}: 0 is nothing, 1 is full credit
     * @param reason   what was wrong and, ideally, how to fix it; shown to the student; not blank
     * @throws IllegalArgumentException if {@code fraction} is NaN or outside {@code [0, 1]}, or {@code reason} is blank
     * @throws NullPointerException     if {@code reason} is null
     */
    public static void partial(double fraction, String reason) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("Grade.partial: fraction must be in [0, 1], got " + fraction
                    + "; give the share of the points earned, e.g. 0.5 for half");
        }
        Objects.requireNonNull(reason, "Grade.partial: reason is null; say what was wrong, e.g. \"db is wrong\"");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("Grade.partial: reason is blank; say what was wrong, e.g. \"db is"
                    + " wrong\", so the student knows why points were lost");
        }
        GradeRecorder recorder = GradeRecorder.current();
        if (recorder != null) {
            recorder.partial(fraction + 0.0, reason); // + 0.0 turns -0.0 into 0.0
        }
    }
}
