package nnlab.grading.release;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the published solutions of one lab as a folder: a copy of the instructor lab folder with the marker lines
 * dropped (see {@link SolutionRegions#solution()}); solution-only files are kept, without their
 * {@code // SOLUTION-ONLY FILE} line. The rest is as {@link StudentTree} does: the same files left out, the same
 * checks, the same write-then-rename. {@link SolutionsBranch} publishes such a folder as a git commit.
 *
 * <p>Usage:
 * <pre>{@code
 * TreeReport report = SolutionTree.write(Path.of("assignments/lab00-warmup"), Path.of("solutions/lab00-warmup"), true);
 * }</pre>
 */
public final class SolutionTree {

    private SolutionTree() {
    }

    /**
     * Writes the solutions of {@code instructorLab} at {@code outLab}.
     *
     * @param instructorLab the instructor's lab folder, named {@code labNN-topic}
     * @param outLab        the folder to write; created with its parents if missing
     * @param replace       whether a non-empty {@code outLab} may be replaced
     * @return the files written and left out, and the task ids of each source file
     * @throws IllegalArgumentException as {@link StudentTree#write} does
     * @throws IllegalStateException    as {@link StudentTree#write} does
     * @throws IOException              if reading or writing fails; {@code outLab} is then unchanged
     */
    public static TreeReport write(Path instructorLab, Path outLab, boolean replace) throws IOException {
        return LabTreeCopy.write(instructorLab, outLab, replace, LabTreeCopy.Version.SOLUTION);
    }
}
