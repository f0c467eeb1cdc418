package nnlab.grading.runner;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The limits and settings of the test JVMs that {@link ForkedTestRun} starts. {@link #defaults()} suits the
 * nnlab labs; change single values with the {@code with...} methods, which return a new record.
 *
 * @param testTimeout     JUnit's default time-out for every test and lifecycle method (enforced inside the JVM,
 *                        in a separate thread); a test that exceeds it fails and the JVM is recycled
 * @param jvmTimeout      the wall-clock limit of one test JVM, enforced from outside by killing its process tree;
 *                        a class that needs several JVMs gets this much for each
 * @param maxHeap         {@code -Xmx}, e.g. {@code "512m"}; running out ends the JVM at once
 *                        ({@code -XX:+ExitOnOutOfMemoryError}) and fails the running test
 * @param threadStack     {@code -Xss}, e.g. {@code "1m"}
 * @param processors      {@code -XX:ActiveProcessorCount}: how many processors the JVM believes it has
 * @param maxProcesses    the process (and thread) limit, {@code RLIMIT_NPROC}; enforced only where the JVM runs as
 *                        a user other than root (see {@link Isolation})
 * @param maxFileBytes    the largest file the JVM may write, {@code RLIMIT_FSIZE}
 * @param outputLimit     the most bytes the JVM may write to standard output and error together; beyond it the
 *                        JVM is killed and the running test fails
 * @param keptOutputBytes how much of the start of each stream the runner keeps for diagnosis
 * @param maxJvmStarts    the most JVMs started for one class; tests still unaccounted for then do not run
 * @param jvmOptions      further JVM options, placed before the main class
 */
public record TestJvmOptions(Duration testTimeout, Duration jvmTimeout, String maxHeap, String threadStack,
                             int processors, int maxProcesses, long maxFileBytes, long outputLimit,
                             int keptOutputBytes, int maxJvmStarts, List<String> jvmOptions) {

    private static final Pattern MEMORY_SIZE = Pattern.compile("[1-9][0-9]{0,9}[kKmMgG]");

    /**
     * Checks every value.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a duration is not positive, a memory size is not like {@code 512m}, a
     *                                  count or size is not positive, or a JVM option is blank
     */
    public TestJvmOptions {
        positive("testTimeout", Objects.requireNonNull(testTimeout, "testTimeout is null"));
        positive("jvmTimeout", Objects.requireNonNull(jvmTimeout, "jvmTimeout is null"));
        memorySize("maxHeap (-Xmx)", maxHeap);
        memorySize("threadStack (-Xss)", threadStack);
        positive("processors", processors);
        positive("maxProcesses", maxProcesses);
        positive("maxFileBytes", maxFileBytes);
        positive("outputLimit", outputLimit);
        positive("keptOutputBytes", keptOutputBytes);
        positive("maxJvmStarts", maxJvmStarts);
        jvmOptions = List.copyOf(Objects.requireNonNull(jvmOptions, "jvmOptions is null; use List.of()"));
        for (String option : jvmOptions) {
            if (option.isBlank()) {
                throw new IllegalArgumentException("jvmOptions " + jvmOptions + " holds a blank option; remove it");
            }
        }
    }

    /**
     * 10 s per test, 120 s per JVM, 512m heap, 1m stacks, 1 processor, 512 processes, 64 MiB files, 8 MiB of
     * output (64 KiB kept per stream), at most 25 JVMs per class, and the Vector API module the nnlab library's
     * SIMD backend needs.
     */
    public static TestJvmOptions defaults() {
        return new TestJvmOptions(Duration.ofSeconds(10), Duration.ofSeconds(120), "512m", "1m", 1, 512,
                64L << 20, 8L << 20, 64 << 10, 25, List.of("--add-modules", "jdk.incubator.vector"));
    }

    /** These options with JUnit's default test time-out set to {@code timeout}. */
    public TestJvmOptions withTestTimeout(Duration timeout) {
        return new TestJvmOptions(timeout, jvmTimeout, maxHeap, threadStack, processors, maxProcesses,
                maxFileBytes, outputLimit, keptOutputBytes, maxJvmStarts, jvmOptions);
    }

    /** These options with the wall-clock limit of one JVM set to {@code timeout}. */
    public TestJvmOptions withJvmTimeout(Duration timeout) {
        return new TestJvmOptions(testTimeout, timeout, maxHeap, threadStack, processors, maxProcesses,
                maxFileBytes, outputLimit, keptOutputBytes, maxJvmStarts, jvmOptions);
    }

    /** These options with {@code -Xmx} set to {@code size}, e.g. {@code "256m"}. */
    public TestJvmOptions withMaxHeap(String size) {
        return new TestJvmOptions(testTimeout, jvmTimeout, size, threadStack, processors, maxProcesses,
                maxFileBytes, outputLimit, keptOutputBytes, maxJvmStarts, jvmOptions);
    }

    /** These options with the output limit set to {@code bytes}. */
    public TestJvmOptions withOutputLimit(long bytes) {
        return new TestJvmOptions(testTimeout, jvmTimeout, maxHeap, threadStack, processors, maxProcesses,
                maxFileBytes, bytes, keptOutputBytes, maxJvmStarts, jvmOptions);
    }

    /** These options with the process limit set to {@code count}. */
    public TestJvmOptions withMaxProcesses(int count) {
        return new TestJvmOptions(testTimeout, jvmTimeout, maxHeap, threadStack, processors, count,
                maxFileBytes, outputLimit, keptOutputBytes, maxJvmStarts, jvmOptions);
    }

    /** These options with {@code options} as the further JVM options. */
    public TestJvmOptions withJvmOptions(List<String> options) {
        return new TestJvmOptions(testTimeout, jvmTimeout, maxHeap, threadStack, processors, maxProcesses,
                maxFileBytes, outputLimit, keptOutputBytes, maxJvmStarts, options);
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero() || value.toMillis() == 0) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be at least 1 ms");
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be > 0");
        }
    }

    private static void memorySize(String name, String value) {
        Objects.requireNonNull(value, name + " is null");
        if (!MEMORY_SIZE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is \"" + value + "\"; write a size as the JVM does, a"
                    + " whole number and k, m or g, e.g. \"512m\"");
        }
    }
}
