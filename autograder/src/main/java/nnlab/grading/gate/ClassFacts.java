package nnlab.grading.gate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the gate reads from one class file besides forbiddenapis' findings: where it came from, which method holds
 * each line, which classes its code uses, and the declarations the built-in checks look for.
 *
 * @param className          the binary name, e.g. {@code lab02.Softmax$Row}
 * @param sourceFile         the {@code SourceFile} attribute (e.g. {@code Softmax.java}), or {@code null} when the
 *                           class was compiled without it
 * @param methodsByLine      for each source line, the methods whose code has it; a lambda body counts as the method
 *                           that declares the lambda
 * @param references         the classes that code or the class declaration uses, once per place
 * @param suppressions       where forbiddenapis' {@code @SuppressForbidden} annotates the class or a member
 * @param finalizerLine      the first line of a {@code finalize()} override, {@link Violation#UNKNOWN_LINE} when it
 *                           has no line numbers; {@code null} when the class declares none
 */
record ClassFacts(String className, String sourceFile, Map<Integer, Set<String>> methodsByLine,
                  List<Place> references, List<Place> suppressions, Integer finalizerLine) {

    /** Names for members of a class in {@link Place#member()}: the constructor and the static initializer. */
    static final String CONSTRUCTOR = "<init>";
    static final String STATIC_INITIALIZER = "<clinit>";

    /**
     * A place in a class.
     *
     * @param member the method or field (JVM name: {@code <init>}, {@code <clinit>}), or {@code ""} for the class
     *               declaration
     * @param line   the source line, or {@link Violation#UNKNOWN_LINE}
     * @param what   what is there: a class's binary name for references, the annotation for suppressions
     */
    record Place(String member, int line, String what) {
    }

    /** Copies the collections. */
    ClassFacts {
        methodsByLine = Map.copyOf(methodsByLine);
        references = List.copyOf(references);
        suppressions = List.copyOf(suppressions);
    }

    /**
     * The method whose code at {@code line} uses {@code usedClass}: when several methods have code on that line
     * (a one-line class's implicit constructor and its method), those that refer to {@code usedClass} there, if
     * any do (a call through a subclass refers to the subclass, so then all of them). Returns the JVM name,
     * several joined with {@code " / "} in name order, {@code ""} when no method has the line.
     */
    String methodAt(int line, String usedClass) {
        SortedSet<String> names = new TreeSet<>(methodsByLine.getOrDefault(line, Set.of()));
        if (names.size() > 1) {
            SortedSet<String> using = new TreeSet<>();
            for (Place reference : references) {
                if (reference.line() == line && reference.what().equals(usedClass)
                        && names.contains(reference.member())) {
                    using.add(reference.member());
                }
            }
            if (!using.isEmpty()) {
                names = using;
            }
        }
        return String.join(" / ", names);
    }

    /** The simple name of the top-level class this class is part of: {@code Softmax} for {@code lab02.Softmax$Row}. */
    String topLevelSimpleName() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int dollar = simple.indexOf('$');
        return dollar < 0 ? simple : simple.substring(0, dollar);
    }

    /** The package, {@code ""} for the unnamed one. */
    String packageName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
