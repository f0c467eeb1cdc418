package nnlab.grading.release;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The grader's runtime class path as jars with their Maven repository paths, for {@link GradescopeZip}.
 *
 * <p>It reads the file that the autograder build writes ({@code target/grader-classpath.txt}, by
 * {@code maven-dependency-plugin:build-classpath}): absolute jar paths, separated by line breaks or by the
 * platform's path separator ({@code :} on Unix). Each jar must lie in the local Maven repository; its repository path
 * is its path relative to that repository. Jars that are not in it, such as the autograder's own jar, are passed
 * explicitly and come first.
 *
 * <p>Usage:
 * <pre>{@code
 * List<GraderJar> jars = GraderClasspath.read(Path.of("autograder/target/grader-classpath.txt"),
 *         Path.of(System.getProperty("user.home"), ".m2/repository"),
 *         List.of(new GraderJar(ownJar, GraderJar.mavenPath("io.github.nnlab", "nnlab-autograder", version))));
 * }</pre>
 */
public final class GraderClasspath {

    private GraderClasspath() {
    }

    /**
     * The class path's jars, in class-path order: {@code first}, then those the file lists.
     *
     * @param classpathFile   the file listing the jars
     * @param localRepository the local Maven repository the listed jars are in (usually {@code ~/.m2/repository})
     * @param first           jars placed before the listed ones, with their repository paths given
     * @return every jar with its repository path
     * @throws IllegalArgumentException if an entry is not an existing jar file or lies outside the local repository,
     *                                  or two jars would share a repository path
     * @throws IOException              if the file cannot be read
     */
    public static List<GraderJar> read(Path classpathFile, Path localRepository, List<GraderJar> first)
            throws IOException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalArgumentException("the class path file " + classpathFile + " does not exist; build the"
                    + " autograder first (mvn -f autograder/pom.xml generate-resources writes it)");
        }
        Path repository = localRepository.toAbsolutePath().normalize();
        List<GraderJar> jars = new ArrayList<>(first);
        for (String entry : Files.readString(classpathFile).split("[\\r\\n" + File.pathSeparator + "]+")) {
            if (entry.isBlank()) {
                continue;
            }
            Path jar = Path.of(entry.strip()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar")) {
                throw new IllegalArgumentException("class path entry " + jar + " (in " + classpathFile + ") is not a"
                        + " jar file; install the project it comes from (mvn install) so that its jar is used");
            }
            if (!jar.startsWith(repository)) {
                throw new IllegalArgumentException("class path entry " + jar + " is not in the local repository "
                        + repository + "; pass it explicitly, with its repository path, as one of the first jars");
            }
            jars.add(new GraderJar(jar, TreePaths.relative(repository, jar)));
        }
        List<String> seen = new ArrayList<>();
        for (GraderJar jar : jars) {
            if (seen.contains(jar.repositoryPath())) {
                throw new IllegalArgumentException("two class path jars share the repository path "
                        + jar.repositoryPath() + "; list each jar once");
            }
            seen.add(jar.repositoryPath());
        }
        return List.copyOf(jars);
    }
}
