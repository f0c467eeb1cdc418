package nnlab.grading.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nnlab.grading.grade.Lab00;
import nnlab.grading.results.ResultsSchema;

/**
 * The whole release of the sample lab through {@code nnlab-release}: the student tree and the solutions are written,
 * and the Gradescope zip, unpacked into a folder laid out like Gradescope's {@code /autograder}, grades a submission
 * with its own {@code run_autograder}, offline, from the jars inside it.
 */
class ReleaseEndToEndTest {

    @TempDir
    static Path dir;

    private static Path release;

    @BeforeAll
    static void releaseLab00() {
        release = dir.resolve("release");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ReleaseMain.run(new String[] {"--lab", "lab00", "--labs-dir",
                Lab00.REPOSITORY.resolve("autograder/labs").toString(), "--out", release.toString(),
                "--classpath-file", System.getProperty("nnlab.grader.classpathFile"),
                "--local-repository", System.getProperty("nnlab.grader.localRepository")},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(out + "\n" + err, status, is(0));
        assertThat(out.toString(), containsString("tasks lab00.1, lab00.2, lab00.3, lab00.4, lab00.5"));
    }

    @Test
    void studentTreeHasStubsAndSolutionsHaveTheCode() throws IOException {
        String starter = Files.readString(release.resolve("student/lab00-warmup/src/main/java/lab00/VectorOps.java"));
        assertThat(starter, containsString("throw new UnsupportedOperationException(\"TODO(lab00.1): check that"));
        assertThat(starter, not(containsString("SOLUTION")));
        assertThat(starter, not(containsString("total += (double) a[i] * b[i]")));
        String solution = Files.readString(release.resolve("solutions/lab00-warmup/src/main/java/lab00/VectorOps.java"));
        assertThat(solution, containsString("total += (double) a[i] * b[i]"));
        assertThat(solution, not(containsString("SOLUTION")));
        assertThat("the handout ships", Files.exists(release.resolve("student/lab00-warmup/README.md")), is(true));
    }

    @Test
    void gradescopeZipGradesTheReferenceWithFullMarksInAnAutograderFolder() throws Exception {
        Path root = unpackAutograder("reference");
        for (String file : List.of("VectorOps.java", "Activations.java", "StableSoftmax.java")) {
            Files.copy(Lab00.REFERENCE.resolve("lab00").resolve(file), root.resolve("submission").resolve(file));
        }
        String results = runAutograder(root);

        assertThat(results, containsString("\"max_score\": 2.0"));
        assertThat(results, not(containsString("\"status\": \"failed\"")));
        assertThat(results, containsString("\"nnlab-autograder\": \"development\""));
        assertThat(ResultsSchema.errors(results), is(empty()));
    }

    @Test
    void gradescopeZipGradesTheStarterCodeWithOnlyTheWorkedExample() throws Exception {
        Path root = unpackAutograder("starter");
        Path submission = Files.createDirectories(root.resolve("submission/src/main/java/lab00"));
        for (String file : List.of("VectorOps.java", "Activations.java", "StableSoftmax.java")) {
            Files.copy(release.resolve("student/lab00-warmup/src/main/java/lab00").resolve(file),
                    submission.resolve(file));
        }
        String results = runAutograder(root);

        assertThat(ResultsSchema.errors(results), is(empty()));
        int passed = results.split("\"status\": \"passed\"", -1).length - 1;
        assertThat("only the worked example passes: " + results, passed, is(1));
    }

    /** Unpacks the zip into {@code <dir>/<name>/autograder/source}, as Gradescope does, with the zip's file modes. */
    private static Path unpackAutograder(String name) throws IOException {
        Path root = dir.resolve(name).resolve("autograder");
        Path source = Files.createDirectories(root.resolve("source"));
        Files.createDirectories(root.resolve("submission"));
        Files.createDirectories(root.resolve("results"));
        try (ZipFile zip = ZipFile.builder().setPath(release.resolve("gradescope/lab00-autograder.zip")).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                Path target = source.resolve(entry.getName()).normalize();
                assertThat(entry.getName(), target.startsWith(source), is(true));
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if ((entry.getUnixMode() & 0100) != 0) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        return root;
    }

    /** Runs {@code source/run_autograder} with {@code AUTOGRADER_ROOT} set to {@code root}; returns results.json. */
    private static String runAutograder(Path root) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("source/run_autograder").toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("run_autograder.log").toFile());
        builder.environment().put("AUTOGRADER_ROOT", root.toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv("PATH"));
        Process process = builder.start();
        boolean ended = process.waitFor(170, TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String log = Files.readString(root.resolve("run_autograder.log"), StandardCharsets.UTF_8);
        assertThat("run_autograder ended in time: " + log, ended, is(true));
        assertThat(log, process.exitValue(), is(0));
        assertThat("the summary is on run_autograder's output", log, containsString("lab00: took 3 of 3 files"));
        assertThat("no process left", ProcessHandle.current().descendants().toList(), is(empty()));
        return Files.readString(root.resolve("results/results.json"), StandardCharsets.UTF_8);
    }
}
