package nnlab.grading.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Starts one test JVM ({@link TestJvmMain}) for one class inside an {@link Isolation}, enforces its wall-clock and
 * output limits from outside, kills its whole process tree when it ends, and reads its outcome file.
 */
final class TestJvmLauncher {

    /** One finished test JVM: what it wrote to its outcome file, how it ended, and a summary. */
    record JvmRun(OutcomeLog log, JvmEnd end, JvmRunSummary summary) {
    }

    private static final long DRAIN_JOIN_MILLIS = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path java;
    private final List<Path> classpath;
    private final TestJvmOptions options;
    private final Isolation isolation;

    /**
     * @param classpath entries the test JVM's user can read (staged if the isolation switches user)
     */
    TestJvmLauncher(Path java, List<Path> classpath, TestJvmOptions options, Isolation isolation) {
        this.java = java;
        this.classpath = List.copyOf(classpath);
        this.options = options;
        this.isolation = isolation;
    }

    /**
     * Runs {@code className} in a new JVM, skipping the tests and templates whose unique ids are in {@code skip}.
     *
     * @throws UncheckedIOException if the JVM cannot be started (e.g. the isolation tool vanished)
     */
    JvmRun run(String className, Set<String> skip) {
        Path workDir = WorkDirectories.create(isolation, "nnlab-test-jvm-");
        long started = System.nanoTime();
        try {
            Path tmp = Files.createDirectory(workDir.resolve("tmp"));
            WorkDirectories.handOver(isolation, tmp);
            Path outcomes = Files.createFile(workDir.resolve("outcomes.jsonl"));
            WorkDirectories.handOver(isolation, outcomes);
            String token = HexFormat.of().formatHex(bytes(16));
            List<Path> readable = new ArrayList<>(classpath);
            readable.add(0, IsolationProbe.javaHome(java));
            List<String> command = isolation.wrap(javaCommand(workDir, tmp, outcomes, className, skip), workDir,
                    readable, options);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            env.put("PATH", "/usr/bin:/bin");
            env.put("LANG", "C.UTF-8");
            env.put("HOME", workDir.toString());
            Process process = builder.start();
            return watch(process, token, outcomes, started);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a test JVM for " + className + ": " + e.getMessage(), e);
        } finally {
            WorkDirectories.deleteQuietly(workDir);
        }
    }

    private JvmRun watch(Process process, String token, Path outcomes, long started) throws IOException {
        AtomicReference<JvmEnd.Cause> killedFor = new AtomicReference<>();
        Runnable overOutput = () -> {
            if (killedFor.compareAndSet(null, JvmEnd.Cause.OUTPUT_LIMIT)) {
                ProcessTree.kill(process.toHandle());
            }
        };
        AtomicLong total = new AtomicLong();
        StreamDrain stdout = StreamDrain.start("test-jvm-stdout", process.getInputStream(),
                options.keptOutputBytes(), total, options.outputLimit(), overOutput);
        StreamDrain stderr = StreamDrain.start("test-jvm-stderr", process.getErrorStream(),
                options.keptOutputBytes(), total, options.outputLimit(), overOutput);
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((token + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the JVM died before reading its token; its outcome file is empty and says so
        }
        List<Long> leftBehind;
        try {
            if (!process.waitFor(options.jvmTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                killedFor.compareAndSet(null, JvmEnd.Cause.WALL_CLOCK);
            }
            leftBehind = ProcessTree.kill(process.toHandle());
            process.waitFor();
            stdout.join(DRAIN_JOIN_MILLIS);
            stderr.join(DRAIN_JOIN_MILLIS);
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a test JVM ran; it was killed", e);
        }
        JvmEnd.Cause cause = killedFor.get() == null ? JvmEnd.Cause.EXITED : killedFor.get();
        boolean outOfMemory = stdout.tail().contains(JvmEnd.OUT_OF_MEMORY_MARK)
                || stderr.tail().contains(JvmEnd.OUT_OF_MEMORY_MARK);
        JvmEnd end = new JvmEnd(cause, process.exitValue(), outOfMemory);
        OutcomeLog log = OutcomeLog.read(outcomes, token);
        JvmRunSummary summary = new JvmRunSummary(ending(log, end), Duration.ofNanos(System.nanoTime() - started),
                total.get(), stdout.head(), stderr.head(), leftBehind, log.ignoredLines());
        return new JvmRun(log, end, summary);
    }

    private String ending(OutcomeLog log, JvmEnd end) {
        if (log.first(OutcomeFormat.DONE) != null) {
            return "ran to the end";
        }
        OutcomeLog.Event recycle = log.first(OutcomeFormat.RECYCLE);
        if (recycle != null) {
            return "ended early to continue in a fresh JVM: " + recycle.get(OutcomeFormat.REASON);
        }
        return end.describe(options);
    }

    private List<String> javaCommand(Path workDir, Path tmp, Path outcomes, String className, Set<String> skip) {
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xmx" + options.maxHeap(), "-Xss" + options.threadStack(),
                "-XX:ActiveProcessorCount=" + options.processors(), "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Xshare:auto",
                "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + workDir, "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8", "-Djunit.platform.launcher.interceptors.enabled=false"));
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(":")),
                TestJvmMain.class.getName(), outcomes.toString(), JUnitParameters.format(options.testTimeout()),
                className));
        command.addAll(skip);
        return command;
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
