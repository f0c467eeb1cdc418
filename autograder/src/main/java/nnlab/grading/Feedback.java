package nnlab.grading;

import java.util.Objects;

/**
 * Markdown shown to the student under a {@link Graded} test's result:
 * {@code Feedback.markdown("Your loss after 5 epochs: **" + loss + "** (the reference reaches 0.31)")}.
 *
 * <p>Each call appends one paragraph (paragraphs are separated by a blank line); an empty text adds nothing.
 * A test keeps at most 64 KiB (65,536 chars) of feedback; beyond that the text is cut and a note says how
 * much was left out. Feedback is shown whether the test passes or fails.
 *
 * <p>Which threads count, and what happens outside a graded test (the call is ignored), is as for
 * {@link Grade#partial}.
 */
public final class Feedback {

    private Feedback() {
    }

    /**
     * Appends {@code text} as a markdown paragraph to the running graded test's output.
     *
     * @param text markdown, e.g. {@code "Expected `[128, 10]`, got `[10, 128]`"}; may span several lines
     * @throws NullPointerException if {@code text} is null
     */
    public static void markdown(String text) {
        Objects.requireNonNull(text, "Feedback.markdown: text is null; pass the markdown to show (\"\" adds nothing)");
        GradeRecorder recorder = GradeRecorder.current();
        if (recorder != null) {
            recorder.markdown(text);
        }
    }
}
