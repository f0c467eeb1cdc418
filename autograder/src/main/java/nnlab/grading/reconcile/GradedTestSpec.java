package nnlab.grading.reconcile;

import java.util.List;
import java.util.Objects;

import nnlab.grading.Visibility;

/**
 * One graded test the manifest expects: what {@link GradedTestDiscovery} read from a {@code @Graded} method of a
 * hidden test class. The {@link Reconciler} scores it from the outcomes the runner reported for that method.
 *
 * @param className  the binary name of the hidden test class that declares the method
 * @param methodName the test method's name (unique among the class's graded methods)
 * @param points     the most points the test can earn, finite and {@code > 0}
 * @param number     the Gradescope test number (e.g. {@code "1.2"}), or {@code null} for none
 * @param name       the name shown to the student, not blank
 * @param visibility when the student sees the test
 * @param dependsOn  the student source files the test depends on (simple names such as {@code Softmax.java}),
 *                   sorted and distinct; empty means it depends on all of them
 * @param tags       the test's JUnit tags ({@code @Tag} on the method and its class), e.g. the task id
 *                   {@code lab02.3}; sorted and distinct; shown as Gradescope tags
 */
public record GradedTestSpec(String className, String methodName, double points, String number, String name,
                             Visibility visibility, List<String> dependsOn, List<String> tags) {

    /**
     * Checks the fields and sorts the dependencies.
     *
     * @throws NullPointerException     if a field other than {@code number} is null, or a dependency is
     * @throws IllegalArgumentException if a name is blank, {@code points} is not finite and positive, or
     *                                  {@code number} is blank
     */
    public GradedTestSpec {
        Objects.requireNonNull(className, "className is null");
        Objects.requireNonNull(methodName, "methodName is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(visibility, "visibility is null");
        Objects.requireNonNull(dependsOn, "dependsOn is null; use List.of() for all files");
        if (className.isBlank() || methodName.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("a graded test needs a class, a method and a name, got '" + className
                    + "', '" + methodName + "', '" + name + "'");
        }
        if (!Double.isFinite(points) || points <= 0) {
            throw new IllegalArgumentException(where(className, methodName) + " is worth " + points
                    + " points; @Graded(points = ...) must be finite and > 0");
        }
        if (number != null && number.isBlank()) {
            throw new IllegalArgumentException(where(className, methodName) + " has a blank number; use null");
        }
        dependsOn = dependsOn.stream().map(Objects::requireNonNull).distinct().sorted().toList();
        tags = Objects.requireNonNull(tags, "tags is null; use List.of()").stream().map(Objects::requireNonNull)
                .distinct().sorted().toList();
    }

    /** A test without tags. */
    public GradedTestSpec(String className, String methodName, double points, String number, String name,
                          Visibility visibility, List<String> dependsOn) {
        this(className, methodName, points, number, name, visibility, dependsOn, List.of());
    }

    /** Whether the test depends on {@code sourceFile}: it is listed, or the test depends on all files. */
    public boolean dependsOn(String sourceFile) {
        return dependsOn.isEmpty() || dependsOn.contains(sourceFile);
    }

    /** {@code className#methodName}, as error messages name the test. */
    public String where() {
        return where(className, methodName);
    }

    static String where(String className, String methodName) {
        return className + "#" + methodName;
    }
}
