package nnlab.grading;

import java.util.Locale;

/**
 * When Gradescope shows a test (or the whole result) to the student: the {@code visibility} field of
 * {@code results.json}.
 */
public enum Visibility {
    /** Never shown to students. */
    HIDDEN,
    /** Shown once the assignment's due date has passed. */
    AFTER_DUE_DATE,
    /** Shown once the instructor publishes the grades. */
    AFTER_PUBLISHED,
    /** Always shown (Gradescope's default). */
    VISIBLE;

    /** The value in {@code results.json}: {@code hidden}, {@code after_due_date}, {@code after_published} or {@code visible}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
