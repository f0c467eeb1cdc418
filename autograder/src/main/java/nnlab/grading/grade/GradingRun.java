package nnlab.grading.grade;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nnlab.grading.intake.IntakeReport;
import nnlab.grading.results.GradescopeResults;
import nnlab.grading.runner.ClassRunResult;

/**
 * What {@link LabGrader#grade} did: the results written, and what the instructor may want to look at.
 *
 * @param labId   the lab graded
 * @param results the results as written to {@code results.json}
 * @param runs    the hidden classes run, with their test JVMs (empty when none ran)
 * @param intake  what the intake took and ignored, or {@code null} when the submission could not be read
 * @param stages  the time of each stage (template, intake, compile, gate, tests, results) in order
 * @param total   the whole grading's time
 */
public record GradingRun(String labId, GradescopeResults results, List<ClassRunResult> runs, IntakeReport intake,
                         Map<String, Duration> stages, Duration total) {

    /** Copies the collections. */
    public GradingRun {
        runs = List.copyOf(runs);
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    /** How many test JVMs were started, restarts after crashes included. */
    public int testJvmCount() {
        return runs.stream().mapToInt(run -> run.jvmRuns().size()).sum();
    }

    /**
     * The wall-clock time the test JVMs ran, from start to exit, JVM start-up included. The rest of {@link #total()}
     * is the pipeline around them (template, intake, compile, gate, discovery, results).
     */
    public Duration testJvmTime() {
        return runs.stream().flatMap(run -> run.jvmRuns().stream()).map(jvm -> jvm.wallTime())
                .reduce(Duration.ZERO, Duration::plus);
    }
}
