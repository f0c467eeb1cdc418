package nnlab.grading.compile;

import nnlab.grading.MarkdownText;

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
                    .append("\n\n").append(MarkdownText.fenced(file.messages()));
        }
        return text.append('\n').toString();
    }
}
