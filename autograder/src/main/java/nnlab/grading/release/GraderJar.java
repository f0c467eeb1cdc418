package nnlab.grading.release;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One jar of the grader's runtime class path and where it goes in an offline Maven repository.
 *
 * <p>Usage: {@code new GraderJar(Path.of("target/nnlab-autograder-0.1.0-SNAPSHOT.jar"),
 * GraderJar.mavenPath("io.github.nnlab", "nnlab-autograder", "0.1.0-SNAPSHOT"))}
 *
 * @param file           the jar on this machine
 * @param repositoryPath its path in a Maven repository, {@code /}-separated and relative, e.g.
 *                       {@code io/github/nnlab/nnlab/0.1.0-SNAPSHOT/nnlab-0.1.0-SNAPSHOT.jar}
 */
public record GraderJar(Path file, String repositoryPath) {

    /**
     * Checks the repository path.
     *
     * @throws IllegalArgumentException if it is absolute, has empty, {@code .} or {@code ..} parts or a backslash, or
     *                                  does not end with {@code .jar}
     */
    public GraderJar {
        Objects.requireNonNull(file, "file");
        String checked = TreePaths.prefix(repositoryPath);
        if (repositoryPath.startsWith("/") || repositoryPath.endsWith("/") || !repositoryPath.endsWith(".jar")
                || !checked.equals(repositoryPath + "/")) {
            throw new IllegalArgumentException("repository path '" + repositoryPath + "' of " + file + " is not a"
                    + " relative path ending in .jar, such as io/github/nnlab/nnlab/0.1.0/nnlab-0.1.0.jar");
        }
    }

    /**
     * The path of a jar in a Maven repository: {@code mavenPath("io.github.nnlab", "nnlab-autograder", "0.1.0")} is
     * {@code io/github/nnlab/nnlab-autograder/0.1.0/nnlab-autograder-0.1.0.jar}.
     */
    public static String mavenPath(String groupId, String artifactId, String version) {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + ".jar";
    }
}
