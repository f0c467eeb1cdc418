package nnlab.grading.compile;

import java.util.Comparator;
import java.util.List;

/**
 * Writes a file's compiler errors for the student as plain text, bounded in size: one paragraph per error,
 * {@code File.java:line:column: message}, then the source line and a caret under the error's place where known.
 * Errors are sorted by place, so the text does not depend on the order javac happened to report them in.
 */
final class ErrorText {

    /** Errors listed per file; the rest are counted. */
    static final int MAX_ERRORS_PER_FILE = 20;

    /** Longest message kept of one error; longer ones are cut. */
    static final int MAX_MESSAGE_CHARS = 1_000;

    /** Longest source line shown; longer ones are cut (and their caret dropped when past the cut). */
    static final int MAX_SOURCE_LINE_CHARS = 160;

    private static final Comparator<CompilerError> BY_PLACE = Comparator.comparingLong(CompilerError::line)
            .thenComparingLong(CompilerError::column).thenComparing(CompilerError::message);

    private ErrorText() {
    }

    /**
     * The text for {@code errors}, all in the file named {@code fileName} whose contents are {@code source}.
     *
     * @param hiddenPrefix a text removed from messages wherever it occurs (the grader's source root folder), so
     *                     messages do not show grader paths and do not depend on where the grader worked
     */
    static String render(String fileName, String source, List<CompilerError> errors, String hiddenPrefix) {
        List<CompilerError> sorted = errors.stream().sorted(BY_PLACE).toList();
        String[] lines = source.split("\r\n|\r|\n", -1);
        long[] lineStarts = lineStarts(source, lines.length);
        StringBuilder text = new StringBuilder();
        for (CompilerError error : sorted.subList(0, Math.min(sorted.size(), MAX_ERRORS_PER_FILE))) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(fileName);
            if (error.line() > 0) {
                text.append(':').append(error.line());
                if (error.column() > 0) {
                    text.append(':').append(error.column());
                }
            }
            text.append(": ").append(message(error.message(), hiddenPrefix));
            if (error.line() > 0 && error.line() <= lines.length) {
                appendSourceLine(text, lines[(int) error.line() - 1], error.position(),
                        lineStarts[(int) error.line() - 1]);
            }
        }
        int more = sorted.size() - MAX_ERRORS_PER_FILE;
        if (more > 0) {
            text.append("\n\n(").append(more).append(more == 1 ? " more error" : " more errors")
                    .append(" not shown; fix the first ones and compile again)");
        }
        return text.toString();
    }

    private static String message(String message, String hiddenPrefix) {
        String text = hiddenPrefix.isEmpty() ? message : message.replace(hiddenPrefix, "");
        text = printable(text, true);
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + " [...]";
    }

    private static void appendSourceLine(StringBuilder text, String line, long position, long lineStart) {
        boolean cut = line.length() > MAX_SOURCE_LINE_CHARS;
        String shown = printable(cut ? line.substring(0, MAX_SOURCE_LINE_CHARS) : line, false);
        text.append('\n').append(shown).append(cut ? " [...]" : "");
        long offset = position - lineStart;
        if (position >= 0 && offset >= 0 && offset < shown.length()) {
            StringBuilder caret = new StringBuilder();
            for (int i = 0; i < offset; i++) {
                caret.append(shown.charAt(i) == '\t' ? '\t' : ' ');
            }
            text.append('\n').append(caret).append('^');
        }
    }

    /** {@code text} with control characters (other than tabs, and newlines when allowed) shown as {@code ?}. */
    private static String printable(String text, boolean newlines) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || (newlines && c == '\n');
            out.append(Character.isISOControl(c) && !allowed ? '?' : c);
        }
        return out.toString();
    }

    /** The offset of each line's first character, with javac's line ends ({@code \r\n}, {@code \r}, {@code \n}). */
    private static long[] lineStarts(String source, int count) {
        long[] starts = new long[count];
        int line = 1;
        for (int i = 0; i < source.length() && line < count; i++) {
            char c = source.charAt(i);
            if (c == '\r' && i + 1 < source.length() && source.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\r' || c == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }
}
