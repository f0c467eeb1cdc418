package nnlab.grading.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles trusted, grader-owned sources (the reference solution, the starter code, the hidden suite) when a grading
 * bundle is built: every {@code .java} file under a source root, with the same compiler settings as the student's
 * files ({@link JavacRound}). Unlike the student's compile step, any error is the instructor's to fix, so it fails
 * with every message.
 */
public final class SourceCompiler {

    private SourceCompiler() {
    }

    /**
     * Compiles every {@code .java} file under {@code sourceRoot} into {@code outputDirectory}.
     *
     * @param what what the sources are, for the error message (e.g. "lab00's hidden suite")
     * @throws IllegalStateException if the sources do not compile (every error listed), there are none, or the JVM has
     *                               no compiler
     * @throws IOException           if the sources cannot be listed or the output folder made
     */
    public static void compileTree(String what, Path sourceRoot, List<Path> classpath, Path outputDirectory)
            throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            sources = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException(what + ": no .java files under " + sourceRoot);
        }
        Files.createDirectories(outputDirectory);
        JavacRound.Result result = JavacRound.compile(sources, classpath, outputDirectory);
        if (!result.succeeded()) {
            throw new IllegalStateException(what + " does not compile:\n  " + result.errors().stream()
                    .map(e -> (e.file() == null ? "" : e.file().getFileName() + ":" + e.line() + ": ") + e.message())
                    .collect(Collectors.joining("\n  ")));
        }
    }
}
