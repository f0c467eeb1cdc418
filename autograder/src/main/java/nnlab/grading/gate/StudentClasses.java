package nnlab.grading.gate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the compiled classes of each student source file under a classes folder: the top-level class, every
 * class nested in it (inner, anonymous, local: {@code Outer$...}), and any further top-level class the same file
 * declares, recognised by its {@code SourceFile} attribute. Other classes in the same packages (the lab template's
 * own) are left out.
 */
final class StudentClasses {

    /** Larger class files are refused; javac's limits keep real ones far below this. */
    static final long MAX_CLASS_FILE_BYTES = 16L * 1024 * 1024;

    private static final Pattern BINARY_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private StudentClasses() {
    }

    /**
     * A student source file and its compiled classes.
     *
     * @param sourceFile the simple file name, e.g. {@code Softmax.java}
     * @param topLevel   the binary name of the top-level class named after the file
     * @param classes    its classes, sorted by binary name
     */
    record StudentFile(String sourceFile, String topLevel, List<StudentClass> classes) {
    }

    /**
     * One compiled class: the bytes that are checked and what the gate read from them.
     *
     * @param file  where it was read from
     * @param bytes the class file
     * @param facts what {@link ClassFactsReader} read
     */
    record StudentClass(Path file, byte[] bytes, ClassFacts facts) {
    }

    /**
     * The student files of {@code topLevelClassNames} under {@code classesRoot}, in the order given.
     *
     * @throws IllegalArgumentException if a name is not the binary name of a top-level class in a named package, is
     *                                  given twice, shares its simple name with another, or has no compiled class
     * @throws NoSuchFileException      if {@code classesRoot} is not a directory
     * @throws IOException              if a class file cannot be read, is too large or is not a class file
     */
    static List<StudentFile> find(Path classesRoot, Collection<String> topLevelClassNames) throws IOException {
        if (!Files.isDirectory(classesRoot)) {
            throw new NoSuchFileException(classesRoot.toString(), null, "the classes folder is not a directory");
        }
        Map<String, String> fileByName = checkNames(topLevelClassNames);
        Map<String, List<StudentClass>> classesByName = new LinkedHashMap<>();
        fileByName.keySet().forEach(name -> classesByName.put(name, new ArrayList<>()));
        for (String pkg : fileByName.keySet().stream().map(StudentClasses::packageOf).distinct().toList()) {
            Map<String, String> topsInPackage = new TreeMap<>();
            fileByName.keySet().stream().filter(name -> packageOf(name).equals(pkg))
                    .forEach(name -> topsInPackage.put(simpleName(name), name));
            for (Path file : classFiles(classesRoot.resolve(pkg.replace('.', '/')))) {
                StudentClass compiled = read(file);
                String owner = ownerTopLevel(compiled.facts(), topsInPackage);
                if (owner != null) {
                    classesByName.get(owner).add(compiled);
                }
            }
        }
        List<StudentFile> files = new ArrayList<>();
        for (Map.Entry<String, List<StudentClass>> entry : classesByName.entrySet()) {
            String name = entry.getKey();
            if (entry.getValue().isEmpty()) {
                throw new IllegalArgumentException("no compiled class of " + fileByName.get(name) + " under "
                        + classesRoot + " (expected " + name.replace('.', '/') + ".class); compile the student "
                        + "sources into this folder before the gate checks them");
            }
            List<StudentClass> classes = entry.getValue().stream()
                    .sorted((a, b) -> a.facts().className().compareTo(b.facts().className())).toList();
            files.add(new StudentFile(fileByName.get(name), name, classes));
        }
        return files;
    }

    /** Validates the names; maps each to its source file name, in the order given. */
    private static Map<String, String> checkNames(Collection<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no student class to check; pass the top-level classes of the "
                    + "student's files, e.g. lab02.Softmax");
        }
        Map<String, String> fileByName = new LinkedHashMap<>();
        Map<String, String> nameByFile = new TreeMap<>();
        for (String name : names) {
            if (name == null || !BINARY_NAME.matcher(name).matches() || name.indexOf('.') < 0
                    || name.indexOf('$') >= 0) {
                throw new IllegalArgumentException("not the name of a top-level class in a package: " + name
                        + "; pass names such as lab02.Softmax (nested classes are found by the gate)");
            }
            String file = simpleName(name) + ".java";
            String other = nameByFile.putIfAbsent(file, name);
            if (other != null) {
                throw new IllegalArgumentException(other.equals(name) ? name + " is given twice; give it once"
                        : other + " and " + name + " share the source file name " + file + "; the gate reports "
                        + "violations by file name, so student files need distinct names");
            }
            fileByName.put(name, file);
        }
        return fileByName;
    }

    /** The regular {@code .class} files directly in {@code dir} (links are not followed), by name. */
    private static List<Path> classFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.class")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private static StudentClass read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_CLASS_FILE_BYTES) {
            throw new IOException(file + " has " + size + " bytes, more than a compiled class can have ("
                    + MAX_CLASS_FILE_BYTES + " checked at most)");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return new StudentClass(file, bytes, ClassFactsReader.read(bytes));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IOException(file + " is not a class file the gate can read: " + e, e);
        }
    }

    /**
     * The student top-level class whose file declared {@code facts}' class, or {@code null} for a class of another
     * file: by the {@code SourceFile} attribute where the class has one, else by name ({@code Outer} or
     * {@code Outer$...}).
     */
    private static String ownerTopLevel(ClassFacts facts, Map<String, String> topsInPackage) {
        String source = facts.sourceFile();
        if (source != null) {
            return source.endsWith(".java") ? topsInPackage.get(source.substring(0, source.length() - 5)) : null;
        }
        return topsInPackage.get(facts.topLevelSimpleName());
    }

    private static String packageOf(String binaryName) {
        return binaryName.substring(0, binaryName.lastIndexOf('.'));
    }

    private static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1);
    }
}
