package nnlab.grading.release;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** The sample lab of the repository, and a compiler for the trees the tests make from it. */
final class LabFolders {

    /** The instructor version of lab 0, from the autograder project's folder (the tests' working directory). */
    static final Path LAB00 = Path.of("..", "assignments", "lab00-warmup").toAbsolutePath().normalize();

    private LabFolders() {
    }

    /** The {@code .java} files under {@code root}, sorted. */
    static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /**
     * Compiles {@code sources} against the tests' class path (nnlab, JUnit, the grading API) into {@code out}.
     *
     * @return javac's diagnostics, empty when it compiled without errors or warnings
     * @throws AssertionError if javac reports an error (its messages included)
     */
    static String compile(List<Path> sources, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "--release", "17",
                "-classpath", System.getProperty("java.class.path") + File.pathSeparator + out));
        sources.forEach(source -> args.add(source.toString()));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, args.toArray(String[]::new));
        String text = messages.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new AssertionError("javac failed on " + sources + ":\n" + text);
        }
        return text;
    }
}
