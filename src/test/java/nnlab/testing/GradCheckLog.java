package nnlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import nnlab.nn.GradCheckResult;

/**
 * Keeps the largest gradient-check error seen per op, for the 1000-seed acceptance run; the one place the layer, loss
 * and conv/pool gradient checks report to. With {@code -Dnnlab.gradcheck.report=FILE} (e.g.
 * {@code -Dnnlab.test.jvm.flags="-Dnnlab.gradcheck.seeds=1000 -Dnnlab.gradcheck.report=target/gradcheck-report.txt"})
 * each test JVM appends one line per op to FILE when it exits: {@code op checks failures worst-relative-error
 * tolerance}, followed by the report of the worst check ({@link #summary()}). Without the property nothing is
 * written.
 */
public final class GradCheckLog {

    private static final Map<String, double[]> WORST = new TreeMap<>();
    private static final Map<String, String> WORST_MESSAGE = new TreeMap<>();

    static {
        String file = System.getProperty("nnlab.gradcheck.report");
        if (file != null && !file.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(file))));
        }
    }

    private GradCheckLog() {
    }

    /** Records {@code result} under {@code op} and returns it. */
    public static synchronized GradCheckResult record(String op, GradCheckResult result) {
        double[] w = WORST.computeIfAbsent(op, k -> new double[4]);
        w[0]++;
        if (w[0] == 1 || result.worst().relativeError() > w[1]) {
            w[1] = result.worst().relativeError();
            WORST_MESSAGE.put(op, result.message());
        }
        w[2] = Math.max(w[2], result.tolerance());
        w[3] += result.passed() ? 0 : 1;
        return result;
    }

    /** Records {@code result} under {@code op} and asserts that it passed. */
    public static void assertPassed(String op, GradCheckResult result) {
        record(op, result).assertPassed();
    }

    /**
     * Per op recorded so far, in name order: a line {@code op checks failures worst-relative-error tolerance}, then
     * the indented report of its worst check.
     */
    public static synchronized String summary() {
        StringBuilder sb = new StringBuilder();
        WORST.forEach((op, w) -> sb.append(String.format("%-40s %6d checks  %d failed  worst %.3e  tolerance %.1e%n",
                op, (long) w[0], (long) w[3], w[1], w[2]) + "    " + WORST_MESSAGE.get(op).replace("\n", "\n    ") + "\n"));
        return sb.toString();
    }

    private static void write(Path file) {
        try {
            Files.writeString(file, summary(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
