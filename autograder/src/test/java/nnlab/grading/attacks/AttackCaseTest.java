package nnlab.grading.attacks;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nnlab.grading.results.GradescopeResults;
import nnlab.grading.results.TestResult;

/**
 * The format of the attack cases and the comparison of results with a case's expectations: a wrong expectation must
 * be reported (a suite that cannot fail protects nothing), a typo in a case must not pass silently, and every case
 * folder must be listed in {@code docs/autograder-security.md}.
 */
class AttackCaseTest {

    private static final Path SECURITY_DOC = Path.of("..").toAbsolutePath().normalize()
            .resolve("docs/autograder-security.md");

    @TempDir
    Path dir;

    /** One case per attack the issue lists (an equals that is always true has two, one per way to try it). */
    private static final List<String> ISSUE_CASES = List.of(
            "exit-in-todo",
            "runtime-halt",
            "exit-through-reflection",
            "busy-loop-ignoring-interrupts",
            "static-initializer-loop",
            "thread-sleep-forever",
            "heap-bomb",
            "thread-bomb",
            "gigabyte-stdout",
            "fake-test-report",
            "results-file-tampering",
            "forged-surefire-report",
            "shadow-assertions",
            "post-discovery-filter",
            "junit-properties-disable-timeouts",
            "build-files-skip-tests",
            "equals-always-true-cast",
            "equals-always-true-subclass",
            "read-hidden-tests-from-classpath",
            "read-hidden-tests-from-disk",
            "network-call",
            "hard-coded-outputs",
            "unseeded-math-random",
            "compile-error-in-one-file",
            "renamed-method",
            "zip-with-parent-paths");

    @Test
    void everyCommittedCaseLoadsAndTheSuiteHasTheCasesOfTheIssue() throws IOException {
        List<AttackCase> cases = AttackCase.all();

        assertThat("the cases issue 5 asks for", cases.stream().map(AttackCase::name).toList(),
                hasItems(ISSUE_CASES.toArray(String[]::new)));
        for (AttackCase attack : cases) {
            assertThat(attack.name() + " has files to submit", Files.isDirectory(attack.submissionFolder()), is(true));
        }
    }

    @Test
    void everyCaseFolderIsInTheTableOfTheSecurityDoc() throws IOException {
        String doc = Files.readString(SECURITY_DOC);
        Matcher rows = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(doc);
        List<String> listed = rows.results().map(row -> row.group(1)).toList();

        for (AttackCase attack : AttackCase.all()) {
            assertThat(SECURITY_DOC + " lists every attack case in its table", listed, hasItem(attack.name()));
        }
        for (String name : listed) {
            assertThat("the table of " + SECURITY_DOC + " lists " + name + ", which has no case folder",
                    Files.isDirectory(AttackCase.CASES.resolve(name)), is(true));
        }
    }

    @Test
    void resultsAsExpectedHaveNoProblems() {
        AttackCase attack = parse("score.1.1 = 0\ntest-output.1.1 = TODO\\\\(lab00\\\\.1\\\\)\noutput.intake = Taken");

        assertThat(Expectations.problems(attack, results()), is(empty()));
    }

    @Test
    void aWrongScoreIsReported() {
        AttackCase attack = parse("score.1.1 = 1\ntest-output.1.1 = TODO");

        assertThat(Expectations.problems(attack, results()), contains(startsWith("test 1.1 (dot) scored 0.0 of 2.0,"
                + " expected 1.0")));
    }

    @Test
    void aTestExpectedAtZeroThatPassesIsReported() {
        AttackCase attack = parse("score.1.1 = 0\ntest-output.1.1 = TODO\nscore.0.1 = 0\ntest-output.0.1 = .");

        assertThat(Expectations.problems(attack, results()), hasItem(startsWith("test 0.1 (sum) scored 1.0 of 1.0,"
                + " expected 0.0")));
    }

    @Test
    void aTestThatLosesPointsTheCaseDoesNotExpectIsReported() {
        AttackCase attack = parse("");

        assertThat(Expectations.problems(attack, results()), contains(startsWith("test 1.1 (dot) scored 0.0 of 2.0,"
                + " expected 2.0")));
    }

    @Test
    void outputsThatDoNotMatchAreReported() {
        AttackCase attack = parse("score.1.1 = 0\ntest-output.1.1 = timed out\noutput.gate = uses an API");

        List<String> problems = Expectations.problems(attack, results());

        assertThat(problems, hasSize(2));
        assertThat(problems.get(0), startsWith("the output of test 1.1 has no match of /timed out/"));
        assertThat(problems.get(1), startsWith("the top-level output has no match of output.gate = /uses an API/"));
    }

    @Test
    void aTestNumberTheResultsDoNotHaveIsReported() {
        AttackCase attack = parse("score.1.1 = 0\ntest-output.1.1 = TODO\nscore.9.9 = 0\ntest-output.9.9 = x");

        assertThat(Expectations.problems(attack, results()), contains(
                "the case names test 9.9, but the results have only tests [0.1, 1.1]"));
    }

    @Test
    void typosInACaseAreRefusedWithTheFix() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> parse("scores.1.1 = 0")).getMessage(),
                containsString("unknown key scores.1.1; the keys are"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> parse("score.1.1 = 0")).getMessage(),
                containsString("gives no test-output.1.1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> parse("score.1.1 = none\ntest-output.1.1 = x"))
                .getMessage(), containsString("write a score >= 0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> parse("test-output.dot = x")).getMessage(),
                containsString("write a test number after test-output."));
        assertThat(assertThrows(IllegalArgumentException.class, () -> parse("output.x = (unclosed")).getMessage(),
                containsString("not a regular expression"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> parse("format = tar")).getMessage(),
                containsString("use folder or zip"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> parse("base = mine")).getMessage(),
                containsString("use reference, starter or none"));
        Properties noDescription = properties("stopped-by = x");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> AttackCase.parse("c", dir, noDescription)).getMessage(), containsString("has no description"));
    }

    @Test
    void aFolderSubmissionLaysTheCaseOverTheBaseAndMovesFilesToTheirPaths() throws IOException {
        Path base = write(dir.resolve("base/lab00/VectorOps.java"), "base").getParent().getParent();
        write(dir.resolve("base/lab00/Activations.java"), "base");
        Path folder = dir.resolve("case");
        write(folder.resolve("submission/lab00/VectorOps.java"), "cheat");
        write(folder.resolve("submission/report.xml"), "forged");
        AttackCase attack = AttackCase.parse("case", folder, properties(
                "description = d\nstopped-by = s\npath.report.xml = target/report.xml"));

        Path submission = attack.build(base, dir.resolve("unused"), Files.createDirectories(dir.resolve("out")));

        assertThat(Files.readString(submission.resolve("lab00/VectorOps.java")), is("cheat"));
        assertThat(Files.readString(submission.resolve("lab00/Activations.java")), is("base"));
        assertThat(Files.readString(submission.resolve("target/report.xml")), is("forged"));
        assertThat(Files.exists(submission.resolve("report.xml")), is(false));
    }

    @Test
    void aZipSubmissionHoldsEntriesAFolderCannot() throws IOException {
        Path folder = dir.resolve("case");
        write(folder.resolve("submission/escape/VectorOps.java"), "cheat");
        AttackCase attack = AttackCase.parse("case", folder, properties(
                "description = d\nstopped-by = s\nbase = none\nformat = zip\npath.escape/VectorOps.java = ../V.java"));

        Path zip = attack.build(dir, dir, Files.createDirectories(dir.resolve("out")));

        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry.getName(), is("../V.java"));
            assertThat(new String(in.readAllBytes()), is("cheat"));
            assertThat(in.getNextEntry() == null, is(true));
        }
        AttackCase inFolder = AttackCase.parse("case", folder, properties(
                "description = d\nstopped-by = s\nbase = none\npath.escape/VectorOps.java = ../V.java"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> inFolder.build(dir, dir, dir.resolve("out")))
                .getMessage(), containsString("leaves the submission folder; a folder cannot hold it, use format = zip"));
    }

    /** lab00-like results: the worked example passed, dot failed on a TODO. */
    private static GradescopeResults results() {
        return GradescopeResults.builder().output("**Taken (3 of 3):**")
                .test(TestResult.passed("sum", 1).withNumber("0.1"))
                .test(TestResult.failed("dot", 2, "UnsupportedOperationException: TODO(lab00.1)").withNumber("1.1"))
                .build();
    }

    private AttackCase parse(String expectations) {
        return AttackCase.parse("sample", dir, properties("description = d\nstopped-by = s\n" + expectations));
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
