package nnlab.grading.compile;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the compile step did with each student file, in file-name order.
 *
 * <p>The output folder holds the classes of the {@link FileOutcome#COMPILED} files and of the starter versions that
 * replaced broken files; the classes of {@link FileOutcome#LEFT_OUT} files are not there.
 *
 * @param files  one entry per student source file, sorted by file name
 * @param rounds how many times the compiler ran (1 when everything compiled at once)
 */
public record CompileReport(List<FileCompilation> files, int rounds) {

    /**
     * Sorts and copies the files.
     *
     * @throws NullPointerException     if {@code files} or an element is null
     * @throws IllegalArgumentException if {@code rounds} is not positive
     */
    public CompileReport {
        files = files.stream().map(Objects::requireNonNull)
                .sorted(Comparator.comparing(FileCompilation::fileName)).toList();
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
    }

    /** Whether every student file compiled as written. */
    public boolean allCompiled() {
        return files.stream().allMatch(FileCompilation::compiled);
    }

    /**
     * The files that did not compile (replaced by their stub or left out), by file name, with the compiler's
     * messages as plain text: what {@code nnlab.grading.reconcile.SubmissionChecks} takes as compile errors, so the
     * tests depending on these files score 0.
     */
    public SortedMap<String, String> brokenFiles() {
        SortedMap<String, String> broken = new TreeMap<>();
        files.stream().filter(file -> !file.compiled()).forEach(file -> broken.put(file.fileName(), file.messages()));
        return Collections.unmodifiableSortedMap(broken);
    }

    /**
     * The binary names of the top-level classes of the student files that compiled as written, sorted, e.g.
     * {@code lab02.Softmax}: what the bytecode gate checks. Starter versions that replaced broken files are not
     * listed: they are the course's code, not the student's, and the tests that use them score 0 anyway; the gate
     * still finds their classes in the output folder to resolve references.
     */
    public List<String> compiledClassNames() {
        return files.stream().filter(FileCompilation::compiled).map(FileCompilation::className).sorted().toList();
    }

    /** The outcome of the file named {@code fileName}, e.g. {@code Softmax.java}. */
    public FileOutcome outcome(String fileName) {
        return files.stream().filter(file -> file.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no student file named " + fileName + " in the "
                        + "report; its files are " + files.stream().map(FileCompilation::fileName).toList()))
                .outcome();
    }

    /**
     * The report for the student, in Markdown: "" when everything compiled; otherwise, per broken file, what
     * happened to it and the compiler's messages in a fenced code block (which the messages cannot close).
     */
    public String toMarkdown() {
        return CompileReportMarkdown.render(this);
    }
}
