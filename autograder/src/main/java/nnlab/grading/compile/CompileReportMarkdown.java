package nnlab.grading.compile;

/** Renders a {@link CompileReport} for the student (see {@link CompileReport#toMarkdown()}). */
final class CompileReportMarkdown {

    private CompileReportMarkdown() {
    }

    static String render(CompileReport report) {
        if (report.allCompiled()) {
            return "";
        }
        StringBuilder text = new StringBuilder("### Compile errors\n\nThe files below did not compile. The tests "
                + "that use them score 0; the other tests ran with your other files.");
        for (FileCompilation file : report.files()) {
            if (file.compiled()) {
                continue;
            }
            text.append("\n\n#### ").append(file.fileName()).append("\n\n").append(file.outcome()
                    == FileOutcome.REPLACED_BY_STUB
                    ? "Replaced by its starter version for grading."
                    : "Left out: no starter version of it could be used in its place.")
                    .append("\n\n").append(fenced(file.messages()));
        }
        return text.append('\n').toString();
    }

    /** {@code text} in a code fence longer than any run of backticks in it (at least three). */
    private static String fenced(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "\n" + text + (text.endsWith("\n") ? "" : "\n") + fence;
    }
}
