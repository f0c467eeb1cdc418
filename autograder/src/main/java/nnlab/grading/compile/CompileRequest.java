package nnlab.grading.compile;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What to compile: the student's files, their starter versions, the class path and where the classes go.
 *
 * @param sourceRoot      the grader-owned source root the intake wrote the student's files under (e.g.
 *                        {@code <template>/src/main/java}); a file's place under it gives its class name
 * @param sourceFiles     the student's files taken by the intake, each under {@code sourceRoot} at
 *                        {@code <package path>/<File>.java}, with distinct file names; compiled in file-name order
 *                        whatever the order given
 * @param stubs           per simple file name (e.g. {@code Softmax.java}), the starter version of that file as
 *                        released to students (same package and API, TODO bodies throw
 *                        {@link UnsupportedOperationException}); a file without one is left out when it does not
 *                        compile. Every key must name one of {@code sourceFiles}.
 * @param classpath       what the student's files are compiled against: the library's jar or classes and the lab
 *                        template's own compiled classes. It must not hold classes or sources of the student's files
 *                        themselves (a left-out file would then be found there)
 * @param outputDirectory where the classes go ({@code javac -d}); it must be empty or not exist yet, and the compile
 *                        step deletes what it wrote there between rounds
 */
public record CompileRequest(Path sourceRoot, List<Path> sourceFiles, Map<String, Path> stubs, List<Path> classpath,
                             Path outputDirectory) {

    /**
     * Checks the request and copies the collections (stubs sorted by file name).
     *
     * @throws NullPointerException     if an argument or an element is null
     * @throws IllegalArgumentException if a source file is not a {@code .java} file under {@code sourceRoot} in a
     *                                  package folder, two share a file name, there is no source file, or a stub
     *                                  names no source file
     */
    public CompileRequest {
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        sourceFiles = List.copyOf(Objects.requireNonNull(sourceFiles, "sourceFiles"));
        classpath = List.copyOf(Objects.requireNonNull(classpath, "classpath"));
        Objects.requireNonNull(stubs, "stubs is null; pass an empty map when there is no starter version");
        if (sourceFiles.isEmpty()) {
            throw new IllegalArgumentException("no student source file to compile; pass the files the intake took");
        }
        Path root = sourceRoot.toAbsolutePath().normalize();
        Set<String> names = new TreeSet<>();
        for (Path file : sourceFiles) {
            Path relative = root.relativize(file.toAbsolutePath().normalize());
            String name = file.getFileName().toString();
            if (!name.endsWith(".java") || relative.startsWith("..") || relative.getNameCount() < 2) {
                throw new IllegalArgumentException(file + " is not a .java file in a package folder under the "
                        + "source root " + sourceRoot + "; pass the files as the intake wrote them there");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("two source files are named " + name + "; student files need "
                        + "distinct names (the report and the reconciliation go by file name)");
            }
        }
        TreeMap<String, Path> sortedStubs = new TreeMap<>();
        stubs.forEach((name, stub) -> {
            Objects.requireNonNull(name, "stubs has a null file name");
            Objects.requireNonNull(stub, "stubs has a null path for " + name);
            if (!names.contains(name)) {
                throw new IllegalArgumentException("there is a stub for " + name + " but no such source file "
                        + "among " + names + "; give stubs only for the files compiled");
            }
            sortedStubs.put(name, stub);
        });
        stubs = Collections.unmodifiableSortedMap(sortedStubs);
    }

    /**
     * The binary name of {@code file}'s top-level class from its place under the source root, e.g.
     * {@code lab02.Softmax} for {@code <root>/lab02/Softmax.java}.
     */
    String classNameOf(Path file) {
        Path relative = sourceRoot.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        String path = relative.toString().replace(relative.getFileSystem().getSeparator(), ".");
        return path.substring(0, path.length() - ".java".length());
    }
}
