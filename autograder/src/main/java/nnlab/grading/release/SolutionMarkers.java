package nnlab.grading.release;

import java.util.regex.Pattern;

/**
 * The marker lines of the instructor tree, in one place for the parser ({@link SolutionRegions}) and for the checks
 * that no marker reaches a student ({@link StudentTree}).
 *
 * <pre>{@code
 * // TODO(lab00.1): the hint, kept in the student's stub
 * // BEGIN SOLUTION(lab00.1)
 * ...the solution...
 * // END SOLUTION
 * }</pre>
 * and, on a line of its own anywhere in a source file that only the solutions contain, {@code // SOLUTION-ONLY FILE}.
 *
 * <p>Usage: {@code if (SolutionMarkers.looksLikeMarker(line)) { ... }}.
 */
public final class SolutionMarkers {

    /** A task id: {@code labNN.k}, e.g. {@code lab00.1} or {@code lab03.12}. */
    public static final String TASK_ID = "lab\\d{2}\\.\\d+";

    /** The exact {@code BEGIN} line; group 1 is the indentation, group 2 the task id. */
    static final Pattern BEGIN = Pattern.compile("^(\\s*)//\\s*BEGIN SOLUTION\\((" + TASK_ID + ")\\)\\s*$");

    /** The exact {@code END} line. */
    static final Pattern END = Pattern.compile("^\\s*//\\s*END SOLUTION\\s*$");

    /** The hint line; group 1 is the task id, group 2 the hint text without surrounding spaces. */
    static final Pattern HINT = Pattern.compile("^\\s*//\\s*TODO\\((" + TASK_ID + ")\\):\\s*(.*?)\\s*$");

    /** The exact line that marks a source file as part of the solutions only. */
    static final Pattern SOLUTION_ONLY_FILE = Pattern.compile("^\\s*//\\s*SOLUTION-ONLY FILE\\s*$");

    /**
     * Anything that looks like one of the markers, in any case and spelling ({@code Begin Solution},
     * {@code END_SOLUTION}, {@code BEGIN  SOLUTION}, {@code solution-only file}): a line that matches this but not
     * the exact form is a typo that would otherwise let a solution through to students.
     */
    private static final Pattern LOOSE = Pattern.compile(
            "(?i)\\b(?:BEGIN|END)[\\s_-]*SOLUTION|\\bSOLUTION[\\s_-]*ONLY[\\s_-]*FILE\\b");

    private SolutionMarkers() {
    }

    /**
     * Whether a text (one line, or a whole file) contains something that looks like a solution marker, exact or
     * misspelt.
     */
    public static boolean looksLikeMarker(String text) {
        return LOOSE.matcher(text).find();
    }

    /** Whether a line (without its ending) is exactly the {@code // SOLUTION-ONLY FILE} marker. */
    public static boolean isSolutionOnlyLine(String line) {
        return SOLUTION_ONLY_FILE.matcher(line).matches();
    }
}
