package nnlab.grading.gate;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the static gate found in a student's compiled code.
 *
 * @param sourceFiles    the student source files checked (simple names such as {@code Softmax.java}), in the
 *                       order their classes were given
 * @param checkedClasses the binary names of all classes checked, sorted (top-level, nested, inner, anonymous and
 *                       local classes of those files)
 * @param violations     the uses of forbidden APIs, sorted by file, line, class, member, API and rule, without
 *                       repeats
 */
public record GateReport(List<String> sourceFiles, List<String> checkedClasses, List<Violation> violations) {

    /**
     * Copies the lists, sorting and de-duplicating the violations.
     *
     * @throws NullPointerException     if a list or an element is null
     * @throws IllegalArgumentException if a violation names a source file that is not among {@code sourceFiles}
     */
    public GateReport {
        sourceFiles = List.copyOf(sourceFiles);
        checkedClasses = checkedClasses.stream().map(Objects::requireNonNull).sorted().toList();
        violations = violations.stream().map(Objects::requireNonNull).distinct().sorted(Violation.ORDER).toList();
        for (Violation violation : violations) {
            if (!sourceFiles.contains(violation.sourceFile())) {
                throw new IllegalArgumentException("violation in " + violation.sourceFile() + ", which is not among "
                        + "the checked files " + sourceFiles);
            }
        }
    }

    /** Whether no checked file uses a forbidden API: the tests may run all of them. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /**
     * The source files with at least one violation, sorted. The runner scores the tests that depend on any of them
     * 0 and shows {@link #toMarkdown()} as the reason.
     */
    public Set<String> violatingSourceFiles() {
        Set<String> files = violations.stream().map(Violation::sourceFile)
                .collect(Collectors.toCollection(TreeSet::new));
        return Collections.unmodifiableSet(files);
    }

    /** The violations in one source file, in report order; empty for a file that passed or was not checked. */
    public List<Violation> violations(String sourceFile) {
        return violations.stream().filter(violation -> violation.sourceFile().equals(sourceFile)).toList();
    }

    /**
     * The report for the student, in Markdown (as Gradescope renders it): whether the code passed; otherwise, per
     * file, each broken rule's message once, followed by the places (line, class and method, API used; at most
     * {@value GateReportMarkdown#MAX_PLACES} per rule and file, then a count). Names are shown in code spans with
     * control characters replaced, so nothing taken from the bytecode can inject Markdown.
     */
    public String toMarkdown() {
        return GateReportMarkdown.render(this);
    }
}
