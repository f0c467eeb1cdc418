package nnlab.grading.reconcile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import nnlab.grading.MarkdownText;
import nnlab.grading.results.LeaderboardEntry;
import nnlab.grading.results.TestResult;
import nnlab.grading.results.TestStatus;
import nnlab.grading.runner.ClassRunResult;
import nnlab.grading.runner.OutcomeStatus;
import nnlab.grading.runner.TestOutcome;

/**
 * Reconciles what the runner reported against the manifest of expected graded tests: every expected test gets a
 * result, whatever happened to it. A pure function: no I/O, and the same inputs (whatever the iteration order of
 * the maps) give equal results, so regrading a submission gives a byte-identical {@code results.json}.
 *
 * <p><b>Rules</b>, for each {@link GradedTestSpec} in manifest order, the first that applies:
 * <ol>
 *   <li>it depends on a file that does not compile: 0, "not run: X.java does not compile (see the compiler
 *       messages above)";</li>
 *   <li>it depends on a file that breaks the static gate: 0, "X.java uses an API lab code may not use:" and what
 *       it broke ({@link SubmissionChecks#gateViolations()});</li>
 *   <li>no outcome was reported for its method: 0, "did not run: " and the class's problem (the JVM died, the
 *       class could not be loaded, ...) or "no result was reported";</li>
 *   <li>otherwise it is scored from its outcomes (one, or one per invocation of a parameterized or repeated test):
 *       {@code score = points * (passed / invocations) * c}, where {@code c} is the smallest
 *       {@link nnlab.grading.GradeReport#creditFraction() credit fraction} among the passed invocations. A single
 *       failed or not-run test thus earns 0 with its reason; a passed one earns {@code points * creditFraction}.
 *       The status is passed only at full points. The output gives the reasons of the invocations that did not
 *       pass (at most 10), the partial-credit reasons of those that did, and the tests' Markdown feedback.</li>
 * </ol>
 * Scores are rounded half-even to 4 decimals. Outcomes of methods the manifest does not list (ungraded tests) are
 * ignored. Leaderboard entries come from the tests scored by rule 4, from every invocation that ran (passed or
 * failed), in manifest and run order; a later value of a name replaces an earlier one, and the entries are sorted
 * by name. If no graded test ran at all, the reconciliation says so and its score is 0: zero tests run is never a
 * pass.
 */
public final class Reconciler {

    private Reconciler() {
    }

    /**
     * Reconciles the runner's outcomes against the manifest.
     *
     * @param specs  the manifest, in the order the tests are to be listed (as {@link GradedTestDiscovery} gives it)
     * @param runs   the runner's result per hidden test class, by binary class name; a class missing here ran no
     *               test
     * @param checks the intake notes, compile errors and gate violations of the submission
     * @throws NullPointerException     if an argument, spec or run is null
     * @throws IllegalArgumentException if {@code specs} is empty, lists a test twice, or a run is filed under a
     *                                  name other than its class's
     */
    public static Reconciliation reconcile(List<GradedTestSpec> specs, Map<String, ClassRunResult> runs,
                                           SubmissionChecks checks) {
        Objects.requireNonNull(specs, "specs is null");
        Objects.requireNonNull(checks, "checks is null");
        SortedMap<String, ClassRunResult> sortedRuns = checkRuns(runs);
        checkSpecs(specs);
        List<TestResult> tests = new ArrayList<>();
        Map<String, LeaderboardEntry> leaderboard = new TreeMap<>();
        boolean anyRan = false;
        for (GradedTestSpec spec : specs) {
            TestResult blocked = blocked(spec, checks);
            if (blocked != null) {
                tests.add(blocked);
                continue;
            }
            ClassRunResult run = sortedRuns.get(spec.className());
            List<TestOutcome> outcomes = run == null ? List.of() : outcomesOf(spec, run);
            if (outcomes.isEmpty()) {
                String why = run == null || run.problem().isBlank() ? "no result was reported" : run.problem();
                tests.add(result(spec, 0.0, TestStatus.FAILED, "did not run:\n\n" + MarkdownText.fenced(why)));
                continue;
            }
            tests.add(OutcomeScoring.score(spec, outcomes));
            for (TestOutcome outcome : outcomes) {
                if (outcome.status() != OutcomeStatus.NOT_RUN) {
                    anyRan = true;
                    outcome.grade().leaderboard().forEach(entry -> leaderboard.put(entry.name(), entry));
                }
            }
        }
        String output = SubmissionOutput.render(specs, sortedRuns, checks, anyRan);
        return new Reconciliation(tests, output, List.copyOf(leaderboard.values()), anyRan);
    }

    /** The result of a test zeroed by rule 1 or 2, or {@code null} if neither applies. */
    private static TestResult blocked(GradedTestSpec spec, SubmissionChecks checks) {
        List<String> notCompiling = checks.compileErrors().keySet().stream().filter(spec::dependsOn).toList();
        if (!notCompiling.isEmpty()) {
            List<String> lines = notCompiling.stream()
                    .map(file -> "not run: " + file + " does not compile (see the compiler messages above)").toList();
            return result(spec, 0.0, TestStatus.FAILED, String.join("\n\n", lines));
        }
        List<String> violating = checks.gateViolations().keySet().stream().filter(spec::dependsOn).toList();
        if (!violating.isEmpty()) {
            List<String> parts = violating.stream()
                    .map(file -> file + " uses an API lab code may not use:\n\n"
                            + checks.gateViolations().get(file).strip())
                    .toList();
            return result(spec, 0.0, TestStatus.FAILED, String.join("\n\n", parts));
        }
        return null;
    }

    private static List<TestOutcome> outcomesOf(GradedTestSpec spec, ClassRunResult run) {
        return run.outcomes().stream()
                .filter(o -> o.methodName().equals(spec.methodName()))
                .filter(o -> o.className().isEmpty() || o.className().equals(spec.className()))
                .toList();
    }

    /** A result for {@code spec} with its number, tags and visibility; an empty output is left out. */
    static TestResult result(GradedTestSpec spec, double score, TestStatus status, String output) {
        return new TestResult(score, spec.points(), status, spec.name(), null, spec.number(),
                output.isEmpty() ? null : output, null, spec.tags(), spec.visibility(), null);
    }

    private static SortedMap<String, ClassRunResult> checkRuns(Map<String, ClassRunResult> runs) {
        Objects.requireNonNull(runs, "runs is null; use an empty map");
        SortedMap<String, ClassRunResult> sorted = new TreeMap<>();
        runs.forEach((name, run) -> {
            Objects.requireNonNull(run, () -> "the run of " + name + " is null; leave the class out instead");
            if (!run.className().equals(name)) {
                throw new IllegalArgumentException("the run of class " + run.className() + " is filed under "
                        + name + "; file each run under its class's binary name");
            }
            sorted.put(name, run);
        });
        return sorted;
    }

    private static void checkSpecs(List<GradedTestSpec> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("the manifest lists no graded test; a submission cannot be scored "
                    + "against nothing (check the hidden test classes)");
        }
        Set<String> seen = new HashSet<>();
        for (GradedTestSpec spec : specs) {
            if (!seen.add(Objects.requireNonNull(spec, "a spec is null").where())) {
                throw new IllegalArgumentException("the manifest lists " + spec.where() + " twice");
            }
        }
    }
}
