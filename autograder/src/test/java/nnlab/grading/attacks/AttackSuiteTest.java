package nnlab.grading.attacks;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nnlab.grading.grade.GradingRun;
import nnlab.grading.grade.Lab00;
import nnlab.grading.results.ResultsJson;
import nnlab.grading.results.ResultsSchema;
import nnlab.grading.results.TestResult;
import nnlab.grading.runner.TestJvmOptions;

/**
 * The attack suite of issue 5: every case under {@code src/test/resources/attacks/} is graded with lab00's pipeline,
 * and the grading must end as the case expects. For each case:
 * <ul>
 *   <li>{@code results.json} exists, is valid against the Gradescope schema and holds exactly the results returned;</li>
 *   <li>every test scores what the case expects (full points unless it says otherwise), and the test and top-level
 *       outputs match the case's patterns;</li>
 *   <li>no child process of this JVM is left;</li>
 *   <li>nothing in the test's folder (the submission, a previous results file, everything but the new
 *       {@code results.json}) was created, changed or deleted, and the grader's work folder is gone.</li>
 * </ul>
 * The test JVMs run with short limits to keep the suite fast: {@link #LIMITS}.
 *
 * <p>Setting the system property {@value #REPORT_PROPERTY} to a file path appends one Markdown table row per case
 * with the scores measured, for {@code docs/autograder-security.md}.
 */
class AttackSuiteTest {

    /**
     * The limits of the test JVMs: a 2 s JUnit time-out per test, 20 s per JVM, a 256m heap and 1 MiB of output,
     * otherwise {@link TestJvmOptions#defaults()}.
     */
    static final TestJvmOptions LIMITS = TestJvmOptions.defaults().withTestTimeout(Duration.ofSeconds(2))
            .withJvmTimeout(Duration.ofSeconds(20)).withMaxHeap("256m").withOutputLimit(1L << 20);

    /** The system property naming a file to append the measured results to. */
    static final String REPORT_PROPERTY = "nnlab.attacks.report";

    /** A results file of an earlier grading, next to the submission: no attack may change or delete it. */
    private static final String PREVIOUS_RESULTS = "previous/results.json";

    @TempDir
    Path dir;

    static List<String> cases() throws IOException {
        return AttackCase.all().stream().map(AttackCase::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void attackEndsAsTheCaseExpects(String name) throws IOException {
        AttackCase attack = AttackCase.load(AttackCase.CASES.resolve(name));
        Path submission = attack.build(Lab00.REFERENCE, Lab00.bundle().starterSources(), dir);
        Files.createDirectories(dir.resolve("previous"));
        Files.writeString(dir.resolve(PREVIOUS_RESULTS), "{\"score\": 12.5, \"tests\": []}\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path results = out.resolve("results.json");
        TreeSnapshot before = TreeSnapshot.of(dir, Set.of("out/results.json"));

        GradingRun run = Lab00.grade(submission, results, LIMITS, attack.compileTimeout());

        assertThat("children of this JVM left after grading " + name,
                ProcessHandle.current().descendants().map(ProcessHandle::info).map(Object::toString).toList(),
                is(empty()));
        assertThat("results.json of " + name + " is the results returned", Files.readString(results,
                StandardCharsets.UTF_8), is(ResultsJson.toJson(run.results())));
        assertThat("schema errors of results.json", ResultsSchema.errors(Files.readString(results,
                StandardCharsets.UTF_8)), is(empty()));
        assertThat("files created, changed or deleted outside the grader's work folder",
                TreeSnapshot.of(dir, Set.of("out/results.json")).changesSince(before), is(empty()));
        assertThat("differences from " + name + "/" + AttackCase.SETTINGS,
                Expectations.problems(attack, run.results()), is(empty()));
        report(attack, run);
    }

    /** Appends the measured row of {@code attack} to the report file, if one was asked for. */
    private static void report(AttackCase attack, GradingRun run) throws IOException {
        String file = System.getProperty(REPORT_PROPERTY, "");
        if (file.isBlank()) {
            return;
        }
        String zeroed = run.results().tests().stream().filter(t -> t.score() < t.maxScore())
                .map(t -> t.number() + ": " + format(t.score()) + "/" + format(t.maxScore()))
                .collect(Collectors.joining(", "));
        String line = "| `" + attack.name() + "` | " + (zeroed.isEmpty() ? "all full" : zeroed + "; rest full")
                + " | " + format(run.results().totalScore()) + "/" + format(run.results().totalMaxScore())
                + " | " + run.testJvmCount() + " | " + run.total().toMillis() / 100 / 10.0 + " s | "
                + firstLines(run.results().tests()) + " |\n";
        Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The first line of the output of each test that lost points, for the report. */
    private static String firstLines(List<TestResult> tests) {
        return tests.stream().filter(t -> t.score() < t.maxScore() && t.output() != null)
                .map(t -> t.number() + ": " + t.output().strip().lines().findFirst().orElse("")
                        .replace("|", "\\|"))
                .distinct().collect(Collectors.joining(" / "));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
