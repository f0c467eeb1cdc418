package nnlab.grading.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * An entry's path inside a submission, checked and split into segments. Both {@code /} and {@code \} separate
 * segments (Windows tools such as PowerShell's {@code Compress-Archive} write {@code \}), so backslash tricks meet
 * the same checks as ordinary paths. Empty and {@code .} segments are dropped. The path is used to classify and
 * report an entry, never to write a file.
 *
 * @param segments the segments, never empty when {@link #problem} is null
 * @param problem  why the path is unsafe or too long, or null when it is fine
 * @param note     the student note for {@code problem}, or null
 */
record EntryPath(List<String> segments, IgnoreReason problem, String note) {

    /** Checks {@code raw} (an entry name or a relative path) against the safety rules and the path limits. */
    static EntryPath parse(String raw, IntakeLimits limits) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return unsafe(IgnoreReason.UNSAFE_NAME, "its name contains control characters; rename it");
            }
        }
        String path = raw.replace('\\', '/');
        if (path.startsWith("/")) {
            return unsafe(IgnoreReason.ABSOLUTE_PATH, "its path is absolute, so it was not read; make the zip "
                    + "from inside your project folder so that paths are relative");
        }
        if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
            return unsafe(IgnoreReason.ABSOLUTE_PATH, "its path starts with a drive letter, so it was not read; "
                    + "make the zip from inside your project folder so that paths are relative");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return unsafe(IgnoreReason.PATH_TRAVERSAL, "its path contains " + Display.code("..")
                        + ", which could point outside your submission, so it was not read");
            }
            if (segment.contains(":")) {
                return unsafe(IgnoreReason.UNSAFE_NAME, "its name contains " + Display.code(":")
                        + ", which Java source file names never do; rename it");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            return unsafe(IgnoreReason.UNSAFE_NAME, "it has an empty name");
        }
        if (raw.length() > limits.maxPathLength() || segments.size() > limits.maxPathDepth()) {
            return unsafe(IgnoreReason.PATH_TOO_LONG, "its path is longer than " + limits.maxPathLength()
                    + " characters or nested deeper than " + (limits.maxPathDepth() - 1)
                    + " folders, so it was not examined");
        }
        return new EntryPath(List.copyOf(segments), null, null);
    }

    private static EntryPath unsafe(IgnoreReason problem, String note) {
        return new EntryPath(List.of(), problem, note);
    }

    /** Whether the path passed every check. */
    boolean isSafe() {
        return problem == null;
    }

    /** The last segment. */
    String fileName() {
        return segments.get(segments.size() - 1);
    }

    /** The segments joined with {@code /}. */
    String normalized() {
        return String.join("/", segments);
    }

    /** Whether the path ends with {@code suffix} segment by segment ({@code a/lab02/F.java} ends with {@code lab02/F.java}). */
    boolean endsWith(List<String> suffix) {
        return segments.size() >= suffix.size()
                && segments.subList(segments.size() - suffix.size(), segments.size()).equals(suffix);
    }

    /** Whether {@code first} and then {@code second} occur as consecutive segments, ignoring case. */
    boolean containsPairIgnoreCase(String first, String second) {
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i).equalsIgnoreCase(first) && segments.get(i + 1).equalsIgnoreCase(second)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some folder segment (not the file name) equals {@code name}, ignoring case. */
    boolean hasFolderIgnoreCase(String name) {
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
