package nnlab.grading.gate;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles small student-like sources with the JDK's compiler, as the runner compiles submissions. */
final class StudentCode {

    private StudentCode() {
    }

    /** Path/source pairs in order, e.g. {@code "lab99/Exit.java", "package lab99; ..."}. */
    static Map<String, String> sources(String... pathsAndSources) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndSources.length; i += 2) {
            sources.put(pathsAndSources[i], pathsAndSources[i + 1]);
        }
        return sources;
    }

    /**
     * Compiles {@code sources} against the test class path into {@code dir/classes} and returns that folder. Debug
     * information is on ({@code -g}) unless {@code options} say otherwise (e.g. {@code -g:none}).
     *
     * @throws AssertionError with javac's diagnostics if the sources do not compile
     */
    static Path compile(Path dir, Map<String, String> sources, String... options) throws IOException {
        Path sourceRoot = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8"));
        arguments.addAll(options.length == 0 ? List.of("-g") : List.of(options));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(output, fileManager, diagnostics, arguments, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                throw new AssertionError("test sources do not compile: " + diagnostics.getDiagnostics() + output);
            }
        }
        return classes;
    }

    /** The 1-based number of the first line of {@code source} containing {@code marker}. */
    static int lineOf(String source, String marker) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + marker);
    }
}
