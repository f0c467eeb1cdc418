package nnlab.grading.runner;

import static nnlab.grading.runner.SampleRuns.outcome;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack cases of issue 5, each a sample class of hostile "student" code run in real test JVMs: every
 * attack fails exactly the test that makes it, with the reason; the tests around it keep their real outcome;
 * and no process is left behind ({@link SampleRuns} checks that after every class).
 */
class HostileSamplesTest {

    @Test
    void systemExitAndRuntimeHaltFailTheirTestAndTheClassGoesOnInAFreshJvm() {
        ClassRunResult result = SampleRuns.run("ExitSample");

        assertThat(statuses(result), contains("a_passes() PASSED", "b_exitsInTodo() FAILED", "c_passes() PASSED",
                "d_halts() FAILED", "e_fails() FAILED"));
        assertThat(outcome(result, "b_exitsInTodo()").reason(), equalTo(
                "the test JVM exited with status 0 (System.exit or Runtime.halt?) during this test"));
        assertThat(outcome(result, "d_halts()").reason(), startsWith("the test JVM exited with status 3"));
        assertThat(outcome(result, "e_fails()").reason(), containsString("Expected: is <3>"));
        assertThat(result.jvmRuns().size(), is(3));
    }

    @Test
    void loopsAndSleepsThatIgnoreInterruptsTimeOutAndTheJvmIsRecycledAfterEach() {
        ClassRunResult result = SampleRuns.run("HangSample");

        assertThat(statuses(result), contains("a_busyLoopIgnoringInterrupts() FAILED", "b_passes() PASSED",
                "c_sleepsForever() FAILED", "d_loopsInAStaticInitializer() FAILED", "e_passes() PASSED"));
        for (String hanging : List.of("a_busyLoopIgnoringInterrupts()", "c_sleepsForever()",
                "d_loopsInAStaticInitializer()")) {
            assertThat(outcome(result, hanging).reason(), equalTo("TimeoutException: " + hanging
                    + " timed out after 2000 milliseconds"));
        }
        assertThat(endings(result), contains(startsWith("ended early"), startsWith("ended early"),
                startsWith("ended early"), equalTo("ran to the end")));
    }

    @Test
    void aLoopJUnitCannotInterruptIsKilledAtTheWallClockLimit() {
        TestJvmOptions options = SampleRuns.options().withJvmTimeout(Duration.ofSeconds(4));
        ClassRunResult result = SampleRuns.run("WallClockSample", options, SampleRuns.classpath(),
                SampleRuns.ISOLATION);

        assertThat(statuses(result), contains("a_passes() PASSED", "b_busyLoopInTheTestThread() FAILED",
                "c_passes() PASSED"));
        assertThat(outcome(result, "b_busyLoopInTheTestThread()").reason(), equalTo("the test JVM was killed at"
                + " its wall-clock limit of 4 s (an endless loop that JUnit's time-out could not stop?) during this test"));
    }

    @Test
    void heapThreadAndOutputBombsFailOnlyTheirOwnTest() {
        ClassRunResult result = SampleRuns.run("BombSample");

        assertThat(statuses(result), contains("a_passes() PASSED", "b_heapBomb() FAILED", "c_passes() PASSED",
                "d_threadBomb() FAILED", "e_passes() PASSED", "f_printsOneGigabyte() FAILED", "g_passes() PASSED"));
        assertThat(outcome(result, "b_heapBomb()").reason(),
                equalTo("the test JVM ran out of memory (heap limit -Xmx64m) during this test"));
        if (SampleRuns.ISOLATION.limitsProcesses()) {
            assertThat(outcome(result, "d_threadBomb()").reason(), equalTo("the test JVM stopped during this test"
                    + " after an error JUnit cannot recover from: OutOfMemoryError: unable to create native thread:"
                    + " possibly out of memory or process/resource limits reached"));
        } else { // no process limit here: the bomb either timed out or left its 10000 threads running
            assertThat(outcome(result, "d_threadBomb()").reason(), anyOf(containsString("threads running"),
                    containsString("timed out")));
        }
        assertThat(outcome(result, "f_printsOneGigabyte()").reason(), equalTo("the test JVM was killed for"
                + " writing more than 1 MiB to standard output and error (printing in a loop?) during this test"));
        JvmRunSummary flood = result.jvmRuns().get(result.jvmRuns().size() - 2);
        assertThat(flood.outputBytes(), allOf(greaterThan(1L << 20), lessThan(64L << 20)));
        assertThat(flood.stdoutHead().length(), lessThanOrEqualTo(SampleRuns.options().keptOutputBytes()));
    }

    @Test
    void printedFakeResultsAndForgedOutcomeLinesChangeNothing() {
        ClassRunResult result = SampleRuns.run("ForgerySample");

        assertThat(statuses(result), contains("a_forgesResultsAndFails() FAILED", "b_passes() PASSED"));
        TestOutcome forger = outcome(result, "a_forgesResultsAndFails()");
        assertThat(forger.reason(), containsString("Expected: is <3>"));
        assertThat(forger.output(), containsString("Tests run: 10, Failures: 0"));
        assertThat(result.jvmRuns().get(0).ignoredLines(), is(3));
    }

    @Test
    void aJvmThatDiesOutsideAnyTestFailsTheRemainingTestsWithTheReason() {
        ClassRunResult result = SampleRuns.run("OutsideTestsSample");

        assertThat(result.outcomes().size(), is(2));
        assertThat(result.outcomes().stream().map(TestOutcome::reason).collect(Collectors.toList()),
                everyItem(startsWith("not run: the test JVM exited with status 0 (System.exit or Runtime.halt?)"
                        + " outside any test")));
        assertThat(result.outcomes().stream().map(TestOutcome::status).collect(Collectors.toList()),
                everyItem(is(OutcomeStatus.FAILED)));
        assertThat(result.jvmRuns().size(), is(1));
    }

    @Test
    void aJunitPropertiesFileOnTheClasspathCannotTurnTimeoutsOff(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("junit-platform.properties"), String.join("\n",
                "junit.jupiter.execution.timeout.mode=disabled",
                "junit.jupiter.execution.timeout.default=1 h",
                "junit.jupiter.execution.timeout.thread.mode.default=SAME_THREAD",
                "junit.jupiter.extensions.autodetection.enabled=true", ""));
        List<Path> classpath = new ArrayList<>(SampleRuns.classpath());
        classpath.add(0, dir);

        ClassRunResult result = SampleRuns.run("PropertiesSample", SampleRuns.options(), classpath,
                SampleRuns.ISOLATION);

        assertThat(statuses(result), contains("a_sleepsForever() FAILED", "b_passes() PASSED"));
        assertThat(outcome(result, "a_sleepsForever()").reason(),
                equalTo("TimeoutException: a_sleepsForever() timed out after 2000 milliseconds"));
        assertThat(endings(result), everyItem(not(containsString("wall-clock"))));
    }

    private static List<String> statuses(ClassRunResult result) {
        return result.outcomes().stream().map(o -> o.displayName() + " " + o.status()).collect(Collectors.toList());
    }

    private static List<String> endings(ClassRunResult result) {
        return result.jvmRuns().stream().map(JvmRunSummary::ending).collect(Collectors.toList());
    }
}
