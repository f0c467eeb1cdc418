package nnlab.grading.bundle;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles trusted, grader-owned sources (the reference solution, the starter code, the hidden suite) when a grading
 * bundle is built: every {@code .java} file under a source root, in-process, {@code --release 17 -proc:none -g}.
 * Unlike the student's compile step, any error is the instructor's to fix, so it fails the build with every message.
 */
public final class SourceCompiler {

    private static final List<String> OPTIONS = List.of("--release", "17", "-proc:none", "-g", "-encoding", "UTF-8",
            "-Xlint:none", "-nowarn");

    private SourceCompiler() {
    }

    /**
     * Compiles every {@code .java} file under {@code sourceRoot} into {@code outputDirectory}.
     *
     * @param what            what the sources are, for the error message (e.g. "lab00's hidden suite")
     * @throws IllegalStateException if the sources do not compile (every error listed), there are none, or the JVM has
     *                               no compiler
     * @throws IOException           if the sources cannot be listed or the output folder made
     */
    public static void compileTree(String what, Path sourceRoot, List<Path> classpath, Path outputDirectory)
            throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            sources = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList());
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException(what + ": no .java files under " + sourceRoot);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("this JVM has no Java compiler (javax.tools); run the grader on a JDK");
        }
        Files.createDirectories(outputDirectory);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        boolean compiled;
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH,
                StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of(sourceRoot));
            files.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDirectory));
            compiled = compiler.getTask(output, files, diagnostics, OPTIONS, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!compiled) {
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":"
                            + d.getLineNumber() + ": ") + d.getMessage(Locale.ENGLISH))
                    .collect(Collectors.joining("\n  "));
            throw new IllegalStateException(what + " does not compile:\n  " + errors + output);
        }
    }
}
