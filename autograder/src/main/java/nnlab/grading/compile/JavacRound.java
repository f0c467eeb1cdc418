package nnlab.grading.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * One run of the JDK's compiler, in-process, on a fixed set of sources: no annotation processing ({@code -proc:none},
 * an empty processor path), no plugins, no source path (a class not given is looked up as a class file on the class
 * path only, never compiled from sources found there), no implicit compilation, debug information on.
 */
final class JavacRound {

    /** javac's options, besides {@code -d} and the class path set on the file manager. */
    static final List<String> OPTIONS = List.of("--release", "17", "-proc:none", "-implicit:none", "-g",
            "-encoding", "UTF-8", "-Xlint:none", "-nowarn", "-Xmaxerrs", "50");

    private JavacRound() {
    }

    /**
     * The result of a run.
     *
     * @param succeeded whether javac reported success
     * @param errors    its errors in the order reported (warnings and notes are dropped)
     */
    record Result(boolean succeeded, List<CompilerError> errors) {
    }

    /**
     * Compiles {@code sources} against {@code classpath} into {@code outputDirectory} (which must exist).
     *
     * @throws IllegalStateException if the JVM has no compiler (a JRE rather than a JDK)
     * @throws UncheckedIOException  if the file manager cannot be set up
     */
    static Result compile(List<Path> sources, List<Path> classpath, Path outputDirectory) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("this JVM has no Java compiler (javax.tools); run the grader on a JDK");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH,
                StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            files.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDirectory));
            JavaCompiler.CompilationTask task = compiler.getTask(output, files, diagnostics, OPTIONS, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setLocale(Locale.ENGLISH);
            boolean succeeded = task.call();
            List<CompilerError> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(detach(diagnostic, sources));
                }
            }
            if (!succeeded && errors.isEmpty() && !output.toString().isBlank()) {
                errors.add(new CompilerError(null, 0, 0, -1, output.toString().strip()));
            }
            return new Result(succeeded, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("could not set up the compiler's file manager: " + e.getMessage(), e);
        }
    }

    private static CompilerError detach(Diagnostic<? extends JavaFileObject> diagnostic, List<Path> sources) {
        Path file = null;
        JavaFileObject source = diagnostic.getSource();
        if (source != null) {
            for (Path candidate : sources) {
                if (candidate.toUri().equals(source.toUri())) {
                    file = candidate;
                }
            }
        }
        long line = Math.max(0, diagnostic.getLineNumber());
        long column = Math.max(0, diagnostic.getColumnNumber());
        long position = diagnostic.getPosition() == Diagnostic.NOPOS ? -1 : diagnostic.getPosition();
        String message = diagnostic.getMessage(Locale.ENGLISH).lines().collect(Collectors.joining("\n"));
        return new CompilerError(file, line, column, position, message);
    }
}
