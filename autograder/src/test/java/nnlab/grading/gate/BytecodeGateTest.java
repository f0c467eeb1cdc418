package nnlab.grading.gate;

import static nnlab.grading.gate.ForbiddenUsesTest.message;
import static nnlab.grading.gate.StudentCode.lineOf;
import static nnlab.grading.gate.StudentCode.sources;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which classes the gate checks and how it attributes what it finds: nested, inner, anonymous classes and lambdas
 * count for the file that declares them; the lab template's classes are not checked; code that uses the library as
 * labs do passes.
 */
class BytecodeGateTest {

    private static final String OUTER = """
            package lab99;

            public class Outer {
                public static Runnable later() {
                    return () -> System.exit(1);
                }

                static class Inner {
                    void stop() {
                        Runtime.getRuntime().halt(1);
                    }
                }

                public static Object anonymous() {
                    return new Object() {
                        @Override
                        public String toString() {
                            return "" + Math.random();
                        }
                    };
                }
            }

            class Helper {
                static long draw() {
                    return new java.util.Random().nextLong();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void cleanLabCodePasses() throws IOException {
        String source = """
                package lab99;

                import java.util.ArrayList;
                import java.util.Arrays;
                import java.util.Collections;
                import java.util.HashMap;
                import java.util.List;
                import java.util.Map;
                import java.util.Random;
                import java.util.stream.Collectors;

                import nnlab.tensor.Tensor;
                import org.apache.commons.math3.random.RandomGenerator;

                /** What lab code looks like: tensors, seeded randomness, collections, streams, records, enums. */
                public class Clean {
                    record Score(String name, double value) {
                    }

                    enum Mode { TRAIN, EVAL }

                    private final Random random = new Random(42);
                    private final RandomGenerator rng = Tensor.rng(7L);

                    public Tensor scaledExp(Tensor logits) {
                        return logits.exp().mul(2f);
                    }

                    public Tensor noise() {
                        return Tensor.randn(rng, 0f, 1f, 2, 3);
                    }

                    public String summary(Mode mode, List<Double> values) {
                        StringBuilder text = new StringBuilder();
                        switch (mode) {
                            case TRAIN -> text.append("train ");
                            case EVAL -> text.append("eval ");
                        }
                        double total = values.stream().mapToDouble(v -> Math.exp(-v)).sum();
                        Map<String, Integer> counts = new HashMap<>();
                        List<Integer> order = new ArrayList<>(List.of(3, 1, 2));
                        Collections.shuffle(order, random);
                        Collections.sort(order);
                        double[] copy = values.stream().mapToDouble(Double::doubleValue).toArray();
                        Arrays.sort(copy);
                        counts.merge("n", values.size(), Integer::sum);
                        String names = order.stream().map(String::valueOf).collect(Collectors.joining(","));
                        System.out.println("total " + total);
                        return text + names + new Score("total", total) + counts + getClass().getSimpleName();
                    }

                    public double seeded() {
                        return random.nextGaussian() + rng.nextDouble()
                                + new org.apache.commons.math3.random.Well19937c(3L).nextDouble();
                    }
                }
                """;
        Path classes = StudentCode.compile(dir, sources("lab99/Clean.java", source));

        GateReport report = BytecodeGate.check(classes, List.of("lab99.Clean"));

        assertThat(report.violations(), is(empty()));
        assertThat(report.passed(), is(true));
        assertThat(report.violatingSourceFiles(), is(empty()));
        assertThat(report.sourceFiles(), contains("Clean.java"));
        assertThat(report.checkedClasses(), hasItems("lab99.Clean", "lab99.Clean$Mode", "lab99.Clean$Score"));
        assertThat(report.toMarkdown(), containsString("Passed: `Clean.java` uses nothing"));
    }

    @Test
    void callingWhatAStudentClassInheritsFromTheLibraryIsFine() throws IOException {
        String source = """
                package lab99;

                import nnlab.nn.Module;
                import nnlab.nn.Parameter;
                import nnlab.tensor.Tensor;

                /** A layer as labs write them: a Module subclass using the methods it inherits. */
                public class Scale extends Module {
                    private final Parameter weight;

                    public Scale(int features) {
                        weight = registerParameter("weight", new Parameter(Tensor.ones(features)));
                    }

                    @Override
                    protected Tensor doForward(Tensor x) {
                        return x.mul(weight.value());
                    }

                    @Override
                    protected Tensor doBackward(Tensor gradOut) {
                        return gradOut.mul(weight.value());
                    }

                    public int count() {
                        zeroGrad();
                        return parameters().size() + (isTraining() ? 1 : 0);
                    }
                }
                """;
        Path classes = StudentCode.compile(dir, sources("lab99/Scale.java", source));

        GateReport report = BytecodeGate.check(classes, List.of("lab99.Scale"));

        assertThat(report.violations(), is(empty()));
    }

    @Test
    void lambdasNestedAnonymousAndSecondTopLevelClassesCountForTheirFile() throws IOException {
        Path classes = StudentCode.compile(dir, sources("lab99/Outer.java", OUTER));

        GateReport report = BytecodeGate.check(classes, List.of("lab99.Outer"));

        assertThat(report.checkedClasses(), contains("lab99.Helper", "lab99.Outer", "lab99.Outer$1",
                "lab99.Outer$Inner"));
        assertThat(report.violations(), contains(
                new Violation("Outer.java", "lab99.Outer", "later", lineOf(OUTER, "System.exit"),
                        "java.lang.System#exit(int)", "java.lang.System#exit(int)",
                        message("java.lang.System#exit(int)")),
                new Violation("Outer.java", "lab99.Outer$Inner", "stop", lineOf(OUTER, "halt"),
                        "java.lang.Runtime", "java.lang.Runtime", message("java.lang.Runtime")),
                new Violation("Outer.java", "lab99.Outer$1", "toString", lineOf(OUTER, "Math.random"),
                        "java.lang.Math#random()", "java.lang.Math#random()", message("java.lang.Math#random()")),
                new Violation("Outer.java", "lab99.Helper", "draw", lineOf(OUTER, "new java.util.Random()"),
                        "java.util.Random#<init>()", "java.util.Random#<init>()",
                        message("java.util.Random#<init>()"))));
        assertThat(report.violatingSourceFiles(), is(Set.of("Outer.java")));
    }

    @Test
    void onALineWithSeveralMethodsTheOneThatUsesTheApiIsNamed() throws IOException {
        String source = """
                package lab99;

                public class OneLine {
                    static class Quit extends Thread { public void run() { System.exit(1); } }
                }
                """;
        Path classes = StudentCode.compile(dir, sources("lab99/OneLine.java", source));

        GateReport report = BytecodeGate.check(classes, List.of("lab99.OneLine"));

        int line = lineOf(source, "class Quit");
        String threads = message("java.lang.Thread");
        assertThat(report.violations(), contains(
                new Violation("OneLine.java", "lab99.OneLine$Quit", "", Violation.UNKNOWN_LINE, "java.lang.Thread",
                        "java.lang.Thread", threads),
                new Violation("OneLine.java", "lab99.OneLine$Quit", "<init>", line, "java.lang.Thread",
                        "java.lang.Thread", threads),
                new Violation("OneLine.java", "lab99.OneLine$Quit", "run", line, "java.lang.System#exit(int)",
                        "java.lang.System#exit(int)", message("java.lang.System#exit(int)"))));
    }

    @Test
    void withoutDebugInformationNestedClassesAreFoundByNameAndPlacedByMethod() throws IOException {
        Path classes = StudentCode.compile(dir, sources("lab99/Outer.java", OUTER), "-g:none");

        GateReport report = BytecodeGate.check(classes, List.of("lab99.Outer"));

        assertThat(report.checkedClasses(), contains("lab99.Outer", "lab99.Outer$1", "lab99.Outer$Inner"));
        assertThat(report.violations(), containsInAnyOrder(
                new Violation("Outer.java", "lab99.Outer", "later", Violation.UNKNOWN_LINE,
                        "java.lang.System#exit(int)", "java.lang.System#exit(int)",
                        message("java.lang.System#exit(int)")),
                new Violation("Outer.java", "lab99.Outer$Inner", "stop", Violation.UNKNOWN_LINE,
                        "java.lang.Runtime", "java.lang.Runtime", message("java.lang.Runtime")),
                new Violation("Outer.java", "lab99.Outer$1", "toString", Violation.UNKNOWN_LINE,
                        "java.lang.Math#random()", "java.lang.Math#random()", message("java.lang.Math#random()"))));
    }

    @Test
    void onlyTheStudentsFilesAreCheckedAndTheyMayUseTheTemplate() throws IOException {
        String template = """
                package lab99;

                /** The lab template's own class: trusted, not checked. */
                public class Template {
                    public static void shutdown() {
                        System.exit(0);
                    }

                    public static int size() {
                        return 3;
                    }
                }
                """;
        String student = """
                package lab99;

                public class Student {
                    public int size() {
                        return Template.size();
                    }
                }
                """;
        Path classes = StudentCode.compile(dir, sources("lab99/Template.java", template,
                "lab99/Student.java", student));

        GateReport report = BytecodeGate.check(classes, List.of("lab99.Student"));

        assertThat(report.passed(), is(true));
        assertThat(report.checkedClasses(), contains("lab99.Student"));
    }

    @Test
    void aViolationZeroesOnlyItsOwnFile() throws IOException {
        String good = """
                package lab99;

                public class Good {
                    public static double half(double x) {
                        return x / 2;
                    }
                }
                """;
        String bad = """
                package lab99;

                public class Bad {
                    public static double half(double x) {
                        System.exit(0);
                        return Good.half(x);
                    }
                }
                """;
        Path classes = StudentCode.compile(dir, sources("lab99/Good.java", good, "lab99/Bad.java", bad));

        GateReport report = BytecodeGate.check(classes, List.of("lab99.Good", "lab99.Bad"));

        assertThat(report.sourceFiles(), contains("Good.java", "Bad.java"));
        assertThat(report.violatingSourceFiles(), is(Set.of("Bad.java")));
        assertThat(report.violations("Good.java"), is(empty()));
        assertThat(report.violations("Bad.java").size(), is(1));
    }

    @Test
    void aReferenceSolutionOnTheLibrariesClassPathDoesNotHideTheStudentsHierarchy() throws IOException {
        String solution = """
                package lab99;

                public class Base {
                }
                """;
        String studentBase = """
                package lab99;

                public class Base extends Thread {
                }
                """;
        String student = """
                package lab99;

                public class Runner extends Base {
                    public void go() {
                        start();
                    }
                }
                """;
        Path solutionClasses = StudentCode.compile(dir.resolve("solution"), sources("lab99/Base.java", solution));
        Path classes = StudentCode.compile(dir.resolve("student"), sources("lab99/Base.java", studentBase,
                "lab99/Runner.java", student));
        try (java.net.URLClassLoader libraries = new java.net.URLClassLoader(
                new java.net.URL[] {solutionClasses.toUri().toURL()}, getClass().getClassLoader())) {

            GateReport report = BytecodeGate.check(classes, List.of("lab99.Runner"), libraries);

            String threads = message("java.lang.Thread");
            assertThat(report.violations(), contains(
                    new Violation("Runner.java", "lab99.Runner", "", Violation.UNKNOWN_LINE, "java.lang.Thread",
                            "java.lang.Thread", threads),
                    new Violation("Runner.java", "lab99.Runner", "go", lineOf(student, "start()"),
                            "java.lang.Thread", "java.lang.Thread", threads)));
        }
    }

    @Test
    void aClassTheGateCannotResolveMakesTheFileUnchecked() throws IOException {
        String helper = """
                package lab99;

                public class Missing {
                    public static int one() {
                        return 1;
                    }
                }
                """;
        String student = """
                package lab99;

                public class Uses extends Missing {
                    public int two() {
                        return one() + 1;
                    }
                }
                """;
        Path classes = StudentCode.compile(dir, sources("lab99/Missing.java", helper, "lab99/Uses.java", student));
        Files.delete(classes.resolve("lab99/Missing.class"));

        GateReport report = BytecodeGate.check(classes, List.of("lab99.Uses"));

        assertThat(report.violations().size(), is(1));
        Violation unchecked = report.violations().get(0);
        assertThat(unchecked.rule(), is(BuiltInChecks.UNCHECKED));
        assertThat(unchecked.sourceFile(), is("Uses.java"));
        assertThat(unchecked.api(), is("lab99.Missing"));
        assertThat(unchecked.message(), startsWith("The grader cannot find class lab99.Missing"));
    }

    @Test
    void badArgumentsAreRefusedWithTheFix() throws IOException {
        Path classes = StudentCode.compile(dir, sources("lab99/Outer.java", OUTER));

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BytecodeGate.check(classes, List.of("lab99.Absent")));
        assertThat(missing.getMessage(), allOf(containsString("no compiled class of Absent.java"),
                containsString("lab99/Absent.class"), containsString("compile the student sources")));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> BytecodeGate.check(classes, List.of("lab99.Outer$Inner"))).getMessage(),
                containsString("not the name of a top-level class in a package"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> BytecodeGate.check(classes, List.of("Outer"))).getMessage(),
                containsString("pass names such as lab02.Softmax"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> BytecodeGate.check(classes, List.of("lab99.Outer", "lab99.Outer"))).getMessage(),
                containsString("lab99.Outer is given twice"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> BytecodeGate.check(classes, List.of("lab99.Outer", "lab98.Outer"))).getMessage(),
                containsString("share the source file name Outer.java"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> BytecodeGate.check(classes, List.of())).getMessage(),
                containsString("no student class to check"));
        assertThrows(NoSuchFileException.class,
                () -> BytecodeGate.check(dir.resolve("nowhere"), List.of("lab99.Outer")));
    }
}
