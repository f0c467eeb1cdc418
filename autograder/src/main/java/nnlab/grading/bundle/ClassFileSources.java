package nnlab.grading.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Selects compiled classes by the source file they came from (the class file's {@code SourceFile} attribute, which
 * {@code javac -g} writes): the lab template is the starter code without the student's files, and a student file
 * that breaks the static gate is swapped for its starter version.
 */
public final class ClassFileSources {

    private ClassFileSources() {
    }

    /**
     * Copies the class files under {@code from} to {@code to} (same relative paths), except those compiled from one
     * of {@code excludedSources} in package folder {@code packagePath}.
     *
     * @param packagePath     the package's folder, e.g. {@code lab00}
     * @param excludedSources simple source file names, e.g. {@code VectorOps.java}
     * @return the binary names of the classes left out, sorted
     */
    public static List<String> copyExcept(Path from, Path to, String packagePath, Set<String> excludedSources)
            throws IOException {
        return copy(from, to, packagePath, excludedSources, false);
    }

    /**
     * Replaces the classes compiled from {@code sources} under {@code classes} with those compiled from the same
     * files under {@code replacement} (e.g. a student file's classes with its starter version's).
     *
     * @return the binary names of the classes removed, sorted
     */
    public static List<String> replace(Path classes, Path replacement, String packagePath, Set<String> sources)
            throws IOException {
        List<String> removed = new ArrayList<>();
        for (Path classFile : classFiles(classes)) {
            if (compiledFrom(classes, classFile, packagePath, sources)) {
                removed.add(binaryName(classes, classFile));
                Files.delete(classFile);
            }
        }
        copy(replacement, classes, packagePath, sources, true);
        return removed;
    }

    private static List<String> copy(Path from, Path to, String packagePath, Set<String> sources, boolean only)
            throws IOException {
        List<String> leftOut = new ArrayList<>();
        for (Path classFile : classFiles(from)) {
            if (compiledFrom(from, classFile, packagePath, sources) != only) {
                leftOut.add(binaryName(from, classFile));
                continue;
            }
            Path target = to.resolve(from.relativize(classFile).toString());
            Files.createDirectories(target.getParent());
            Files.copy(classFile, target);
        }
        return leftOut;
    }

    /** The binary names of the classes under a classes folder (e.g. {@code lab00.VectorOps}), sorted. */
    public static List<String> classNames(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path classFile : classFiles(root)) {
            names.add(binaryName(root, classFile));
        }
        return names;
    }

    private static List<Path> classFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static boolean compiledFrom(Path root, Path classFile, String packagePath, Set<String> sources)
            throws IOException {
        Path parent = root.relativize(classFile).getParent();
        String folder = parent == null ? "" : parent.toString().replace('\\', '/');
        return folder.equals(packagePath) && sources.contains(sourceFileOf(classFile));
    }

    private static String binaryName(Path root, Path classFile) {
        String name = root.relativize(classFile).toString().replace('\\', '/');
        return name.substring(0, name.length() - ".class".length()).replace('/', '.');
    }

    /** The {@code SourceFile} attribute of a class file, or "" without one. */
    static String sourceFileOf(Path classFile) throws IOException {
        String[] source = {""};
        new ClassReader(Files.readAllBytes(classFile)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitSource(String file, String debug) {
                source[0] = file == null ? "" : file;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return source[0];
    }
}
