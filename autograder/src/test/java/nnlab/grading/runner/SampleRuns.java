package nnlab.grading.runner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import nnlab.grading.runner.samples.RunnerSample;

/**
 * Runs the hostile sample classes of {@code nnlab.grading.runner.samples} through {@link ForkedTestRun} with small
 * limits (2 s per test, 64m heap, 1 MiB of output), in the strongest isolation this machine allows, probed once.
 * Bubblewrap is tried from the {@code PATH}, or from {@code NNLAB_BWRAP} if that environment variable is set.
 */
final class SampleRuns {

    /** The isolation the samples run in. */
    static final Isolation ISOLATION = Isolation.detect(ForkedTestRun.currentJava(), bwrap());

    private static final String SAMPLES = "nnlab.grading.runner.samples.";

    private SampleRuns() {
    }

    /** The limits the samples run with, the samples enabled ({@link RunnerSample}), and {@code jvmOptions}. */
    static TestJvmOptions options(String... jvmOptions) {
        List<String> options = new ArrayList<>(List.of("-D" + RunnerSample.PROPERTY + "=true"));
        options.addAll(List.of(jvmOptions));
        return TestJvmOptions.defaults().withTestTimeout(Duration.ofSeconds(2)).withJvmTimeout(Duration.ofSeconds(20))
                .withMaxHeap("64m").withOutputLimit(1 << 20).withJvmOptions(options);
    }

    /** This JVM's classpath: the test classes, the autograder and its dependencies. */
    static List<Path> classpath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry));
        }
        return entries;
    }

    /** Runs the sample class {@code simpleName} with {@link #options()} and checks that no process is left. */
    static ClassRunResult run(String simpleName) {
        return run(simpleName, options(), classpath(), ISOLATION);
    }

    /** Runs the sample class {@code simpleName} and checks that no process is left. */
    static ClassRunResult run(String simpleName, TestJvmOptions options, List<Path> classpath, Isolation isolation) {
        ClassRunResult result;
        try (ForkedTestRun run = new ForkedTestRun(classpath, options, isolation)) {
            result = run.run(SAMPLES + simpleName);
        }
        assertNoProcessLeft(result);
        return result;
    }

    /** The outcome of the test with this display name; fails the calling test if there is none. */
    static TestOutcome outcome(ClassRunResult result, String displayName) {
        return result.outcome(displayName).orElseThrow(() -> new AssertionError("no outcome for " + displayName
                + " in " + result.outcomes().stream().map(TestOutcome::displayName).collect(Collectors.toList())));
    }

    private static void assertNoProcessLeft(ClassRunResult result) {
        for (JvmRunSummary jvm : result.jvmRuns()) {
            assertThat("processes left by a test JVM", jvm.leftBehind(), empty());
        }
        assertThat("children of this JVM", ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .collect(Collectors.toList()), empty());
    }

    private static Path bwrap() {
        String configured = System.getenv("NNLAB_BWRAP");
        return configured != null && !configured.isBlank() ? Path.of(configured) : IsolationProbe.onPath("bwrap");
    }
}
