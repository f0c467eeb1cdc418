package nnlab.grading.intake;

import java.io.IOException;

/**
 * The submission as a whole cannot be read: it is neither a folder nor a zip, or the zip's directory is damaged.
 * The message is written for the student (what is wrong and how to submit instead), so a grader can show it as is.
 */
public final class UnreadableSubmissionException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A submission that cannot be read, with a student-readable {@code message}. */
    public UnreadableSubmissionException(String message) {
        super(message);
    }
}
