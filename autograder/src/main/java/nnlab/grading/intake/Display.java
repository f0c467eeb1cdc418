package nnlab.grading.intake;

/**
 * Shows text that came from a submission (paths, package names) to a student without letting it break the
 * Markdown around it or hide characters.
 */
final class Display {

    /** Longest text shown in a code span; longer text is cut with an ellipsis. */
    static final int MAX_SHOWN = 120;
    /** Longest path kept in a report entry. */
    static final int MAX_KEPT = 1024;

    private Display() {
    }

    /**
     * {@code text} as a Markdown code span: control, format and separator characters replaced by U+FFFD, cut to
     * {@value #MAX_SHOWN} characters, fenced with more backticks than it contains in a row.
     */
    static String code(String text) {
        String shown = visible(cut(text, MAX_SHOWN));
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < shown.length(); i++) {
            run = shown.charAt(i) == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(longestRun + 1);
        String pad = shown.startsWith("`") || shown.endsWith("`") || shown.isBlank() ? " " : "";
        return fence + pad + shown + pad + fence;
    }

    /** {@code text} cut to {@code max} characters (an ellipsis marks the cut), never splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "\u2026";
    }

    /** A size in bytes as students read it: {@code 256 KiB}, {@code 16 MiB}, {@code 900 bytes}. */
    static String bytes(long n) {
        if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) {
            return n / (1024 * 1024) + " MiB";
        }
        if (n >= 1024 && n % 1024 == 0) {
            return n / 1024 + " KiB";
        }
        return n + " bytes";
    }

    private static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || (Character.isHighSurrogate(c) && !(i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))))
                    || (Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1))));
            out.append(hidden ? '\uFFFD' : c);
        }
        return out.toString();
    }
}
