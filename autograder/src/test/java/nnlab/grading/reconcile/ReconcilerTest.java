package nnlab.grading.reconcile;

import static nnlab.grading.reconcile.Outcomes.LINEAR;
import static nnlab.grading.reconcile.Outcomes.TRAINING;
import static nnlab.grading.reconcile.Outcomes.failed;
import static nnlab.grading.reconcile.Outcomes.feedback;
import static nnlab.grading.reconcile.Outcomes.invocation;
import static nnlab.grading.reconcile.Outcomes.leaderboard;
import static nnlab.grading.reconcile.Outcomes.partial;
import static nnlab.grading.reconcile.Outcomes.passed;
import static nnlab.grading.reconcile.Outcomes.problem;
import static nnlab.grading.reconcile.Outcomes.run;
import static nnlab.grading.reconcile.Outcomes.spec;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import nnlab.grading.GradeReport;
import nnlab.grading.Visibility;
import nnlab.grading.results.LeaderboardEntry;
import nnlab.grading.results.TestResult;
import nnlab.grading.results.TestStatus;
import nnlab.grading.runner.ClassRunResult;
import nnlab.grading.runner.OutcomeStatus;
import org.junit.jupiter.api.Test;

/** Each scoring rule of {@link Reconciler}, on hand-built runner results. */
class ReconcilerTest {

    private static final GradedTestSpec FORWARD = spec(LINEAR, "forward", 2, "Linear.java");
    private static final GradedTestSpec BACKWARD = spec(LINEAR, "backward", 3, "Linear.java");
    private static final GradedTestSpec TRAINS = spec(TRAINING, "trains", 4);

    private static Reconciliation reconcile(List<GradedTestSpec> specs, SubmissionChecks checks,
                                            ClassRunResult... runs) {
        Map<String, ClassRunResult> byClass = new TreeMap<>();
        for (ClassRunResult run : runs) {
            byClass.put(run.className(), run);
        }
        return Reconciler.reconcile(specs, byClass, checks);
    }

    private static TestResult only(GradedTestSpec spec, ClassRunResult run) {
        return reconcile(List.of(spec), SubmissionChecks.clean(), run).tests().get(0);
    }

    private static SubmissionChecks compileError(String file) {
        return new SubmissionChecks("", new TreeMap<>(Map.of(file, file + ":12: error: ';' expected")),
                new TreeMap<>(), "");
    }

    private static SubmissionChecks gateViolation(String file) {
        return new SubmissionChecks("", new TreeMap<>(),
                new TreeMap<>(Map.of(file, "- `System.exit` ends the grader's JVM (line 7)")), "");
    }

    @Test
    void checksBlockExactlyTheTestsThatDependOnABrokenFile() {
        assertThat(compileError("Linear.java").blocks(FORWARD), is(true));
        assertThat(gateViolation("Linear.java").blocks(BACKWARD), is(true));
        assertThat("a test without @GradesFiles depends on every file", compileError("Linear.java").blocks(TRAINS),
                is(true));
        GradedTestSpec onlyTraining = spec(TRAINING, "trains", 4, "Training.java");
        assertThat(compileError("Linear.java").blocks(onlyTraining), is(false));
        assertThat(gateViolation("Linear.java").blocks(onlyTraining), is(false));
        assertThat(SubmissionChecks.clean().blocks(FORWARD), is(false));
    }

    @Test
    void aPassedTestEarnsAllItsPointsAndKeepsNumberAndVisibility() {
        GradedTestSpec numbered = new GradedTestSpec(LINEAR, "forward", 2, "1.1", "Linear.forward",
                Visibility.AFTER_PUBLISHED, List.of());
        TestResult result = only(numbered, run(LINEAR, passed(LINEAR, "forward")));

        assertThat(result.score(), is(2.0));
        assertThat(result.maxScore(), is(2.0));
        assertThat(result.status(), is(TestStatus.PASSED));
        assertThat(result.number(), is("1.1"));
        assertThat(result.name(), is("Linear.forward"));
        assertThat(result.visibility(), is(Visibility.AFTER_PUBLISHED));
        assertThat(result.output(), is(nullValue()));
    }

    @Test
    void aPassedTestWithPartialCreditEarnsItsFractionAndIsNotShownAsPassed() {
        TestResult result = only(FORWARD, run(LINEAR, passed(LINEAR, "forward", partial(0.25, "db is wrong"))));

        assertThat(result.score(), is(0.5));
        assertThat(result.status(), is(TestStatus.FAILED));
        assertThat(result.output(), containsString("Partial credit:\n- db is wrong"));
    }

    @Test
    void aFailedTestEarnsNothingAndShowsItsReasonAndFeedback() {
        GradeReport grade = new GradeReport(OptionalDouble.of(0.5), List.of("half"), "Your `db`: **wrong**",
                List.of());
        TestResult result = only(FORWARD, run(LINEAR, Outcomes.outcome(LINEAR, "forward", "", OutcomeStatus.FAILED,
                "AssertionFailedError: expected 3 but was 4", grade)));

        assertThat(result.score(), is(0.0));
        assertThat(result.status(), is(TestStatus.FAILED));
        assertThat(result.output(), containsString("failed:\n\n```\nAssertionFailedError: expected 3 but was 4\n```"));
        assertThat(result.output(), containsString("Your `db`: **wrong**"));
        assertThat("a failed test's partial reasons do not claim credit", result.output(),
                not(containsString("Partial credit")));
    }

    @Test
    void aReasonCannotBreakOutOfItsCodeBlock() {
        TestResult result = only(FORWARD, run(LINEAR, failed(LINEAR, "forward", "```\n# Full marks ![x](y)")));

        assertThat(result.output(), containsString("````\n```\n# Full marks ![x](y)\n````"));
    }

    @Test
    void aTestThatDidNotRunEarnsNothingWithTheReason() {
        TestResult result = only(FORWARD, run(LINEAR, Outcomes.outcome(LINEAR, "forward", "", OutcomeStatus.NOT_RUN,
                "the test JVM was killed after 60 s", GradeReport.empty())));

        assertThat(result.score(), is(0.0));
        assertThat(result.output(), containsString("did not run:\n\n```\nthe test JVM was killed after 60 s"));
    }

    @Test
    void aTestWithoutOutcomeGivesTheClassProblem() {
        TestResult result = only(FORWARD, problem(LINEAR, "the test JVM exited with status 1 before any test"));

        assertThat(result.score(), is(0.0));
        assertThat(result.status(), is(TestStatus.FAILED));
        assertThat(result.output(), containsString("did not run:"));
        assertThat(result.output(), containsString("the test JVM exited with status 1 before any test"));
    }

    @Test
    void aTestWhoseClassOrMethodReportedNothingSaysSo() {
        Reconciliation reconciliation = reconcile(List.of(FORWARD, TRAINS), SubmissionChecks.clean(),
                run(LINEAR, passed(LINEAR, "backward")));

        for (TestResult result : reconciliation.tests()) {
            assertThat(result.score(), is(0.0));
            assertThat(result.output(), containsString("no result was reported"));
        }
    }

    @Test
    void aFileThatDoesNotCompileZeroesOnlyTheTestsThatDependOnIt() {
        Reconciliation reconciliation = reconcile(List.of(FORWARD, spec(LINEAR, "other", 1, "Relu.java")),
                compileError("Linear.java"), run(LINEAR, passed(LINEAR, "forward"), passed(LINEAR, "other")));

        TestResult forward = reconciliation.tests().get(0);
        assertThat(forward.score(), is(0.0));
        assertThat(forward.output(), is("not run: Linear.java does not compile (see the compiler messages above)"));
        assertThat(reconciliation.tests().get(1).score(), is(1.0));
        assertThat(reconciliation.output(), containsString("### Compile errors"));
        assertThat(reconciliation.output(),
                containsString("#### Linear.java\n\n```\nLinear.java:12: error: ';' expected"));
    }

    @Test
    void aTestDependingOnAllFilesIsZeroedByAnyBrokenFile() {
        TestResult result = reconcile(List.of(TRAINS), compileError("Relu.java"),
                run(TRAINING, passed(TRAINING, "trains"))).tests().get(0);

        assertThat(result.score(), is(0.0));
        assertThat(result.output(), containsString("Relu.java does not compile"));
    }

    @Test
    void aGateViolationZeroesTheTestsOfItsFileWithTheGateMessage() {
        Reconciliation reconciliation = reconcile(List.of(FORWARD, spec(LINEAR, "other", 1, "Relu.java")),
                gateViolation("Linear.java"), run(LINEAR, passed(LINEAR, "forward"), passed(LINEAR, "other")));

        TestResult forward = reconciliation.tests().get(0);
        assertThat(forward.score(), is(0.0));
        assertThat(forward.output(), containsString("Linear.java uses an API lab code may not use:"));
        assertThat(forward.output(), containsString("`System.exit` ends the grader's JVM"));
        assertThat(reconciliation.tests().get(1).score(), is(1.0));
        assertThat(reconciliation.output(), containsString("### APIs lab code may not use"));
    }

    @Test
    void aCompileErrorTakesPriorityOverAGateViolation() {
        SubmissionChecks both = new SubmissionChecks("", compileError("Linear.java").compileErrors(),
                gateViolation("Linear.java").gateViolations(), "");

        TestResult result = reconcile(List.of(FORWARD), both, run(LINEAR, passed(LINEAR, "forward"))).tests().get(0);

        assertThat(result.output(), containsString("does not compile"));
        assertThat(result.output(), not(containsString("may not use")));
    }

    @Test
    void everyInvocationMustPassForFullCredit() {
        GradedTestSpec spec = spec(LINEAR, "shapes", 3);
        TestResult result = only(spec, run(LINEAR,
                invocation(LINEAR, "shapes", 1, OutcomeStatus.PASSED, "", GradeReport.empty()),
                invocation(LINEAR, "shapes", 2, OutcomeStatus.FAILED, "wrong shape [2, 3]", GradeReport.empty()),
                invocation(LINEAR, "shapes", 3, OutcomeStatus.PASSED, "", partial(0.5, "slow"))));

        assertThat("3 * 2/3 * 0.5", result.score(), is(1.0));
        assertThat(result.status(), is(TestStatus.FAILED));
        assertThat(result.output(), containsString("2 of 3 invocations passed"));
        assertThat(result.output(), containsString("`[2] n=[2]` failed:\n\n```\nwrong shape [2, 3]"));
        assertThat(result.output(), containsString("- slow"));
    }

    @Test
    void allInvocationsPassingAtFullCreditIsAPass() {
        GradedTestSpec spec = spec(LINEAR, "shapes", 3);
        TestResult result = only(spec, run(LINEAR,
                invocation(LINEAR, "shapes", 1, OutcomeStatus.PASSED, "", GradeReport.empty()),
                invocation(LINEAR, "shapes", 2, OutcomeStatus.PASSED, "", GradeReport.empty())));

        assertThat(result.score(), is(3.0));
        assertThat(result.status(), is(TestStatus.PASSED));
    }

    @Test
    void scoresAreRoundedToFourDecimals() {
        GradedTestSpec spec = spec(LINEAR, "shapes", 1);
        TestResult result = only(spec, run(LINEAR,
                invocation(LINEAR, "shapes", 1, OutcomeStatus.PASSED, "", GradeReport.empty()),
                invocation(LINEAR, "shapes", 2, OutcomeStatus.PASSED, "", GradeReport.empty()),
                invocation(LINEAR, "shapes", 3, OutcomeStatus.FAILED, "no", GradeReport.empty())));

        assertThat(result.score(), is(0.6667));
    }

    @Test
    void outcomesOfUngradedTestsAreIgnored() {
        Reconciliation reconciliation = reconcile(List.of(FORWARD), SubmissionChecks.clean(),
                run(LINEAR, passed(LINEAR, "forward"), failed(LINEAR, "helperCheck", "boom")));

        assertThat(reconciliation.tests().size(), is(1));
        assertThat(reconciliation.tests().get(0).score(), is(2.0));
    }

    @Test
    void resultsFollowTheManifestOrder() {
        Reconciliation reconciliation = reconcile(List.of(TRAINS, BACKWARD, FORWARD), SubmissionChecks.clean(),
                run(LINEAR, passed(LINEAR, "forward"), passed(LINEAR, "backward")),
                run(TRAINING, passed(TRAINING, "trains")));

        assertThat(reconciliation.tests().stream().map(TestResult::name).toList(),
                contains("trains", "backward", "forward"));
        assertThat(reconciliation.score(), is(9.0));
        assertThat(reconciliation.anyTestRan(), is(true));
    }

    @Test
    void noTestRunIsNeverAPass() {
        Reconciliation reconciliation = reconcile(List.of(FORWARD, TRAINS), SubmissionChecks.clean(),
                problem(LINEAR, "class not found"), run(TRAINING, Outcomes.outcome(TRAINING, "trains", "",
                        OutcomeStatus.NOT_RUN, "@Disabled", GradeReport.empty())));

        assertThat(reconciliation.anyTestRan(), is(false));
        assertThat(reconciliation.score(), is(0.0));
        assertThat(reconciliation.output(), containsString("No graded test ran, so the score is 0."));
        assertThat(reconciliation.output(), containsString("### Test classes that could not run completely"));
        assertThat(reconciliation.toResults(Map.of()).score(), is(0.0));
    }

    @Test
    void theLeaderboardTakesTheLastValuePerNameSortedByName() {
        Reconciliation reconciliation = reconcile(List.of(FORWARD, TRAINS), SubmissionChecks.clean(),
                run(LINEAR, passed(LINEAR, "forward", leaderboard(LeaderboardEntry.higherIsBetter("accuracy", 0.8)))),
                run(TRAINING, Outcomes.outcome(TRAINING, "trains", "", OutcomeStatus.FAILED, "too slow",
                        leaderboard(LeaderboardEntry.higherIsBetter("accuracy", 0.9),
                                LeaderboardEntry.lowerIsBetter("loss", 0.1)))));

        assertThat(reconciliation.leaderboard(), contains(LeaderboardEntry.higherIsBetter("accuracy", 0.9),
                LeaderboardEntry.lowerIsBetter("loss", 0.1)));
    }

    @Test
    void aZeroedTestAddsNothingToTheLeaderboard() {
        Reconciliation reconciliation = reconcile(List.of(FORWARD), gateViolation("Linear.java"),
                run(LINEAR, passed(LINEAR, "forward", leaderboard(LeaderboardEntry.higherIsBetter("accuracy", 1)))));

        assertThat(reconciliation.leaderboard(), is(List.of()));
    }

    @Test
    void theOutputShowsIntakeNotesFirst() {
        SubmissionChecks checks = new SubmissionChecks("### Files\n\n- `notes.txt` was ignored\n",
                new TreeMap<>(), new TreeMap<>(), "");

        String output = reconcile(List.of(FORWARD), checks, run(LINEAR, passed(LINEAR, "forward"))).output();

        assertThat(output, is("### Files\n\n- `notes.txt` was ignored"));
    }

    @Test
    void rejectsAnEmptyManifestATestListedTwiceAndAMisfiledRun() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> reconcile(List.of(), SubmissionChecks.clean()))
                .getMessage(), containsString("lists no graded test"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> reconcile(List.of(FORWARD, FORWARD), SubmissionChecks.clean())).getMessage(),
                containsString("lists " + LINEAR + "#forward twice"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> Reconciler.reconcile(List.of(FORWARD),
                Map.of(TRAINING, run(LINEAR, passed(LINEAR, "forward"))), SubmissionChecks.clean())).getMessage(),
                containsString("filed under " + TRAINING));
    }

    @Test
    void feedbackFromASingleReportIsShownOnce() {
        TestResult result = only(FORWARD, run(LINEAR, passed(LINEAR, "forward", feedback("**well done**"))));

        assertThat(result.score(), is(2.0));
        assertThat(result.output(), is("**well done**"));
    }
}
