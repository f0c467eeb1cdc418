package nnlab.grading.compile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small lab99 submission written by a test: student files under {@code src/}, stubs under {@code stubs/}. */
final class LabSources {

    private final Path dir;
    private final List<Path> studentFiles = new ArrayList<>();
    private final Map<String, Path> stubs = new LinkedHashMap<>();

    LabSources(Path dir) {
        this.dir = dir;
    }

    /** Adds the student file {@code lab99/<fileName>}. */
    LabSources student(String fileName, String text) throws IOException {
        studentFiles.add(write(dir.resolve("src/lab99").resolve(fileName), text));
        return this;
    }

    /** Adds the stub of {@code lab99/<fileName>}. */
    LabSources stub(String fileName, String text) throws IOException {
        stubs.put(fileName, write(dir.resolve("stubs/lab99").resolve(fileName), text));
        return this;
    }

    Path sourceRoot() {
        return dir.resolve("src");
    }

    /** The request, with the test class path (so nnlab.* resolves) plus {@code extra}, into {@code dir/<out>}. */
    CompileRequest request(String out, Path... extra) {
        List<Path> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(Path.of(entry));
        }
        classpath.addAll(List.of(extra));
        return new CompileRequest(sourceRoot(), studentFiles, stubs, classpath, dir.resolve(out));
    }

    /** Compiles into {@code dir/classes}. */
    CompileReport compile() throws IOException {
        return StudentCompiler.compile(request("classes"));
    }

    Path classes() {
        return dir.resolve("classes");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
