package nnlab.grading.intake;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names a lab manifest may use: ASCII Java identifiers that are not keywords. Lab code is written by
 * instructors, so ASCII is no restriction, and it keeps names identical on every file system and in every zip tool.
 */
final class JavaNames {

    private static final Pattern ASCII_IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /** Reserved keywords and literals (JLS 3.9, 3.10): never an identifier. */
    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
            "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
            "true", "false", "null", "_");

    /** Contextual keywords that cannot name a class (JLS 3.9). */
    private static final Set<String> NOT_TYPE_NAMES = Set.of("var", "yield", "record", "sealed", "permits");

    private JavaNames() {
    }

    /** Whether {@code name} is a dotted package name of ASCII identifiers, none a keyword. */
    static boolean isPackageName(String name) {
        for (String segment : name.split("\\.", -1)) {
            if (!isIdentifier(segment)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} can name a top-level class. */
    static boolean isTypeName(String name) {
        return isIdentifier(name) && !NOT_TYPE_NAMES.contains(name);
    }

    private static boolean isIdentifier(String name) {
        return ASCII_IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name);
    }
}
