package nnlab.grading.reconcile;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nnlab.grading.Graded;
import nnlab.grading.GradesFiles;
import org.junit.jupiter.api.Tag;

/**
 * Reads the manifest of expected graded tests from the hidden test classes: every method that carries
 * {@link Graded} (directly, or through a composed annotation) becomes a {@link GradedTestSpec}, with the files of
 * the class's {@link GradesFiles} as its dependencies.
 *
 * <p>The classes are the grader's own, compiled by the grader, but they are only <em>looked at</em> here: they are
 * loaded without being initialised ({@code Class.forName(name, false, loader)}), so no static initializer runs in
 * the grader's JVM. Only methods declared by the listed class itself count (not inherited ones, nor those of
 * {@code @Nested} classes: list those classes too).
 *
 * <p>Order: tests with a number first, by number (dot-separated parts compared as numbers where they are digits,
 * so {@code 1.2} comes before {@code 1.10}), then the tests without one, by class and then method name. The order
 * does not depend on the order of the class names given, nor on the JVM's order of declared methods.
 */
public final class GradedTestDiscovery {

    private GradedTestDiscovery() {
    }

    /**
     * The graded tests of {@code testClassNames}, sorted as described above.
     *
     * @param loader         the loader that sees the compiled hidden test classes (and the grading API)
     * @param testClassNames binary names of the hidden test classes
     * @throws NullPointerException     if an argument or a name is null
     * @throws IllegalArgumentException if no class is given, a class cannot be found, a class has no
     *                                  {@code @Graded} test, two graded methods of a class share a name, a test is
     *                                  worth 0 points or less, two tests share a number, or a {@code @GradesFiles}
     *                                  is empty or names something that is not a simple {@code .java} file name
     */
    public static List<GradedTestSpec> discover(ClassLoader loader, List<String> testClassNames) {
        Objects.requireNonNull(loader, "loader is null");
        if (testClassNames.isEmpty()) {
            throw new IllegalArgumentException("no hidden test class given; list the lab's hidden test classes");
        }
        List<GradedTestSpec> specs = new ArrayList<>();
        for (String className : new HashSet<>(testClassNames)) {
            specs.addAll(discover(load(loader, Objects.requireNonNull(className, "a test class name is null"))));
        }
        checkNumbersDistinct(specs);
        specs.sort(ORDER);
        return List.copyOf(specs);
    }

    /** The deterministic order of the manifest (see the class comment). */
    static final Comparator<GradedTestSpec> ORDER = Comparator
            .comparing((GradedTestSpec spec) -> spec.number() == null)
            .thenComparing((a, b) -> a.number() == null ? 0 : compareNumbers(a.number(), b.number()))
            .thenComparing(GradedTestSpec::className)
            .thenComparing(GradedTestSpec::methodName);

    private static Class<?> load(ClassLoader loader, String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("hidden test class " + className + " cannot be loaded (" + e
                    + "); check the class name and that the hidden tests were compiled", e);
        }
    }

    private static List<GradedTestSpec> discover(Class<?> testClass) {
        List<String> files = dependencies(testClass);
        Map<String, Method> byName = new HashMap<>();
        List<GradedTestSpec> specs = new ArrayList<>();
        for (Method method : testClass.getDeclaredMethods()) {
            Graded graded = findGraded(method, new HashSet<>());
            if (graded == null) {
                continue;
            }
            Method other = byName.put(method.getName(), method);
            if (other != null) {
                throw new IllegalArgumentException("hidden test class " + testClass.getName() + " has two @Graded "
                        + "methods named " + method.getName() + "; outcomes are matched by method name, so give "
                        + "each graded test its own name");
            }
            String where = GradedTestSpec.where(testClass.getName(), method.getName());
            if (!(graded.points() > 0) || Double.isInfinite(graded.points())) {
                throw new IllegalArgumentException(where + " has @Graded(points = " + graded.points()
                        + "); a graded test must be worth a finite number of points > 0");
            }
            String name = graded.name().isBlank() ? testClass.getSimpleName() + "." + method.getName() : graded.name();
            String number = graded.number().isBlank() ? null : graded.number();
            specs.add(new GradedTestSpec(testClass.getName(), method.getName(), graded.points(), number, name,
                    graded.visibility(), files, tags(testClass, method)));
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("hidden test class " + testClass.getName() + " declares no @Graded "
                    + "test; annotate its tests with @Graded(points = ...) or leave the class out of the manifest");
        }
        return specs;
    }

    /** {@code @Graded} on the element or on one of its annotations, at any depth; {@code null} if none. */
    private static Graded findGraded(AnnotatedElement element, Set<Class<?>> seen) {
        Graded direct = element.getAnnotation(Graded.class);
        if (direct != null) {
            return direct;
        }
        for (Annotation annotation : element.getAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (seen.add(type)) {
                Graded meta = findGraded(type, seen);
                if (meta != null) {
                    return meta;
                }
            }
        }
        return null;
    }

    private static List<String> dependencies(Class<?> testClass) {
        GradesFiles files = testClass.getAnnotation(GradesFiles.class);
        if (files == null) {
            return List.of();
        }
        if (files.value().length == 0) {
            throw new IllegalArgumentException("hidden test class " + testClass.getName() + " has an empty "
                    + "@GradesFiles; list the student files its tests use, or remove it to depend on all of them");
        }
        for (String file : files.value()) {
            if (file.isBlank() || !file.endsWith(".java") || file.contains("/") || file.contains("\\")) {
                throw new IllegalArgumentException("hidden test class " + testClass.getName() + " has @GradesFiles "
                        + "entry \"" + file + "\"; give simple source file names such as \"SoftmaxRegression.java\"");
            }
        }
        return Arrays.asList(files.value());
    }

    private static void checkNumbersDistinct(List<GradedTestSpec> specs) {
        Map<String, GradedTestSpec> byNumber = new HashMap<>();
        List<GradedTestSpec> sorted = new ArrayList<>(specs);
        sorted.sort(Comparator.comparing(GradedTestSpec::className).thenComparing(GradedTestSpec::methodName));
        for (GradedTestSpec spec : sorted) {
            if (spec.number() == null) {
                continue;
            }
            GradedTestSpec other = byNumber.putIfAbsent(spec.number(), spec);
            if (other != null) {
                throw new IllegalArgumentException("tests " + other.where() + " and " + spec.where()
                        + " both have number \"" + spec.number() + "\"; give every graded test its own number");
            }
        }
    }

    /** Compares dot-separated test numbers part by part: numerically where both parts are digits, else as text. */
    static int compareNumbers(String a, String b) {
        String[] left = a.split("\\.", -1);
        String[] right = b.split("\\.", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = comparePart(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(left.length, right.length);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int comparePart(String a, String b) {
        if (isDigits(a) && isDigits(b)) {
            String x = stripLeadingZeros(a);
            String y = stripLeadingZeros(b);
            int c = Integer.compare(x.length(), y.length());
            return c != 0 ? c : x.compareTo(y);
        }
        return a.compareTo(b);
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** The JUnit tags of the method and of its class and the classes enclosing it ({@code @Tag}, {@code @Tags}). */
    private static List<String> tags(Class<?> testClass, Method method) {
        List<String> tags = new ArrayList<>();
        for (Tag tag : method.getAnnotationsByType(Tag.class)) {
            tags.add(tag.value());
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            for (Tag tag : c.getAnnotationsByType(Tag.class)) {
                tags.add(tag.value());
            }
        }
        return tags;
    }
}
