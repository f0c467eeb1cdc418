package nnlab.grading;

/**
 * Puts text the grader does not control (failure messages, compiler messages, the runner's problems) into Markdown
 * so that it is shown as written and cannot add headings, links or images. Shared by every report the grader
 * writes for students (compile errors, reconciliation); test authors may use it in {@link Feedback#markdown}.
 */
public final class MarkdownText {

    private MarkdownText() {
    }

    /**
     * {@code text} as a fenced code block: the fence has more backticks than any run of backticks in the text (at
     * least three), so the text cannot close it. Ends without a newline.
     */
    public static String fenced(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        String body = text.endsWith("\n") ? text : text + "\n";
        return fence + "\n" + body + fence;
    }
}
