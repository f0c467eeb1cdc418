package nnlab.grading.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs hidden test classes in fresh, limited JVMs, one class at a time, and accounts for every test.
 *
 * <pre>{@code
 * try (ForkedTestRun run = new ForkedTestRun(classpath, TestJvmOptions.defaults(), Isolation.detect(java))) {
 *     ClassRunResult result = run.run("lab02.LinearHiddenTest");
 * }
 * }</pre>
 *
 * <p>Each class starts in a new JVM ({@link TestJvmMain}) inside the {@link Isolation}, with the limits of
 * {@link TestJvmOptions}. When that JVM ends before the class is done, a new one continues with the tests not yet
 * accounted for:
 * <ul>
 *   <li>it died during a test ({@code System.exit}, {@code Runtime.halt}, out of memory, killed at its wall-clock
 *       or output limit): that test fails with the reason, e.g. "the test JVM exited with status 0
 *       (System.exit or Runtime.halt?) during this test";</li>
 *   <li>it ended itself after a test that timed out, threw an {@code Error} or left threads running, so that an
 *       abandoned thread cannot slow down or break the tests after it;</li>
 *   <li>it died outside any test (e.g. in {@code @BeforeAll}): the tests left fail with the reason, and no
 *       further JVM is started.</li>
 * </ul>
 * At most {@link TestJvmOptions#maxJvmStarts()} JVMs run per class; a class needs at most one more than it has
 * tests. Every process of a JVM is killed when it ends, and the runner checks that none is left.
 *
 * <p>The classpath must hold this module (for {@link TestJvmMain}), JUnit Jupiter with the platform launcher, the
 * grading API, the hidden tests, the student's classes and the nnlab library. If the isolation switches user,
 * the classpath is first copied where that user can read it ({@link #close()} deletes the copy).
 */
public final class ForkedTestRun implements AutoCloseable {

    private final TestJvmOptions options;
    private final Isolation isolation;
    private final Path stagingDir;
    private final TestJvmLauncher launcher;

    /**
     * Prepares runs with the JVM that runs this code ({@code java.home}).
     *
     * @param classpath the test JVM's classpath, entries in order
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if the classpath cannot be copied for the test JVM's user
     */
    public ForkedTestRun(List<Path> classpath, TestJvmOptions options, Isolation isolation) {
        this(currentJava(), classpath, options, isolation);
    }

    /**
     * Prepares runs with the {@code java} executable given.
     *
     * @param java the test JVMs' {@code java} executable
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the classpath is empty
     * @throws UncheckedIOException     if the classpath cannot be copied for the test JVM's user
     */
    public ForkedTestRun(Path java, List<Path> classpath, TestJvmOptions options, Isolation isolation) {
        Objects.requireNonNull(java, "java is null");
        this.options = Objects.requireNonNull(options, "options is null; use TestJvmOptions.defaults()");
        this.isolation = Objects.requireNonNull(isolation, "isolation is null; use Isolation.detect(java)");
        List<Path> entries = List.copyOf(Objects.requireNonNull(classpath, "classpath is null"));
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the test JVM's classpath is empty; it needs this module, JUnit,"
                    + " the hidden tests and the student's classes");
        }
        List<Path> absolute = new ArrayList<>();
        entries.forEach(entry -> absolute.add(entry.toAbsolutePath().normalize()));
        if (isolation.switchesUser()) {
            try {
                this.stagingDir = Files.createTempDirectory("nnlab-test-classpath-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for the test JVM's classpath: "
                        + e.getMessage(), e);
            }
            this.launcher = new TestJvmLauncher(java, WorkDirectories.stageClasspath(absolute, stagingDir),
                    options, isolation);
        } else {
            this.stagingDir = null;
            this.launcher = new TestJvmLauncher(java, absolute, options, isolation);
        }
    }

    /** The {@code java} executable of the JVM running this code. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Runs every test of {@code className} and accounts for each one.
     *
     * @param className the test class's binary name, e.g. {@code lab02.LinearHiddenTest}
     * @throws IllegalArgumentException if the name is blank
     * @throws UncheckedIOException     if a test JVM cannot be started
     */
    public ClassRunResult run(String className) {
        if (Objects.requireNonNull(className, "className is null").isBlank()) {
            throw new IllegalArgumentException("the test class name is blank; give its binary name");
        }
        long started = System.nanoTime();
        ClassAccounting accounting = new ClassAccounting(className);
        List<JvmRunSummary> runs = new ArrayList<>();
        boolean more = true;
        while (more) {
            if (runs.size() == options.maxJvmStarts()) {
                accounting.giveUp(OutcomeStatus.NOT_RUN, "not run: the class needed more than "
                        + options.maxJvmStarts() + " test JVMs (its tests crashed or timed out too often)");
                break;
            }
            TestJvmLauncher.JvmRun jvm = launcher.run(className, accounting.skip());
            runs.add(jvm.summary());
            more = accounting.take(jvm.log(), jvm.end().describe(options));
        }
        List<TestOutcome> outcomes = accounting.outcomes();
        return new ClassRunResult(className, outcomes, outcomes.isEmpty() ? accounting.problem() : "",
                isolation.describe(options), runs, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Deletes the copy of the classpath, if one was made. */
    @Override
    public void close() {
        WorkDirectories.deleteQuietly(stagingDir);
    }
}
