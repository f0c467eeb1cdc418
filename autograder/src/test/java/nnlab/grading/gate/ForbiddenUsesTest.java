package nnlab.grading.gate;

import static nnlab.grading.gate.StudentCode.lineOf;
import static nnlab.grading.gate.StudentCode.sources;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One student file per category of forbidden API, compiled as the runner compiles submissions: each use is caught,
 * with the rule that forbids it, its line and its method. Covers the attack cases of the issue (exit in a TODO,
 * halt, exit through reflection, thread bomb, writing or deleting the results file, reading hidden tests from the
 * class path, network, unseeded randomness).
 */
class ForbiddenUsesTest {

    @TempDir
    Path dir;

    /** Compiles {@code lab99/<name>.java} and checks class {@code lab99.<name>}. */
    private GateReport gate(String name, String source) throws IOException {
        Path classes = StudentCode.compile(dir, sources("lab99/" + name + ".java", source));
        return BytecodeGate.check(classes, List.of("lab99." + name));
    }

    /** The violation {@code rule} gives for using {@code api} at {@code marker}'s line in {@code lab99.<name>}. */
    static Violation use(String name, String source, String member, String marker, String api, String rule) {
        return new Violation(name + ".java", "lab99." + name, member, lineOf(source, marker), api, rule,
                message(rule));
    }

    /** The message of the signature file's rule {@code signature}. */
    static String message(String signature) {
        return ForbiddenRules.bundled().rules().stream().filter(rule -> rule.signature().equals(signature))
                .findFirst().orElseThrow(() -> new AssertionError("no rule " + signature)).message();
    }

    @Test
    void exitInATodoIsCaught() throws IOException {
        String source = """
                package lab99;

                /** A TODO stub that exits instead of computing. */
                public class Exit {
                    public static float loss(float[] predictions) {
                        System.exit(0); // TODO(lab99.1)
                        return 0f;
                    }

                    public static java.util.function.IntConsumer quitter() {
                        return System::exit;
                    }
                }
                """;
        GateReport report = gate("Exit", source);

        assertThat(report.violations(), contains(
                use("Exit", source, "loss", "System.exit", "java.lang.System#exit(int)", "java.lang.System#exit(int)"),
                use("Exit", source, "quitter", "System::exit", "java.lang.System#exit(int)",
                        "java.lang.System#exit(int)")));
        assertThat(report.passed(), is(false));
        assertThat(report.violatingSourceFiles(), is(Set.of("Exit.java")));
    }

    @Test
    void haltThroughRuntimeIsCaughtOnce() throws IOException {
        String source = """
                package lab99;

                public class Halt {
                    public Halt() {
                        Runtime.getRuntime().halt(0);
                    }
                }
                """;
        GateReport report = gate("Halt", source);

        assertThat(report.violations(), contains(use("Halt", source, "<init>", "halt(0)", "java.lang.Runtime",
                "java.lang.Runtime")));
    }

    @Test
    void exitThroughReflectionIsCaught() throws Exception {
        String source = """
                package lab99;

                public class Sneaky {
                    public static void quit() throws Exception {
                        Class<?> system = Class.forName("java.lang.System");
                        system.getMethod("exit", int.class).invoke(null, 0);
                    }
                }
                """;
        GateReport report = gate("Sneaky", source);

        assertThat(report.violations(), hasItems(
                use("Sneaky", source, "quit", "forName", "java.lang.Class#forName(**)", "java.lang.Class#forName(**)"),
                use("Sneaky", source, "quit", "getMethod", "java.lang.Class#getMethod(**)",
                        "java.lang.Class#getMethod(**)"),
                use("Sneaky", source, "quit", "invoke", "java.lang.reflect.Method", "java.lang.reflect.**")));
    }

    @Test
    void reflectionOnTheStudentsOwnClassIsCaught() throws IOException {
        String source = """
                package lab99;

                public class Peek {
                    public int count() {
                        return getClass().getDeclaredMethods().length;
                    }
                }
                """;
        GateReport report = gate("Peek", source);

        assertThat(report.violations(), contains(use("Peek", source, "count", "getDeclaredMethods",
                "java.lang.Class#getDeclaredMethods()", "java.lang.Class#getDeclaredMethods()")));
    }

    @Test
    void methodHandlesAndBeansAreCaught() throws Exception {
        String source = """
                package lab99;

                public class Handles {
                    public static Object lookup() {
                        return java.lang.invoke.MethodHandles.lookup();
                    }

                    public static void statement() throws Exception {
                        new java.beans.Statement(System.class, "exit", new Object[] {0}).execute();
                    }
                }
                """;
        GateReport report = gate("Handles", source);

        assertThat(report.violations(), hasItems(
                use("Handles", source, "lookup", "MethodHandles.lookup", "java.lang.invoke.MethodHandles",
                        "java.lang.invoke.MethodHandles"),
                use("Handles", source, "statement", "Statement", "java.beans.Statement", "java.beans.**")));
    }

    @Test
    void threadBombIsCaught() throws IOException {
        String source = """
                package lab99;

                public class Bomb {
                    public static void explode() {
                        while (true) {
                            new Thread(() -> explode()).start();
                        }
                    }
                }
                """;
        GateReport report = gate("Bomb", source);

        assertThat(report.violations(), contains(use("Bomb", source, "explode", "new Thread", "java.lang.Thread",
                "java.lang.Thread")));
    }

    @Test
    void executorsAndParallelStreamsAreCaughtThroughTheHierarchy() throws IOException {
        String source = """
                package lab99;

                import java.util.ArrayList;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;
                import java.util.stream.IntStream;

                public class Parallel {
                    public static int sum(ArrayList<Integer> xs) {
                        ExecutorService pool = Executors.newFixedThreadPool(4);
                        pool.shutdown();
                        int fromList = xs.parallelStream().mapToInt(x -> x).sum();
                        long fromStream = java.util.stream.Stream.of(1, 2).parallel().count();
                        java.util.Arrays.parallelSort(new int[] {2, 1});
                        return fromList + (int) fromStream + IntStream.range(0, 10).parallel().sum();
                    }
                }
                """;
        GateReport report = gate("Parallel", source);

        assertThat(report.violations(), contains(
                use("Parallel", source, "sum", "newFixedThreadPool", "java.util.concurrent.Executors",
                        "java.util.concurrent.Executors"),
                use("Parallel", source, "sum", "pool.shutdown", "java.util.concurrent.ExecutorService",
                        "java.util.concurrent.ExecutorService"),
                use("Parallel", source, "sum", "parallelStream", "java.util.Collection#parallelStream()",
                        "java.util.Collection#parallelStream()"),
                use("Parallel", source, "sum", "Stream.of(1, 2).parallel()", "java.util.stream.BaseStream#parallel()",
                        "java.util.stream.BaseStream#parallel()"),
                use("Parallel", source, "sum", "parallelSort", "java.util.Arrays#parallelSort(**)",
                        "java.util.Arrays#parallelSort(**)"),
                use("Parallel", source, "sum", "parallel().sum", "java.util.stream.IntStream#parallel()",
                        "java.util.stream.IntStream#parallel()")));
    }

    @Test
    void processesAreCaught() throws IOException {
        String source = """
                package lab99;

                public class Shell {
                    public static void run() throws java.io.IOException {
                        new ProcessBuilder("rm", "-rf", "/autograder").start();
                    }
                }
                """;
        GateReport report = gate("Shell", source);

        assertThat(report.violations(), contains(use("Shell", source, "run", "ProcessBuilder",
                "java.lang.ProcessBuilder", "java.lang.ProcessBuilder")));
    }

    @Test
    void writingOrDeletingTheResultsFileIsCaught() throws IOException {
        String source = """
                package lab99;

                import java.io.File;
                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class Results {
                    public static void forge() throws IOException {
                        Files.writeString(Path.of("/autograder/results/results.json"), "{\\"score\\": 100}");
                    }

                    public static boolean wipe() {
                        return new File("/autograder/results/results.json").delete();
                    }

                    public static void print() throws IOException {
                        new java.io.PrintWriter("results.json").close();
                    }
                }
                """;
        GateReport report = gate("Results", source);

        assertThat(report.violations(), hasItems(
                use("Results", source, "forge", "Files.writeString", "java.nio.file.Files", "java.nio.file.**"),
                use("Results", source, "forge", "Files.writeString", "java.nio.file.Path", "java.nio.file.**"),
                use("Results", source, "wipe", "new File", "java.io.File", "java.io.File"),
                use("Results", source, "print", "PrintWriter", "java.io.PrintWriter#<init>(java.lang.String)",
                        "java.io.PrintWriter#<init>(java.lang.String)")));
    }

    @Test
    void readingHiddenTestsFromTheClassPathIsCaught() throws IOException {
        String source = """
                package lab99;

                import java.io.IOException;
                import java.io.InputStream;

                public class Leak {
                    public static void print() throws IOException {
                        try (InputStream in = Leak.class.getResourceAsStream("/lab99/HiddenTest.class")) {
                            System.out.println(new String(in.readAllBytes()));
                        }
                        System.out.println(ClassLoader.getSystemResource("lab99/HiddenTest.java"));
                        System.out.println(String.class.getClassLoader());
                    }
                }
                """;
        GateReport report = gate("Leak", source);

        assertThat(report.violations(), contains(
                use("Leak", source, "print", "getResourceAsStream",
                        "java.lang.Class#getResourceAsStream(java.lang.String)",
                        "java.lang.Class#getResourceAsStream(java.lang.String)"),
                use("Leak", source, "print", "getSystemResource", "java.lang.ClassLoader", "java.lang.ClassLoader"),
                use("Leak", source, "print", "String.class.getClassLoader", "java.lang.Class#getClassLoader()",
                        "java.lang.Class#getClassLoader()")));
    }

    @Test
    void networkCallsAreCaught() throws IOException {
        String source = """
                package lab99;

                public class Phone {
                    public static void home() throws Exception {
                        new java.net.URL("http://example.com/answers").openStream().close();
                        new java.net.Socket("example.com", 80).close();
                    }
                }
                """;
        GateReport report = gate("Phone", source);

        assertThat(report.violations(), contains(
                use("Phone", source, "home", "URL", "java.net.URL", "java.net.**"),
                use("Phone", source, "home", "Socket", "java.net.Socket", "java.net.**")));
    }

    @Test
    void unseededRandomnessIsCaught() throws IOException {
        String source = """
                package lab99;

                import java.util.ArrayList;
                import java.util.Collections;
                import java.util.Random;

                public class Dice {
                    public static double roll() {
                        double a = Math.random();
                        double b = new Random().nextDouble();
                        double c = java.util.concurrent.ThreadLocalRandom.current().nextDouble();
                        double d = new java.security.SecureRandom().nextDouble();
                        String e = java.util.UUID.randomUUID().toString();
                        Collections.shuffle(new ArrayList<Integer>());
                        return a + b + c + d + e.length();
                    }
                }
                """;
        GateReport report = gate("Dice", source);

        assertThat(report.violations(), contains(
                use("Dice", source, "roll", "Math.random", "java.lang.Math#random()", "java.lang.Math#random()"),
                use("Dice", source, "roll", "new Random()", "java.util.Random#<init>()", "java.util.Random#<init>()"),
                use("Dice", source, "roll", "ThreadLocalRandom", "java.util.concurrent.ThreadLocalRandom",
                        "java.util.concurrent.ThreadLocalRandom"),
                use("Dice", source, "roll", "SecureRandom", "java.security.SecureRandom",
                        "java.security.SecureRandom"),
                use("Dice", source, "roll", "randomUUID", "java.util.UUID#randomUUID()", "java.util.UUID#randomUUID()"),
                use("Dice", source, "roll", "shuffle", "java.util.Collections#shuffle(java.util.List)",
                        "java.util.Collections#shuffle(java.util.List)")));
    }

    @Test
    void unsafeIsCaught() throws IOException {
        String source = """
                package lab99;

                public class Raw {
                    public static Object unsafe() {
                        return sun.misc.Unsafe.class;
                    }
                }
                """;
        GateReport report = gate("Raw", source);

        assertThat(report.violations(), contains(use("Raw", source, "unsafe", "Unsafe.class", "sun.misc.Unsafe",
                "sun.**")));
    }

    @Test
    void standardStreamsPropertiesAndEnvironmentAreCaught() throws IOException {
        String source = """
                package lab99;

                public class Quiet {
                    public static String settle() {
                        System.setOut(null);
                        System.setProperty("junit.jupiter.execution.timeout.default", "1 h");
                        return System.getenv("HOME");
                    }
                }
                """;
        GateReport report = gate("Quiet", source);

        assertThat(report.violations(), contains(
                use("Quiet", source, "settle", "setOut", "java.lang.System#setOut(java.io.PrintStream)",
                        "java.lang.System#setOut(java.io.PrintStream)"),
                use("Quiet", source, "settle", "setProperty",
                        "java.lang.System#setProperty(java.lang.String,java.lang.String)",
                        "java.lang.System#setProperty(java.lang.String,java.lang.String)"),
                use("Quiet", source, "settle", "getenv", "java.lang.System#getenv(**)",
                        "java.lang.System#getenv(**)")));
    }

    @Test
    void theGradingApiAndTestFrameworksAreCaught() throws IOException {
        String source = """
                package lab99;

                public class Self {
                    public static void grade() {
                        nnlab.grading.Grade.partial(1.0, "I checked it myself");
                        org.junit.jupiter.api.Assertions.assertTrue(true);
                        org.hamcrest.MatcherAssert.assertThat(1, org.hamcrest.Matchers.is(1));
                    }
                }
                """;
        GateReport report = gate("Self", source);

        assertThat(report.violations(), contains(
                use("Self", source, "grade", "Grade.partial", "nnlab.grading.Grade", "nnlab.grading.**"),
                use("Self", source, "grade", "assertTrue", "org.junit.jupiter.api.Assertions", "org.junit.**"),
                use("Self", source, "grade", "MatcherAssert", "org.hamcrest.MatcherAssert", "org.hamcrest.**"),
                use("Self", source, "grade", "MatcherAssert", "org.hamcrest.Matchers", "org.hamcrest.**")));
    }

    @Test
    void theLibrarysFileApisAreCaught() throws IOException {
        String source = """
                package lab99;

                import nnlab.data.MnistDataset;

                public class Loader {
                    public static Object data() {
                        return MnistDataset.load(MnistDataset.Variant.MNIST, MnistDataset.Split.TRAIN);
                    }

                    public static String json() {
                        return nnlab.io.JsonText.of(1);
                    }

                    public static void plot(nnlab.viz.TrainingCurves curves, java.nio.file.Path file)
                            throws java.io.IOException {
                        curves.savePng(file);
                    }
                }
                """;
        GateReport report = gate("Loader", source);

        assertThat(report.violations(), contains(
                new Violation("Loader.java", "lab99.Loader", "plot", Violation.UNKNOWN_LINE, "java.nio.file.Path",
                        "java.nio.file.**", message("java.nio.file.**")),
                use("Loader", source, "data", "MnistDataset.load", "nnlab.data.MnistDataset#load(**)",
                        "nnlab.data.MnistDataset#load(**)"),
                use("Loader", source, "json", "JsonText", "nnlab.io.JsonText", "nnlab.io.**"),
                use("Loader", source, "plot", "savePng", "nnlab.viz.Figure#savePng(java.nio.file.Path)",
                        "nnlab.viz.Figure#savePng(java.nio.file.Path)")));
    }

    @Test
    void classesOutsideTheAllowedPackagesAreCaught() throws IOException {
        String source = """
                package lab99;

                public class Outside {
                    public static Object cli() {
                        return new picocli.CommandLine(new Object());
                    }

                    public static Object script() {
                        return new javax.script.ScriptEngineManager();
                    }
                }
                """;
        GateReport report = gate("Outside", source);

        String message = BuiltInChecks.ALLOWED_PACKAGES_MESSAGE;
        assertThat(report.violations(), contains(
                new Violation("Outside.java", "lab99.Outside", "cli", lineOf(source, "picocli"),
                        "picocli.CommandLine", BuiltInChecks.ALLOWED_PACKAGES, message),
                new Violation("Outside.java", "lab99.Outside", "script", lineOf(source, "ScriptEngineManager"),
                        "javax.script.ScriptEngineManager", BuiltInChecks.ALLOWED_PACKAGES, message)));
    }

    @Test
    void suppressForbiddenIsItselfAViolation() throws IOException {
        String source = """
                package lab99;

                public class Hush {
                    @de.thetaphi.forbiddenapis.SuppressForbidden
                    public static void quit() {
                        System.exit(0);
                    }
                }
                """;
        GateReport report = gate("Hush", source);

        assertThat(report.violations(), hasItem(new Violation("Hush.java", "lab99.Hush", "quit",
                lineOf(source, "System.exit"), "de.thetaphi.forbiddenapis.SuppressForbidden",
                BuiltInChecks.NO_SUPPRESSION, BuiltInChecks.NO_SUPPRESSION_MESSAGE)));
        assertThat(report.violatingSourceFiles(), is(Set.of("Hush.java")));
    }

    @Test
    void aFinalizerIsCaught() throws IOException {
        String source = """
                package lab99;

                public class Zombie {
                    @Override
                    protected void finalize() {
                        System.out.println("back");
                    }
                }
                """;
        GateReport report = gate("Zombie", source);

        assertThat(report.violations(), contains(new Violation("Zombie.java", "lab99.Zombie", "finalize",
                lineOf(source, "back"), "java.lang.Object#finalize()", BuiltInChecks.NO_FINALIZER,
                BuiltInChecks.NO_FINALIZER_MESSAGE)));
    }

    @Test
    void extendingAForbiddenClassIsCaughtAtTheDeclarationAndTheCall() throws IOException {
        String source = """
                package lab99;

                public class Worker {
                    static class Job extends Thread {
                        @Override
                        public void run() {
                        }
                    }

                    static class Dice extends java.util.Random {
                        Dice() {
                            super();
                        }
                    }

                    public static void go() {
                        new Job().start();
                    }
                }
                """;
        GateReport report = gate("Worker", source);

        String threads = message("java.lang.Thread");
        assertThat(report.violations(), hasItems(
                new Violation("Worker.java", "lab99.Worker$Job", "", Violation.UNKNOWN_LINE, "java.lang.Thread",
                        "java.lang.Thread", threads),
                new Violation("Worker.java", "lab99.Worker$Dice", "<init>", lineOf(source, "super()"),
                        "java.util.Random#<init>()", "java.util.Random#<init>()", message("java.util.Random#<init>()")),
                new Violation("Worker.java", "lab99.Worker", "go", lineOf(source, "new Job().start()"),
                        "java.lang.Thread", "java.lang.Thread", threads)));
    }
}
