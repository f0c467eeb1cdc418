package nnlab.grading.gate;

import java.util.Comparator;
import java.util.Objects;

/**
 * One use of a forbidden API in a student's compiled code.
 *
 * @param sourceFile the student's source file the code comes from, a simple name such as {@code Softmax.java}
 *                   (nested, inner, anonymous and local classes and lambdas count for the file that declares them)
 * @param className  the binary name of the class holding the use, e.g. {@code lab02.Softmax$1}
 * @param member     the method (its name; {@code <init>} for a constructor, {@code <clinit>} for a static
 *                   initializer; for a lambda the method that declares it; several joined with {@code " / "} when
 *                   one line holds code of more than one) or field the use is in; {@code ""} when it is in the class
 *                   declaration or could not be placed
 * @param line       the source line, or {@link #UNKNOWN_LINE} when the class has no line numbers (compiled without
 *                   debug information) or the use is in a declaration
 * @param api        the forbidden API used: a method or field as its rule names it
 *                   ({@code java.lang.System#exit(int)}, {@code java.lang.Class#forName(**)}) or a class's binary
 *                   name ({@code java.lang.reflect.Method})
 * @param rule       the rule it broke: the signature as written in {@code student-forbidden.txt}
 *                   ({@code java.lang.reflect.**}), or one of the gate's own checks ({@code gate:...}, see
 *                   {@link BytecodeGate})
 * @param message    the rule's explanation for the student, in plain words
 */
public record Violation(String sourceFile, String className, String member, int line, String api, String rule,
                        String message) {

    /** {@link #line()} when the line is not known. */
    public static final int UNKNOWN_LINE = -1;

    /** Report order: by source file, then line (unknown first), class, member, API and rule. */
    static final Comparator<Violation> ORDER = Comparator.comparing(Violation::sourceFile)
            .thenComparingInt(Violation::line)
            .thenComparing(Violation::className)
            .thenComparing(Violation::member)
            .thenComparing(Violation::api)
            .thenComparing(Violation::rule);

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code line} is neither positive nor {@link #UNKNOWN_LINE}, or the source
     *                                  file, class, API, rule or message is blank
     */
    public Violation {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        if (line < 1 && line != UNKNOWN_LINE) {
            throw new IllegalArgumentException("line must be positive or UNKNOWN_LINE (-1), got " + line);
        }
        if (sourceFile.isBlank() || className.isBlank() || api.isBlank() || rule.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("a violation needs a source file, class, API, rule and message: "
                    + sourceFile + ", " + className + ", " + api + ", " + rule + ", " + message);
        }
    }

    /** Whether {@link #line()} is known. */
    public boolean hasLine() {
        return line != UNKNOWN_LINE;
    }
}
