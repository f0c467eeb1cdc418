package nnlab.grading.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nnlab.grading.bundle.GradingBundle;
import nnlab.grading.compile.SourceCompiler;
import nnlab.grading.grade.GradingRun;
import nnlab.grading.grade.Lab00;
import nnlab.grading.runner.ForkedTestRun;

/**
 * Measures the grader's overhead on the sample lab: grading lab00's reference solution with the full pipeline
 * ({@code nnlab-grade}'s {@link nnlab.grading.grade.LabGrader}), against running the same hidden suite the plain way
 * ({@link BareSuiteRun}: one JVM, the JUnit Launcher, no sandbox). Each is run {@code runs} times (default 5); the
 * medians are printed as a Markdown table for {@code docs/benchmarks.md}.
 *
 * <p>Run from {@code autograder/} after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/grader-classpath.txt) nnlab.grading.bench.GradingOverhead 5}
 */
public final class GradingOverhead {

    private GradingOverhead() {
    }

    /** Runs the measurement and prints the table. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        GradingBundle bundle = Lab00.bundle();
        Path scratch = Files.createTempDirectory("nnlab-overhead-");
        Path reference = scratch.resolve("reference");
        SourceCompiler.compileTree("lab00's reference", Lab00.REFERENCE, Lab00.classpath(), reference);

        double[] total = new double[runs];
        double[] jvms = new double[runs];
        int jvmCount = 0;
        for (int i = 0; i < runs; i++) {
            GradingRun run = Lab00.grade(Lab00.REFERENCE, scratch.resolve("results.json"));
            if (run.results().totalScore() != run.results().totalMaxScore()) {
                throw new IllegalStateException("the reference did not earn every point: " + run.results());
            }
            total[i] = run.total().toNanos() / 1e6;
            jvms[i] = run.testJvmTime().toNanos() / 1e6;
            jvmCount = run.testJvmCount();
        }
        double[] bareWall = new double[runs];
        double[] bareJunit = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            String line = bare(bundle, reference);
            bareWall[i] = (System.nanoTime() - start) / 1e6;
            bareJunit[i] = Double.parseDouble(line.replaceAll(".*junit_ms=(\\d+).*", "$1"));
        }
        System.out.printf(Locale.ROOT, "| lab00 reference, median of %d | wall time |%n|---|---|%n", runs);
        System.out.printf(Locale.ROOT, "| nnlab-grade pipeline (intake, compile, gate, %d sandboxed test JVMs,"
                + " results.json) | %.0f ms |%n", jvmCount, median(total));
        System.out.printf(Locale.ROOT, "| of which the test JVMs, start to exit | %.0f ms |%n", median(jvms));
        System.out.printf(Locale.ROOT, "| plain run: one JVM, JUnit Launcher, no sandbox | %.0f ms |%n",
                median(bareWall));
        System.out.printf(Locale.ROOT, "| of which inside JUnit (the tests' own time) | %.0f ms |%n",
                median(bareJunit));
        System.out.printf(Locale.ROOT, "| grader overhead beyond the tests' own time | %.0f ms |%n",
                median(total) - median(bareJunit));
    }

    private static String bare(GradingBundle bundle, Path reference) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ForkedTestRun.currentJava().toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                BareSuiteRun.class.getName(), bundle.hiddenClasses().toString(), reference.toString()));
        command.addAll(bundle.hiddenTestClasses());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the plain run failed: " + out);
        }
        return out.lines().filter(l -> l.startsWith("tests=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no summary from the plain run: " + out));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

}
