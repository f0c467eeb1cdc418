package nnlab.grading.release;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The solution regions of one instructor source file, and the two files made from it: the student's starter
 * version and the published solution.
 *
 * <p>In the instructor tree a task's solution sits between marker lines, right after the task's hint:
 * <pre>{@code
 *     public static float dot(float[] a, float[] b) {
 *         // TODO(lab00.1): check that the lengths match, then accumulate a[i] * b[i] in a double
 *         // BEGIN SOLUTION(lab00.1)
 *         double total = 0;
 *         ...
 *         return (float) total;
 *         // END SOLUTION
 *     }
 * }</pre>
 * {@link #starter()} replaces each region (markers included) with one statement at the indentation of its
 * {@code BEGIN} line, {@code throw new UnsupportedOperationException("TODO(lab00.1): check that the lengths match,
 * then accumulate a[i] * b[i] in a double");}, keeping the hint comment above it. {@link #solution()} keeps the
 * code and drops the two marker lines. Everything outside the regions is copied unchanged, line endings included.
 *
 * <p>Rules, checked by {@link #parse}: markers stand alone on their line (only spaces around); the task id is
 * {@code labN.k} (e.g. {@code lab00.1}, {@code lab03.12}); regions do not nest and every {@code BEGIN} has its
 * {@code END}; the last non-blank line before {@code BEGIN SOLUTION(id)} is the hint {@code // TODO(id): what to
 * do} with the same id and a non-empty text (the stub's message, so students see it in a failing test); anything
 * that looks like a marker but is not one of the exact forms (other case, {@code END_SOLUTION}, a trailing
 * comment) is an error, so that a typo never lets a solution through. A file with the line
 * {@code // SOLUTION-ONLY FILE} belongs to the solutions only ({@link #isSolutionOnly()}).
 *
 * <p>Usage:
 * <pre>{@code
 * SolutionRegions regions = SolutionRegions.parse(Files.readString(file), file.toString());
 * Files.writeString(studentFile, regions.starter());
 * }</pre>
 */
public final class SolutionRegions {

    private final String source;
    private final List<String> lines;
    private final List<Region> regions;
    private final int solutionOnlyLine;

    /**
     * One solution region.
     *
     * @param taskId     the task, e.g. {@code lab00.1}
     * @param hint       the text of the task's {@code // TODO(id):} hint
     * @param beginLine  the 0-based line index of the {@code BEGIN} marker
     * @param endLine    the 0-based line index of the {@code END} marker
     * @param indent     the whitespace before the {@code BEGIN} marker
     */
    public record Region(String taskId, String hint, int beginLine, int endLine, String indent) {
    }

    private SolutionRegions(String source, List<String> lines, List<Region> regions, int solutionOnlyLine) {
        this.source = source;
        this.lines = lines;
        this.regions = regions;
        this.solutionOnlyLine = solutionOnlyLine;
    }

    /**
     * Finds the solution regions of a source file.
     *
     * @param source   the file's text
     * @param fileName the file's name, for error messages
     * @throws IllegalArgumentException naming the file and line, if a marker is malformed (anything that looks
     *                                  like a marker in another case or spelling counts), misplaced, nested or
     *                                  unclosed, or a region has no matching hint
     */
    public static SolutionRegions parse(String source, String fileName) {
        List<String> lines = splitKeepingEndings(source);
        List<Region> regions = new ArrayList<>();
        int open = -1;
        String openId = null;
        String openIndent = null;
        String openHint = null;
        int solutionOnlyLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = stripEnding(lines.get(i));
            Matcher begin = SolutionMarkers.BEGIN.matcher(line);
            boolean end = SolutionMarkers.END.matcher(line).matches();
            if (SolutionMarkers.isSolutionOnlyLine(line)) {
                if (solutionOnlyLine >= 0) {
                    throw problem(fileName, i, "a second // SOLUTION-ONLY FILE line (the first is line "
                            + (solutionOnlyLine + 1) + "); keep one");
                }
                solutionOnlyLine = i;
            } else if (begin.matches()) {
                if (open >= 0) {
                    throw problem(fileName, i, "BEGIN SOLUTION inside the region opened on line " + (open + 1)
                            + "; close it with // END SOLUTION first (regions do not nest)");
                }
                open = i;
                openIndent = begin.group(1);
                openId = begin.group(2);
                openHint = hintBefore(lines, i, openId, fileName);
            } else if (end) {
                if (open < 0) {
                    throw problem(fileName, i, "END SOLUTION without a BEGIN SOLUTION(labN.k) before it");
                }
                regions.add(new Region(openId, openHint, open, i, openIndent));
                open = -1;
            } else if (SolutionMarkers.looksLikeMarker(line)) {
                throw problem(fileName, i, "malformed marker '" + line.strip() + "'; write '// BEGIN SOLUTION(labNN.k)',"
                        + " '// END SOLUTION' or '// SOLUTION-ONLY FILE' alone on the line, in capitals, with a task id"
                        + " such as lab02.3");
            }
        }
        if (open >= 0) {
            throw problem(fileName, open, "BEGIN SOLUTION(" + openId + ") is never closed; add // END SOLUTION");
        }
        return new SolutionRegions(source, lines, List.copyOf(regions), solutionOnlyLine);
    }

    /** The regions in file order. */
    public List<Region> regions() {
        return regions;
    }

    /** Whether the file has the line {@code // SOLUTION-ONLY FILE}: it belongs to the solutions, not the starter. */
    public boolean isSolutionOnly() {
        return solutionOnlyLine >= 0;
    }

    /** The task ids of the regions, in file order, without repeats. */
    public Set<String> taskIds() {
        Set<String> ids = new LinkedHashSet<>();
        regions.forEach(region -> ids.add(region.taskId()));
        return ids;
    }

    /**
     * The student's starter version: each region replaced by a stub that throws with the task's hint.
     *
     * @throws IllegalStateException if the file is {@linkplain #isSolutionOnly() solution-only}: it has no starter
     *                               version and must be left out of the student tree
     */
    public String starter() {
        if (isSolutionOnly()) {
            throw new IllegalStateException("line " + (solutionOnlyLine + 1) + " marks this file // SOLUTION-ONLY FILE;"
                    + " it has no starter version: leave the file out of the student tree");
        }
        if (regions.isEmpty()) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length());
        int next = 0;
        for (Region region : regions) {
            for (int i = next; i < region.beginLine(); i++) {
                out.append(lines.get(i));
            }
            out.append(region.indent()).append("throw new UnsupportedOperationException(\"TODO(")
                    .append(region.taskId()).append("): ").append(javaString(region.hint())).append("\");")
                    .append(ending(lines.get(region.beginLine())));
            next = region.endLine() + 1;
        }
        for (int i = next; i < lines.size(); i++) {
            out.append(lines.get(i));
        }
        return out.toString();
    }

    /**
     * The published solution: the code of every region kept, the marker lines (and a {@code // SOLUTION-ONLY FILE}
     * line) dropped; the hints stay.
     */
    public String solution() {
        if (regions.isEmpty() && !isSolutionOnly()) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length());
        int regionIndex = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (i == solutionOnlyLine) {
                continue;
            }
            Region region = regionIndex < regions.size() ? regions.get(regionIndex) : null;
            if (region != null && (i == region.beginLine() || i == region.endLine())) {
                if (i == region.endLine()) {
                    regionIndex++;
                }
                continue;
            }
            out.append(lines.get(i));
        }
        return out.toString();
    }

    private static String hintBefore(List<String> lines, int beginLine, String taskId, String fileName) {
        String wanted = "'// TODO(" + taskId + "): what the student should do' (the stub's message)";
        for (int i = beginLine - 1; i >= 0; i--) {
            String line = stripEnding(lines.get(i));
            if (line.isBlank()) {
                continue;
            }
            Matcher hint = SolutionMarkers.HINT.matcher(line);
            if (!hint.matches()) {
                break;
            }
            if (!hint.group(1).equals(taskId)) {
                throw problem(fileName, beginLine, "BEGIN SOLUTION(" + taskId + ") follows the hint of "
                        + hint.group(1) + " on line " + (i + 1) + "; make the two ids the same");
            }
            if (hint.group(2).isEmpty()) {
                throw problem(fileName, beginLine, "the hint of " + taskId + " on line " + (i + 1) + " is empty;"
                        + " write " + wanted);
            }
            return hint.group(2);
        }
        throw problem(fileName, beginLine, "BEGIN SOLUTION(" + taskId + ") needs the task's hint on the line before"
                + " it: " + wanted);
    }

    private static String javaString(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static IllegalArgumentException problem(String fileName, int line, String what) {
        return new IllegalArgumentException(fileName + ":" + (line + 1) + ": " + what);
    }

    /** Splits after each line ending (\n, \r\n or \r), keeping the endings, so that output keeps them too. */
    private static List<String> splitKeepingEndings(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String stripEnding(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String ending(String line) {
        return line.substring(stripEnding(line).length());
    }
}
