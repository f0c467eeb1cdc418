package nnlab.grading.grade;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code nnlab-grade} command line: what it prints, writes and exits with. */
class GradeMainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return GradeMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void gradesALabFromItsSetupAndPrintsTheSummary() throws IOException {
        Path results = dir.resolve("results.json");
        int status = run("--lab", "lab00", "--labs-dir", Lab00.REPOSITORY.resolve("autograder/labs").toString(),
                "--submission", Lab00.REFERENCE.toString(), "--out", results.toString(), "--work-dir", dir.toString());

        assertThat(err.toString(), status, is(0));
        assertThat(out.toString(), containsString("lab00: took 3 of 3 files"));
        assertThat(out.toString(), containsString("total"));
        assertThat(out.toString(), containsString("15 / 15"));
        assertThat(out.toString(), containsString("results: " + results));
        LabGradingTest.assertValid(results);
    }

    @Test
    void gradesWithABuiltBundle() throws IOException {
        Path results = dir.resolve("results.json");
        int status = run("--bundle", Lab00.bundle().folder().toString(), "--submission",
                Lab00.bundle().starterSources().toString(), "--out", results.toString(), "--seed", "7");

        assertThat(err.toString(), status, is(0));
        assertThat(out.toString(), containsString("1 / 15"));
        assertThat(Files.readString(results), containsString("\"seed\": 7"));
        LabGradingTest.assertValid(results);
    }

    @Test
    void aFolderThatIsNoBundleExitsWithOneAndStillWritesResults() throws IOException {
        Path results = dir.resolve("results.json");
        int status = run("--bundle", dir.resolve("nothing").toString(), "--submission", dir.toString(), "--out",
                results.toString());

        assertThat(status, is(1));
        assertThat(err.toString(), containsString("not a grading bundle"));
        assertThat(Files.readString(results), containsString("The autograder failed"));
        LabGradingTest.assertValid(results);
    }

    @Test
    void anUnknownLabNamesWhereItLooked() {
        int status = run("--lab", "lab77", "--labs-dir", Lab00.REPOSITORY.resolve("autograder/labs").toString(),
                "--submission", dir.toString(), "--out", dir.resolve("results.json").toString());

        assertThat(status, is(1));
        assertThat(err.toString(), containsString("lab77"));
    }

    @Test
    void missingArgumentsPrintTheUsage() {
        assertThat(run("--lab", "lab00"), is(2));
        assertThat(err.toString(), containsString("--submission"));
    }
}
