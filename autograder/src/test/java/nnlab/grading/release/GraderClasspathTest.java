package nnlab.grading.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the grader's class path file that the autograder build writes. */
class GraderClasspathTest {

    private static final Path CLASSPATH_FILE = Path.of(System.getProperty("nnlab.grader.classpathFile"));
    private static final Path LOCAL_REPOSITORY = Path.of(System.getProperty("nnlab.grader.localRepository"));

    @TempDir
    Path dir;

    @Test
    void theBuildsClassPathMapsToRepositoryPathsAfterTheJarsGivenFirst() throws IOException {
        Path ownJar = Files.writeString(dir.resolve("nnlab-autograder.jar"), "jar");
        GraderJar own = new GraderJar(ownJar, GraderJar.mavenPath("io.github.nnlab", "nnlab-autograder",
                "0.1.0-SNAPSHOT"));
        List<GraderJar> jars = GraderClasspath.read(CLASSPATH_FILE, LOCAL_REPOSITORY, List.of(own));

        assertThat(jars.get(0), is(own));
        assertThat(own.repositoryPath(),
                is("io/github/nnlab/nnlab-autograder/0.1.0-SNAPSHOT/nnlab-autograder-0.1.0-SNAPSHOT.jar"));
        List<String> paths = jars.stream().map(GraderJar::repositoryPath).toList();
        assertThat(paths, hasItem("io/github/nnlab/nnlab/0.1.0-SNAPSHOT/nnlab-0.1.0-SNAPSHOT.jar"));
        assertThat(paths, hasItem("info/picocli/picocli/4.7.7/picocli-4.7.7.jar"));
        assertThat(paths, hasItem("org/junit/platform/junit-platform-launcher/1.13.4/"
                + "junit-platform-launcher-1.13.4.jar"));
        for (GraderJar jar : jars.subList(1, jars.size())) {
            assertThat(jar.file().toString(), jar.file(), is(LOCAL_REPOSITORY.toAbsolutePath().normalize()
                    .resolve(jar.repositoryPath())));
        }
        assertThat("test-scope jars are not part of the grader", paths.stream()
                .anyMatch(p -> p.contains("json-schema-validator") || p.contains("commons-compress")), is(false));
    }

    @Test
    void entriesMayBeOnePerLine() throws IOException {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Path a = Files.createDirectories(repository.resolve("g/a/1")).resolve("a-1.jar");
        Path b = Files.createDirectories(repository.resolve("g/b/2")).resolve("b-2.jar");
        Files.writeString(a, "a");
        Files.writeString(b, "b");
        Path file = Files.writeString(dir.resolve("cp.txt"), a + "\n" + b + "\n");
        assertThat(GraderClasspath.read(file, repository, List.of()),
                is(List.of(new GraderJar(a, "g/a/1/a-1.jar"), new GraderJar(b, "g/b/2/b-2.jar"))));
    }

    @Test
    void aJarOutsideTheRepositoryIsRefusedWithTheFix() throws IOException {
        Path outside = Files.writeString(dir.resolve("own.jar"), "jar");
        Path file = Files.writeString(dir.resolve("cp.txt"), outside.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraderClasspath.read(file, Files.createDirectories(dir.resolve("repo")), List.of()));
        assertThat(e.getMessage(), containsString("is not in the local repository"));
        assertThat(e.getMessage(), containsString("pass it explicitly, with its repository path"));
    }

    @Test
    void aFolderOrAMissingFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("cp.txt"), dir.resolve("classes").toString());
        assertThat(assertThrows(IllegalArgumentException.class, () -> GraderClasspath.read(file, dir, List.of()))
                .getMessage(), containsString("is not a jar file"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> GraderClasspath.read(dir.resolve("none.txt"), dir, List.of())).getMessage(),
                containsString("does not exist; build the autograder first"));
    }

    @Test
    void aRepositoryPathMustBeARelativeJarPath() {
        for (String bad : List.of("/abs/a.jar", "a/../b.jar", "a/b.zip", "a\\b.jar", "")) {
            assertThrows(IllegalArgumentException.class, () -> new GraderJar(Path.of("x.jar"), bad), bad);
        }
    }
}
