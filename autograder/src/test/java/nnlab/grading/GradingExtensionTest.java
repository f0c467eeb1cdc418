package nnlab.grading;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.OptionalDouble;

import nnlab.grading.results.LeaderboardEntry;
import org.junit.jupiter.api.Test;

/** Runs the {@link GradedSamples} suites through the Launcher and checks what each graded test published. */
class GradingExtensionTest {

    @Test
    void partialCreditKeepsTheSmallestFractionAndEveryReasonInOrder() {
        SampleRun.Outcome outcome = SampleRun.of(GradedSamples.PartialCredit.class).outcome("threePartials()");

        assertThat(outcome.passed(), is(true));
        GradeReport report = outcome.report();
        assertThat(report.fraction(), equalTo(OptionalDouble.of(0.5)));
        assertThat(report.reasons(), contains("first: missing bias", "second: wrong sign\non two lines",
                "third: higher, cannot raise the credit"));
    }

    @Test
    void aTestThatRecordsNothingPublishesAnEmptyReport() {
        SampleRun.Outcome outcome = SampleRun.of(GradedSamples.PartialCredit.class).outcome("noPartial()");

        assertThat(outcome.report(), equalTo(GradeReport.empty()));
        assertThat(outcome.report().creditFraction(), is(1.0));
    }

    @Test
    void feedbackParagraphsAreJoinedByABlankLineAndEmptyOnesAddNothing() {
        GradeReport report = SampleRun.of(GradedSamples.FeedbackAndLeaderboard.class).outcome("feedback()").report();

        assertThat(report.feedback(), equalTo("**loss** after 5 epochs: `0.31`\n\n| a | b |\n|---|---|\n| 1 | 2 |"));
        assertThat(report.fraction(), equalTo(OptionalDouble.empty()));
    }

    @Test
    void feedbackIsCutAt64KiBWithANote() {
        GradeReport report = SampleRun.of(GradedSamples.FeedbackAndLeaderboard.class).outcome("tooMuchFeedback()")
                .report();

        assertThat(report.feedback().length(), lessThanOrEqualTo(GradeRecorder.MAX_FEEDBACK_CHARS));
        assertThat(report.feedback(), startsWith("0".repeat(1000) + "\n\n" + "1".repeat(1000) + "\n\n"));
        assertThat(report.feedback(), endsWith(" more characters not shown; a test keeps at most 65536)*"));
    }

    @Test
    void leaderboardEntriesKeepTheirOrderAndALaterValueReplacesAnEarlierOne() {
        GradeReport report = SampleRun.of(GradedSamples.FeedbackAndLeaderboard.class).outcome("leaderboard()").report();

        assertThat(report.leaderboard(), contains(new LeaderboardEntry("accuracy", 0.97, LeaderboardOrder.DESC),
                new LeaderboardEntry("test loss", 0.31, LeaderboardOrder.ASC)));
    }

    @Test
    void aFailingTestStillPublishesWhatItRecorded() {
        SampleRun run = SampleRun.of(GradedSamples.Failing.class);
        SampleRun.Outcome failed = run.outcome("failsAfterRecording()");
        SampleRun.Outcome threw = run.outcome("throwsAfterRecording()");

        assertThat(failed.failed(), is(true));
        assertThat(failed.report(), equalTo(new GradeReport(OptionalDouble.of(0.5), List.of("half"),
                "written before the failure", List.of(new LeaderboardEntry("accuracy", 0.1, LeaderboardOrder.DESC)))));
        assertThat(threw.failed(), is(true));
        assertThat(threw.report().fraction(), equalTo(OptionalDouble.of(0.25)));
    }

    @Test
    void nothingLeaksFromOneTestToTheNextEvenThroughAThreadThatOutlivedItsTest() {
        SampleRun run = SampleRun.of(GradedSamples.Sequence.class);

        assertThat(run.outcome("recordsEverything()").report(), equalTo(new GradeReport(OptionalDouble.of(0.1),
                List.of("from the first test"), "first test's feedback\n\nfirst test's pool thread",
                List.of(new LeaderboardEntry("first", 1, LeaderboardOrder.DESC)))));
        assertThat(run.outcome("recordsNothing()").passed(), is(true));
        assertThat(run.outcome("recordsNothing()").report(), equalTo(GradeReport.empty()));
        assertThat(run.outcome("recordsItsOwn()").report(), equalTo(new GradeReport(OptionalDouble.of(0.3),
                List.of("from the third test"), "", List.of())));
        assertThat("the launching thread keeps no recorder", GradeRecorder.current(), nullValue());
    }

    @Test
    void theThreadOfAssertTimeoutPreemptivelyRecordsForItsTest() {
        SampleRun.Outcome outcome = SampleRun.of(GradedSamples.Timeout.class).outcome("recordsFromTheTimeoutThread()");

        assertThat(outcome.passed(), is(true));
        assertThat(outcome.report(), equalTo(new GradeReport(OptionalDouble.of(0.25), List.of("from the timeout thread"),
                "from the timeout thread", List.of())));
    }

    @Test
    void beforeEachAndAfterEachMethodsRecordForTheirTest() {
        GradeReport report = SampleRun.of(GradedSamples.Lifecycle.class).outcome("body()").report();

        assertThat(report.feedback(), equalTo("from @BeforeEach\n\nfrom the test"));
        assertThat(report.reasons(), contains("from @AfterEach"));
    }

    @Test
    void eachParameterizedInvocationHasItsOwnReport() {
        List<SampleRun.Outcome> outcomes = SampleRun.of(GradedSamples.Parameterized.class).outcomes();

        assertThat(outcomes.size(), is(2));
        assertThat(outcomes.get(0).report().reasons(), contains("fraction 0.25"));
        assertThat(outcomes.get(0).report().fraction(), equalTo(OptionalDouble.of(0.25)));
        assertThat(outcomes.get(1).report().reasons(), contains("fraction 0.5"));
        assertThat(outcomes.get(1).report().fraction(), equalTo(OptionalDouble.of(0.5)));
    }

    @Test
    void registeringTheExtensionAgainOnTheClassStillPublishesOnce() {
        SampleRun.Outcome outcome = SampleRun.of(GradedSamples.RegisteredTwice.class).outcome("publishesOnce()");

        assertThat(outcome.entries().size(), is(1));
        assertThat(outcome.report().reasons(), contains("once"));
    }

    @Test
    void negativePointsFailTheTestNamingIt() {
        SampleRun.Outcome outcome = SampleRun.of(GradedSamples.NegativePoints.class).outcome("misconfigured()");

        assertThat(outcome.failed(), is(true));
        assertThat(outcome.result().getThrowable().orElseThrow().getMessage(), equalTo("@Graded(points = -1.0) on"
                + " misconfigured(): points must be finite and > 0; leave @Graded off a test that should not be scored"));
    }

    @Test
    void zeroPointsFailTheTestAsTheGraderRefusesThem() {
        SampleRun.Outcome outcome = SampleRun.of(GradedSamples.ZeroPoints.class).outcome("misconfigured()");

        assertThat(outcome.failed(), is(true));
        assertThat(outcome.result().getThrowable().orElseThrow().getMessage(),
                startsWith("@Graded(points = 0.0) on misconfigured(): points must be finite and > 0"));
    }

    @Test
    void callsOutsideAGradedTestAreIgnoredAndPublishNothing() {
        SampleRun.Outcome outcome = SampleRun.of(GradedSamples.Ungraded.class).outcome("callsAreIgnored()");

        assertThat(outcome.passed(), is(true));
        assertThat(outcome.entries(), empty());
    }

    @Test
    void callsFromThisUngradedTestDoNotThrow() {
        Grade.partial(0.5, "ignored");
        Feedback.markdown("ignored");
        Leaderboard.report("ignored", 1, LeaderboardOrder.ASC);

        assertThat(GradeRecorder.current(), nullValue());
    }

    @Test
    void sampleSuitesAreDisabledUnlessTheSampleRunEnablesThem() {
        SampleRun run = SampleRun.of(GradedSamples.Failing.class, false);

        assertThat(run.outcomes(), empty());
        assertThat(run.skipped(), hasKey("GradedSamples$Failing"));
        assertThat(run.skipped().get("GradedSamples$Failing"), containsString("only the grading API tests run it"));
    }
}
