package nnlab.grading.grade;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nnlab.grading.results.GradescopeResults;
import nnlab.grading.results.ResultsSchema;
import nnlab.grading.results.TestResult;
import nnlab.grading.results.TestStatus;
import nnlab.grading.runner.TestJvmOptions;

/**
 * The self-tests of the grading pipeline on the sample lab, lab00: the reference solution earns every point, the
 * starter code students get earns nothing on exactly the tests of its TODO tasks, regrading gives the same file, and
 * submissions that cannot be read still give a valid results.json.
 */
class LabGradingTest {

    @TempDir
    Path dir;

    @Test
    void referenceSolutionEarnsEveryPoint() throws IOException {
        Path results = dir.resolve("results.json");
        GradingRun run = Lab00.grade(Lab00.REFERENCE, results);

        GradescopeResults written = run.results();
        assertThat(written.tests().size(), greaterThan(5));
        for (TestResult test : written.tests()) {
            assertThat(test.name() + ": " + test.output(), test.status(), is(TestStatus.PASSED));
            assertThat(test.name(), test.score(), is(test.maxScore()));
        }
        assertThat(written.totalScore(), is(written.totalMaxScore()));
        assertValid(results);
        assertThat("a test JVM per hidden class", run.testJvmCount(), is(Lab00.bundle().hiddenTestClasses().size()));
        assertNoProcessLeft();
    }

    @Test
    void starterCodeEarnsNothingExactlyOnTheTodoTasks() throws IOException {
        Path results = dir.resolve("results.json");
        GradingRun run = Lab00.grade(Lab00.bundle().starterSources(), results);

        List<TestResult> tests = run.results().tests();
        List<TestResult> todo = tests.stream().filter(LabGradingTest::hasTaskTag).toList();
        List<TestResult> given = tests.stream().filter(t -> !hasTaskTag(t)).toList();
        assertThat("lab00 has graded tests of TODO tasks", todo.size(), greaterThan(0));
        assertThat("lab00 has a graded test of code students are given (the worked example)", given.size(),
                greaterThan(0));
        for (TestResult test : todo) {
            assertThat(test.name() + " tests a TODO task: " + test.output(), test.score(), is(0.0));
            assertThat(test.name(), test.output(), containsString("TODO(" + test.tags().get(0)));
        }
        for (TestResult test : given) {
            assertThat(test.name() + " tests given code: " + test.output(), test.score(), is(test.maxScore()));
        }
        assertValid(results);
    }

    @Test
    void regradingTheSameSubmissionWritesTheSameBytes() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        Lab00.grade(Lab00.bundle().starterSources(), first);
        Lab00.grade(Lab00.bundle().starterSources(), second);

        assertThat(Files.readString(second), is(Files.readString(first)));
        assertThat(Files.mismatch(first, second), is(-1L));
    }

    @Test
    void aSubmissionThatIsNeitherFolderNorZipScoresZeroWithTheReason() throws IOException {
        Path submission = Files.writeString(dir.resolve("VectorOps.java.txt"), "not a zip", StandardCharsets.UTF_8);
        Path results = dir.resolve("results.json");
        GradingRun run = Lab00.grade(submission, results);

        assertThat(run.results().totalScore(), is(0.0));
        assertThat(run.results().output(), containsString(".zip"));
        assertThat("every graded test is listed", run.results().tests(), hasSize(9));
        assertThat(run.results().tests().stream().map(TestResult::score).toList(), everyItem(is(0.0)));
        assertThat("no test JVM started", run.testJvmCount(), is(0));
        assertValid(results);
    }

    @Test
    void aMissingSubmissionScoresZeroWithTheReason() throws IOException {
        Path results = dir.resolve("results.json");
        GradingRun run = Lab00.grade(dir.resolve("no-such-submission"), results);

        assertThat(run.results().totalScore(), is(0.0));
        assertThat(run.results().output(), containsString("No submission was found"));
        assertValid(results);
    }

    @Test
    void resultsReplaceAnOlderFileAndNoWorkFolderIsLeft() throws IOException {
        Path results = Files.writeString(dir.resolve("results.json"), "stale", StandardCharsets.UTF_8);
        Lab00.grade(Lab00.REFERENCE, results);

        assertValid(results);
        try (var left = Files.list(dir)) {
            assertThat("only results.json is left in its folder", left.map(p -> p.getFileName().toString()).toList(),
                    is(List.of("results.json")));
        }
    }

    @Test
    void aSubmissionWhereNoFileCompilesScoresZeroWithTheCompilerMessages() throws IOException {
        Path submission = Files.createDirectories(dir.resolve("submission/lab00"));
        for (String name : List.of("VectorOps", "Activations", "StableSoftmax")) {
            Files.writeString(submission.resolve(name + ".java"), "package lab00;\n\npublic final class " + name
                    + " {\n    int broken = ;\n}\n", StandardCharsets.UTF_8);
        }
        Path results = dir.resolve("results.json");
        GradingRun run = Lab00.grade(submission.getParent(), results);

        assertThat(run.results().totalScore(), is(0.0));
        assertThat(run.results().output(), containsString("VectorOps.java:4"));
        assertThat(run.results().output(), containsString("StableSoftmax.java:4"));
        assertThat("no test JVM starts when no file compiled", run.testJvmCount(), is(0));
        assertValid(results);
    }

    @Test
    void compilingPastTheTimeLimitScoresEveryTestZeroWithTheReason() throws IOException {
        Path results = dir.resolve("results.json");
        GradingRun run = Lab00.grade(Lab00.REFERENCE, results, TestJvmOptions.defaults(), Duration.ofMillis(1));

        assertThat(run.results().totalScore(), is(0.0));
        assertThat(run.results().output(), containsString("did not finish within"));
        assertThat("no test JVM starts when no file compiled", run.testJvmCount(), is(0));
        assertValid(results);
    }

    /** Whether a test belongs to a TODO task: it carries a task tag such as {@code lab00.3}. */
    private static boolean hasTaskTag(TestResult test) {
        return test.tags().stream().anyMatch(tag -> tag.matches("lab\\d{2}\\.\\d+"));
    }

    static void assertValid(Path results) throws IOException {
        assertThat(ResultsSchema.errors(Files.readString(results, StandardCharsets.UTF_8)), is(empty()));
    }

    static void assertNoProcessLeft() {
        assertThat("children of this JVM", ProcessHandle.current().descendants().map(ProcessHandle::pid).toList(),
                is(empty()));
    }
}
