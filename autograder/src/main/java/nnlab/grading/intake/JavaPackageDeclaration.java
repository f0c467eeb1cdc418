package nnlab.grading.intake;

import java.util.Optional;

/**
 * Finds the package a Java source file declares, reading it as {@code javac} does: Unicode escapes are translated
 * first (JLS 3.3), then whitespace and comments are skipped up to the first statement (JLS 3.6, 3.7). Anything
 * unusual yields no package, so a file is only ever taken when its declaration is plainly the lab's.
 */
final class JavaPackageDeclaration {

    private final String text;
    private int pos;

    private JavaPackageDeclaration(String text) {
        this.text = text;
    }

    /**
     * The package {@code source} declares in its first statement ({@code package a.b;}), or empty when the first
     * statement is something else (the default package, an annotation, a class), when a comment is not closed,
     * or when a Unicode escape is malformed or produces a backslash. A leading byte order mark is skipped.
     */
    static Optional<String> of(String source) {
        String translated = translateUnicodeEscapes(source);
        if (translated == null) {
            return Optional.empty();
        }
        JavaPackageDeclaration parser = new JavaPackageDeclaration(translated);
        if (translated.startsWith("\uFEFF")) {
            parser.pos = 1;
        }
        return Optional.ofNullable(parser.declaration());
    }

    private String declaration() {
        if (!skipSpaceAndComments() || !"package".equals(identifier())) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        while (true) {
            if (!skipSpaceAndComments()) {
                return null;
            }
            String segment = identifier();
            if (segment == null) {
                return null;
            }
            name.append(segment);
            if (!skipSpaceAndComments() || pos >= text.length()) {
                return null;
            }
            char next = text.charAt(pos++);
            if (next == ';') {
                return name.toString();
            }
            if (next != '.') {
                return null;
            }
            name.append('.');
        }
    }

    /** Reads a Java identifier at {@code pos}, or returns null if none starts there. */
    private String identifier() {
        if (pos >= text.length() || !Character.isJavaIdentifierStart(text.codePointAt(pos))) {
            return null;
        }
        int start = pos;
        while (pos < text.length() && Character.isJavaIdentifierPart(text.codePointAt(pos))) {
            pos += Character.charCount(text.codePointAt(pos));
        }
        return text.substring(start, pos);
    }

    /** Skips Java white space and comments; false if a block comment is not closed. */
    private boolean skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    return false;
                }
                pos = end + 2;
            } else {
                return true;
            }
        }
        return true;
    }

    /**
     * Translates {@code \}{@code uXXXX} escapes (any number of {@code u}) where the backslash is preceded by an even
     * number of backslashes, as the compiler does before it reads tokens. Returns null for a malformed escape
     * (javac rejects the file) and for an escape that yields a backslash (compilers have disagreed on those).
     */
    static String translateUnicodeEscapes(String source) {
        if (source.indexOf('\\') < 0) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length());
        int backslashes = 0;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < source.length() && source.charAt(i + 1) == 'u') {
                int hex = i + 1;
                while (hex < source.length() && source.charAt(hex) == 'u') {
                    hex++;
                }
                if (hex + 4 > source.length()) {
                    return null;
                }
                int value = 0;
                for (int k = hex; k < hex + 4; k++) {
                    char h = source.charAt(k);
                    int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                            : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                    if (digit < 0) {
                        return null;
                    }
                    value = value * 16 + digit;
                }
                if (value == '\\') {
                    return null;
                }
                out.append((char) value);
                i = hex + 4;
                backslashes = 0;
                continue;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
