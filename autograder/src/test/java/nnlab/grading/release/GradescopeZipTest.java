package nnlab.grading.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import nnlab.grading.results.ResultsJson;

/**
 * The autograder zip: its entries, modes and determinism (read back with Commons Compress, a second zip
 * implementation), and its scripts, run with bash against fake {@code java} and {@code apt-get} commands.
 */
class GradescopeZipTest {

    @TempDir
    Path dir;

    private Path bundle;
    private List<GraderJar> jars;

    @BeforeEach
    void bundleAndJars() throws IOException {
        bundle = dir.resolve("bundle");
        write(bundle.resolve("lab.properties"), "lab=lab00\n");
        write(bundle.resolve("hidden/lab00/VectorOpsHiddenTest.class"), "classes");
        Path a = write(dir.resolve("m2/g/a/1/a-1.jar"), "jar a");
        Path b = write(dir.resolve("m2/g/b/2/b-2.jar"), "jar b");
        jars = List.of(new GraderJar(b, "g/b/2/b-2.jar"), new GraderJar(a, "g/a/1/a-1.jar"));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** The zip's entries, in order, with their Unix modes in octal. */
    private static Map<String, String> modes(Path zip) throws IOException {
        Map<String, String> modes = new LinkedHashMap<>();
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntriesInPhysicalOrder())) {
                modes.put(entry.getName(), Integer.toOctalString(entry.getUnixMode()));
            }
        }
        return modes;
    }

    private static String read(Path zip, String name) throws IOException {
        try (ZipFile file = ZipFile.builder().setPath(zip).get(); InputStream in = file.getInputStream(
                file.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theZipHoldsTheScriptsTheOfflineRepositoryAndTheBundleWithTheirModes() throws IOException {
        Path zip = dir.resolve("lab00-autograder.zip");
        List<String> entries = GradescopeZip.write(zip, "lab00", bundle, jars, "1g");

        Map<String, String> modes = modes(zip);
        assertThat(new ArrayList<>(modes.keySet()), is(entries));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("labs/", "40755");
        expected.put("labs/lab00/", "40755");
        expected.put("labs/lab00/hidden/", "40755");
        expected.put("labs/lab00/hidden/lab00/", "40755");
        expected.put("labs/lab00/hidden/lab00/VectorOpsHiddenTest.class", "100644");
        expected.put("labs/lab00/lab.properties", "100644");
        expected.put("lib/", "40755");
        expected.put("lib/classpath.txt", "100644");
        expected.put("lib/repository/", "40755");
        expected.put("lib/repository/g/", "40755");
        expected.put("lib/repository/g/a/", "40755");
        expected.put("lib/repository/g/a/1/", "40755");
        expected.put("lib/repository/g/a/1/a-1.jar", "100644");
        expected.put("lib/repository/g/b/", "40755");
        expected.put("lib/repository/g/b/2/", "40755");
        expected.put("lib/repository/g/b/2/b-2.jar", "100644");
        expected.put("run_autograder", "100755");
        expected.put("setup.sh", "100755");
        assertThat(modes, is(expected));

        assertThat("class path order kept", read(zip, "lib/classpath.txt"),
                is("repository/g/b/2/b-2.jar\nrepository/g/a/1/a-1.jar\n"));
        assertThat(read(zip, "lib/repository/g/a/1/a-1.jar"), is("jar a"));
        assertThat(read(zip, "labs/lab00/lab.properties"), is("lab=lab00\n"));
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            long time = file.getEntry("setup.sh").getTime();
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                assertThat(entry.getName(), entry.getTime(), is(time));
            }
        }
    }

    @Test
    void twoWritesAreByteIdentical() throws IOException {
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        GradescopeZip.write(first, "lab00", bundle, jars, "1g");
        Files.setLastModifiedTime(bundle.resolve("lab.properties"), FileTime.fromMillis(123_456_789L));
        GradescopeZip.write(second, "lab00", bundle, jars, "1g");
        assertThat(Files.readAllBytes(second), is(Files.readAllBytes(first)));
        try (var files = Files.list(dir)) {
            assertThat("no temporary file is left", files.filter(f -> f.toString().endsWith(".tmp")).toList(),
                    is(empty()));
        }
        try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(first.toFile())) {
            assertThat("the JDK's reader agrees", jdk.size(), is(18));
            assertThat(new String(jdk.getInputStream(jdk.getEntry("lib/classpath.txt")).readAllBytes(),
                    StandardCharsets.UTF_8), containsString("a-1.jar"));
        }
    }

    @Test
    void theScriptsAreValidBash() throws IOException, InterruptedException {
        Path zip = dir.resolve("a.zip");
        GradescopeZip.write(zip, "lab00", bundle, jars, "2g");
        for (String script : List.of("setup.sh", "run_autograder")) {
            Path file = write(dir.resolve("check").resolve(script), read(zip, script));
            Result result = bash(Map.of(), "-n", file.toString());
            assertThat(script + ": " + result.output(), result.status(), is(0));
        }
        assertThat(read(zip, "run_autograder"), containsString("-Xmx\"${NNLAB_GRADER_HEAP:-2g}\""));
    }

    @Test
    void badInputsAreRefused() {
        Path zip = dir.resolve("a.zip");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> GradescopeZip.write(zip, "lab0", bundle, jars, "1g")).getMessage(),
                containsString("lab id 'lab0' is not 'lab' and two digits"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> GradescopeZip.write(zip, "lab00", bundle, jars, "1 g; rm -rf /")).getMessage(),
                containsString("is not a size such as 512m or 2g"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> GradescopeZip.write(zip, "lab00", bundle, List.of(), "1g")).getMessage(),
                containsString("no grader jar given"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> GradescopeZip.write(zip, "lab00", dir.resolve("none"), jars, "1g")).getMessage(),
                containsString("is not a folder"));
        assertThat(Files.exists(zip), is(false));
    }

    // --- run_autograder, in a folder laid out like /autograder -------------------------------------------------

    /** Unzips into {@code root/source} as Gradescope does, and makes {@code root/submission}. */
    private Path autograderRoot() throws IOException {
        Path zip = dir.resolve("a.zip");
        GradescopeZip.write(zip, "lab00", bundle, jars, "1g");
        Path root = dir.resolve("autograder");
        Path source = root.resolve("source");
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                Path target = source.resolve(entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if ((entry.getUnixMode() & 0100) != 0) {
                    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(target));
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(target, permissions);
                }
            }
        }
        Files.createDirectories(root.resolve("submission"));
        return root;
    }

    /** A folder with an executable {@code name} script that runs {@code body} (sh). */
    private Path fakeCommand(String name, String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path command = write(bin.resolve(name), "#!/bin/sh\n" + body + "\n");
        command.toFile().setExecutable(true);
        return bin;
    }

    private record Result(int status, String output) {
    }

    private static Result bash(Map<String, String> environment, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat("bash finished", process.waitFor(60, TimeUnit.SECONDS), is(true));
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private Result runAutograder(Path root, Path fakeBin) throws IOException, InterruptedException {
        return bash(Map.of("AUTOGRADER_ROOT", root.toString(),
                        "PATH", fakeBin + ":" + System.getenv("PATH")),
                root.resolve("source/run_autograder").toString());
    }

    @Test
    void runAutograderCallsTheGraderWithTheClassPathAndTheLabsFolders() throws IOException, InterruptedException {
        Path root = autograderRoot();
        Path args = dir.resolve("java-args");
        Path bin = fakeCommand("java", "for a in \"$@\"; do echo \"$a\"; done > '" + args + "'\n"
                + "echo '{\"score\": 1.0}' > \"$AUTOGRADER_ROOT/results/results.json\"");

        Result result = runAutograder(root, bin);

        assertThat(result.output(), result.status(), is(0));
        Path source = root.resolve("source").toRealPath();
        assertThat(Files.readAllLines(args), contains("--add-modules", "jdk.incubator.vector", "-Xmx1g", "-cp",
                source + "/lib/repository/g/b/2/b-2.jar:" + source + "/lib/repository/g/a/1/a-1.jar",
                "nnlab.grading.grade.GradeMain",
                "--bundle", root + "/source/labs/lab00",
                "--submission", root + "/submission",
                "--out", root + "/results/results.json"));
        assertThat(Files.readString(root.resolve("results/results.json")), is("{\"score\": 1.0}\n"));
    }

    @Test
    void whenTheGraderCrashesWithoutResultsAValidZeroScoreResultIsWritten() throws IOException,
            InterruptedException {
        Path root = autograderRoot();
        Result result = runAutograder(root, fakeCommand("java", "echo 'Error: out of memory' >&2; exit 3"));

        assertThat(result.output(), result.status(), is(0));
        assertThat(result.output(), containsString("run_autograder: the grader exited with status 3"));
        String json = Files.readString(root.resolve("results/results.json"));
        assertThat(json, containsString("\"score\": 0.0"));
        assertThat(json, containsString("the autograder stopped with an error (exit status 3)"));
        assertThat(schemaErrors(json), is(empty()));
        try (var left = Files.list(root.resolve("results"))) {
            assertThat(left.map(p -> p.getFileName().toString()).toList(), contains("results.json"));
        }
    }

    @Test
    void resultsTheGraderWroteBeforeFailingAreKept() throws IOException, InterruptedException {
        Path root = autograderRoot();
        Result result = runAutograder(root, fakeCommand("java",
                "echo '{\"score\": 2.0}' > \"$AUTOGRADER_ROOT/results/results.json\"; exit 1"));
        assertThat(result.output(), result.status(), is(0));
        assertThat(Files.readString(root.resolve("results/results.json")), is("{\"score\": 2.0}\n"));
    }

    @Test
    void aMissingJavaAlsoGivesTheFallbackResult() throws IOException, InterruptedException {
        Path root = autograderRoot();
        Path emptyBin = Files.createDirectories(dir.resolve("empty-bin"));
        for (String tool : List.of("dirname", "mkdir", "cat", "mv")) {
            Files.createSymbolicLink(emptyBin.resolve(tool), Path.of("/usr/bin/env").resolveSibling(tool)
                    .toRealPath());
        }
        Result result = bash(Map.of("AUTOGRADER_ROOT", root.toString(), "PATH", emptyBin.toString()),
                root.resolve("source/run_autograder").toString());
        assertThat(result.output(), result.status(), is(0));
        assertThat(result.output(), containsString("status 127"));
        assertThat(schemaErrors(Files.readString(root.resolve("results/results.json"))), is(empty()));
    }

    private static List<String> schemaErrors(String json) throws IOException {
        String schemaText;
        try (InputStream in = ResultsJson.class.getResourceAsStream(ResultsJson.SCHEMA_RESOURCE)) {
            schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaText, InputFormat.JSON);
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    // --- setup.sh, with fake java and apt-get --------------------------------------------------------------------

    /** Runs setup.sh with a fake java printing {@code javaVersionLine} and a fake apt-get; returns apt-get's calls. */
    private String runSetup(String javaVersionLine) throws IOException, InterruptedException {
        Path zip = dir.resolve("s.zip");
        GradescopeZip.write(zip, "lab00", bundle, jars, "1g");
        Path setup = write(dir.resolve("setup/setup.sh"), read(zip, "setup.sh"));
        Path log = dir.resolve("apt.log");
        Path bin = fakeCommand("apt-get", "echo \"apt-get $*\" >> '" + log + "'");
        Files.createSymbolicLink(bin.resolve("awk"), Path.of("/usr/bin/env").resolveSibling("awk").toRealPath());
        fakeCommand("java", "echo '" + javaVersionLine + "' >&2");
        Result result = bash(Map.of("PATH", bin.toString()), setup.toString());
        assertThat(result.output(), result.status(), is(0));
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void setupInstallsNoJdkWhenJava17IsThereButAddsBubblewrap() throws IOException, InterruptedException {
        String apt = runSetup("openjdk version \"17.0.15\" 2025-04-15");
        assertThat(apt, not(containsString("openjdk")));
        assertThat(apt, containsString("apt-get install -y --no-install-recommends bubblewrap"));
    }

    @Test
    void setupInstallsJdk17WhenJavaIsOlder() throws IOException, InterruptedException {
        String apt = runSetup("openjdk version \"1.8.0_392\"");
        assertThat(apt, is("apt-get update\napt-get install -y --no-install-recommends openjdk-17-jdk-headless\n"
                + "apt-get install -y --no-install-recommends bubblewrap\n"));
    }
}
