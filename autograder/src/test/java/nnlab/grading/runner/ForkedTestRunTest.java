package nnlab.grading.runner;

import static nnlab.grading.runner.SampleRuns.outcome;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** {@link ForkedTestRun} on well-behaved classes, classes without tests, and bad arguments. */
class ForkedTestRunTest {

    @Test
    void everyTestOfAClassGetsItsOutcomeGradeAndOutputFromOneJvm() {
        ClassRunResult result = SampleRuns.run("BasicsSample");

        assertThat(result.problem(), is(""));
        assertThat(result.jvmRuns().size(), is(1));
        assertThat(result.jvmRuns().get(0).ending(), is("ran to the end"));
        assertThat(result.isolation(), is(SampleRuns.ISOLATION.describe(SampleRuns.options())));
        assertThat(outcome(result, "passes()").status(), is(OutcomeStatus.PASSED));
        assertThat(outcome(result, "passes()").reason(), is(""));
        TestOutcome failed = outcome(result, "failsAnAssertion()");
        assertThat(failed.status(), is(OutcomeStatus.FAILED));
        assertThat(failed.reason(), startsWith("AssertionError: \nExpected: is <3>"));
        assertThat(failed.methodName(), is("failsAnAssertion"));
        assertThat(failed.className(), is("nnlab.grading.runner.samples.BasicsSample"));
        assertThat(failed.uniqueId(), is("[engine:junit-jupiter]/[class:nnlab.grading.runner.samples.BasicsSample]"
                + "/[method:failsAnAssertion()]"));
        TestOutcome graded = outcome(result, "earnsHalfCredit()");
        assertThat(graded.grade().fraction(), is(OptionalDouble.of(0.5)));
        assertThat(graded.grade().reasons(), contains("the bias is missing"));
        assertThat(outcome(result, "printsFromAnotherThread()").output(), is("from the test\nfrom a thread\n"));
        assertThat(outcome(result, "isDisabled()").status(), is(OutcomeStatus.NOT_RUN));
        assertThat(outcome(result, "isDisabled()").reason(), is("skipped: shown after the deadline"));
    }

    @Test
    void eachInvocationOfAParameterizedTestHasItsOwnOutcome() {
        ClassRunResult result = SampleRuns.run("BasicsSample");

        List<String> invocations = result.outcomes().stream().filter(o -> o.methodName().equals("addsZero"))
                .map(o -> o.displayName() + " " + o.status()).collect(Collectors.toList());
        assertThat(invocations, contains("[1] 1 PASSED", "[2] 2 FAILED", "[3] 3 PASSED"));
    }

    @Test
    void aDisabledClassLeavesEveryTestNotRunWithJUnitsReason() {
        ClassRunResult result = SampleRuns.run("BasicsSample", SampleRuns.options().withJvmOptions(List.of()),
                SampleRuns.classpath(), SampleRuns.ISOLATION);

        assertThat(result.outcomes().size(), is(6));
        assertThat(result.outcomes().stream().map(o -> o.status() + " " + o.reason()).distinct()
                .collect(Collectors.toList()), contains("NOT_RUN skipped: System property [nnlab.runner.samples] does not"
                + " exist ==> a runner sample; it runs only inside a test JVM started by the runner's tests"));
    }

    @Test
    void aClassWithoutTestsHasAProblemAndNoOutcomeNeverAPass() {
        ClassRunResult result = SampleRuns.run("NoTestsSample");

        assertThat(result.outcomes(), empty());
        assertThat(result.problem(), is("no tests found in nnlab.grading.runner.samples.NoTestsSample"));
    }

    @Test
    void aClassThatDoesNotExistHasAProblemThatNamesIt() {
        ClassRunResult result = SampleRuns.run("NoSuchSample");

        assertThat(result.outcomes(), empty());
        assertThat(result.problem(), startsWith("JUnit could not discover the tests of"
                + " nnlab.grading.runner.samples.NoSuchSample: DiscoveryIssueException: "));
        assertThat(result.problem(), containsString("Could not load class with name:"
                + " nnlab.grading.runner.samples.NoSuchSample"));
        assertThat(result.problem(), not(containsString("\tat ")));
    }

    @Test
    void aClasspathWithoutTheRunnerIsAProblemBeforeAnyTest() {
        ClassRunResult result = SampleRuns.run("BasicsSample", SampleRuns.options(), List.of(Path.of("/nonexistent")),
                SampleRuns.ISOLATION);

        assertThat(result.outcomes(), empty());
        assertThat(result.problem(), equalTo("the test JVM exited with status 1 (System.exit, Runtime.halt or a crash"
                + " of the JVM) before running any test of nnlab.grading.runner.samples.BasicsSample"));
        assertThat(result.jvmRuns().get(0).stderrHead(), containsString("TestJvmMain"));
    }

    @Test
    void badArgumentsAreRejectedWithTheFix() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new ForkedTestRun(List.of(), SampleRuns.options(), Isolation.none()));
        assertThat(empty.getMessage(), containsString("classpath is empty"));
        try (ForkedTestRun run = new ForkedTestRun(SampleRuns.classpath(), SampleRuns.options(), Isolation.none())) {
            IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> run.run(" "));
            assertThat(blank.getMessage(), containsString("binary name"));
        }
    }
}
