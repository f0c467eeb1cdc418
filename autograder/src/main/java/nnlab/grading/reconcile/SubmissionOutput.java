package nnlab.grading.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

import nnlab.grading.MarkdownText;
import nnlab.grading.runner.ClassRunResult;

/**
 * The Markdown shown above the tests: intake notes, compile errors, the gate's report, problems of whole test
 * classes, and a note when no graded test ran. Sections without content are left out; headings are level 3, as
 * those of the intake's and the gate's reports.
 */
final class SubmissionOutput {

    private SubmissionOutput() {
    }

    /** The text; "" when there is nothing to say. */
    static String render(List<GradedTestSpec> specs, SortedMap<String, ClassRunResult> runs, SubmissionChecks checks,
                         boolean anyRan) {
        List<String> sections = new ArrayList<>();
        if (!checks.intakeNotes().isBlank()) {
            sections.add(checks.intakeNotes().strip());
        }
        if (!checks.compileErrors().isEmpty()) {
            StringBuilder text = new StringBuilder("### Compile errors\n\nThe tests that use these files did not run.");
            checks.compileErrors().forEach((file, messages) -> text.append("\n\n#### ").append(file).append("\n\n")
                    .append(MarkdownText.fenced(messages.isBlank() ? "(the compiler gave no message)" : messages)));
            sections.add(text.toString());
        }
        if (!checks.gateReport().isBlank()) {
            sections.add(checks.gateReport().strip());
        } else if (!checks.gateViolations().isEmpty()) {
            StringBuilder text = new StringBuilder("### APIs lab code may not use\n\nThe tests that use these files "
                    + "score 0.");
            checks.gateViolations().forEach((file, markdown) -> text.append("\n\n#### ").append(file)
                    .append("\n\n").append(markdown.strip()));
            sections.add(text.toString());
        }
        String problems = classProblems(specs, runs);
        if (!problems.isEmpty()) {
            sections.add(problems);
        }
        if (!anyRan) {
            sections.add("**No graded test ran, so the score is 0.**");
        }
        return String.join("\n\n", sections);
    }

    private static String classProblems(List<GradedTestSpec> specs, SortedMap<String, ClassRunResult> runs) {
        Set<String> classes = new TreeSet<>();
        specs.forEach(spec -> classes.add(spec.className()));
        StringBuilder text = new StringBuilder();
        for (String className : classes) {
            ClassRunResult run = runs.get(className);
            if (run != null && !run.problem().isBlank()) {
                text.append("\n\n#### ").append(simpleName(className)).append("\n\n")
                        .append(MarkdownText.fenced(run.problem()));
            }
        }
        return text.isEmpty() ? "" : "### Test classes that could not run completely" + text;
    }

    private static String simpleName(String binaryName) {
        return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
    }
}
