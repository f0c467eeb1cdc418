package nnlab.grading.release;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the student release of one lab: a copy of the instructor lab folder in which every solution region is a
 * stub that throws (see {@link SolutionRegions#starter()}).
 *
 * <p>Every {@code .java} file is replaced by its starter version; a source file with the line
 * {@code // SOLUTION-ONLY FILE} is left out, and so are build output, IDE settings and OS metadata (see
 * {@link TreeReport#leftOut()}). Other files are copied unchanged. Then the written tree is checked: no line may
 * still look like a solution marker, and every task id must start with the lab's id, taken from the folder's name
 * ({@code lab00-warmup} gives {@code lab00}). The tree is written into a hidden sibling folder and renamed into place
 * only when complete and checked, so that a half-finished release never looks finished.
 *
 * <p>Usage:
 * <pre>{@code
 * TreeReport report = StudentTree.write(Path.of("assignments/lab00-warmup"), Path.of("release/lab00-warmup"), false);
 * System.out.println(report.allTaskIds());   // [lab00.1, lab00.2, ...]
 * }</pre>
 */
public final class StudentTree {

    private StudentTree() {
    }

    /**
     * Writes the student release of {@code instructorLab} at {@code outLab}.
     *
     * @param instructorLab the instructor's lab folder, named {@code labNN-topic}
     * @param outLab        the folder to write; created with its parents if missing
     * @param replace       whether a non-empty {@code outLab} may be replaced (the old one is renamed aside, the new
     *                      one renamed in, then the old one deleted)
     * @return the files written and left out, and the task ids of each source file
     * @throws IllegalArgumentException if a source file's markers are broken (see {@link SolutionRegions#parse}), a
     *                                  task id is not of this lab, a file is a link or not UTF-8 text, the folder's
     *                                  name is not {@code labNN-topic}, or the two folders overlap
     * @throws IllegalStateException    if {@code outLab} is not empty and {@code replace} is false, or the written
     *                                  tree still contains marker text; {@code outLab} is then unchanged
     * @throws IOException              if reading or writing fails; {@code outLab} is then unchanged
     */
    public static TreeReport write(Path instructorLab, Path outLab, boolean replace) throws IOException {
        return LabTreeCopy.write(instructorLab, outLab, replace, LabTreeCopy.Version.STARTER);
    }
}
