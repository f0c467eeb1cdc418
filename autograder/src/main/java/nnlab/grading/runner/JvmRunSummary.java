package nnlab.grading.runner;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One test JVM that {@link ForkedTestRun} started for a class, for the instructor's diagnosis.
 *
 * @param ending       how it ended, e.g. "ran to the end", "exited with status 0 (System.exit or Runtime.halt?)"
 * @param wallTime     how long it ran
 * @param outputBytes  how many bytes it wrote to standard output and error together
 * @param stdoutHead   the start of its standard output (at most {@link TestJvmOptions#keptOutputBytes()})
 * @param stderrHead   the start of its standard error (the same)
 * @param leftBehind   pids of its processes still alive after it was killed: empty unless killing failed
 * @param ignoredLines outcome lines it wrote that were ignored: without the run's token, malformed or cut short
 */
public record JvmRunSummary(String ending, Duration wallTime, long outputBytes, String stdoutHead,
                            String stderrHead, List<Long> leftBehind, int ignoredLines) {

    /**
     * Copies the list.
     *
     * @throws NullPointerException if an argument is null
     */
    public JvmRunSummary {
        Objects.requireNonNull(ending, "ending is null");
        Objects.requireNonNull(wallTime, "wallTime is null");
        Objects.requireNonNull(stdoutHead, "stdoutHead is null");
        Objects.requireNonNull(stderrHead, "stderrHead is null");
        leftBehind = List.copyOf(leftBehind);
    }
}
