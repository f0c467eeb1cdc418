package nnlab.grading.gate;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The static gate on student bytecode: checks a student's compiled classes for APIs lab code must not use, before
 * any hidden test runs them. A file with a violation does not run; the tests that depend on it score 0 and the
 * student reads {@link GateReport#toMarkdown()}.
 *
 * <p>What is forbidden is the committed signature file {@code nnlab/grading/gate/student-forbidden.txt}: exiting
 * or halting the JVM, processes, threads and parallel streams, reflection and method handles, class loaders and
 * resources, files (also through the library's loaders and savers), the network, Unsafe and JDK internals, changing
 * standard streams, system properties or JVM-wide defaults, unseeded randomness, and the grader's and test
 * frameworks' own classes. It is checked with forbiddenapis, which resolves every call through the class hierarchy
 * (a forbidden method stays forbidden when called through a subclass or an interface the student declares). The
 * gate adds checks of its own ({@code gate:} rules): lab code may use classes of the JDK's {@code java.*}
 * packages, the nnlab library, Commons Math, EJML, XChart and its own lab (every package under the first segment of
 * the student classes' packages, {@code lab02} for {@code lab02.Softmax}) only; it must not carry
 * {@code @SuppressForbidden}; it must not override {@code finalize()}; and code the gate cannot check (a class it
 * refers to cannot be found) does not run either.
 *
 * <p>Student classes are read as bytes, never loaded or initialised: checking runs no student code. Which classes are
 * checked: for each top-level student class given, its class file, every class nested in it ({@code Outer$...}:
 * inner, anonymous, local; lambdas are methods of these) and any other top-level class declared in the same source
 * file (found by the {@code SourceFile} attribute, so compile with debug information, as {@code javac -g} does;
 * line numbers need it too). Other classes under the classes folder, such as the lab template's own, are not
 * checked but may be used.
 *
 * <pre>{@code
 * GateReport report = BytecodeGate.check(Path.of("target/classes"), List.of("lab02.Softmax", "lab02.Training"));
 * if (!report.passed()) {
 *     // score the tests that depend on report.violatingSourceFiles() 0, show report.toMarkdown()
 * }
 * }</pre>
 */
public final class BytecodeGate {

    private BytecodeGate() {
    }

    /**
     * Checks the student classes against the grader's own class path: the JDK and the libraries this class was
     * loaded with (the autograder's class path holds the nnlab library and its dependencies).
     *
     * @see #check(Path, Collection, ClassLoader)
     */
    public static GateReport check(Path classesRoot, Collection<String> studentClassNames) throws IOException {
        return check(classesRoot, studentClassNames, BytecodeGate.class.getClassLoader());
    }

    /**
     * Checks the compiled classes of the student's source files.
     *
     * @param classesRoot       the folder the student sources were compiled into ({@code javac -d}); other
     *                          compiled classes there (the lab template's) are used to resolve references
     * @param studentClassNames binary names of the student files' top-level classes, one per file, e.g.
     *                          {@code lab02.Softmax} for {@code lab02/Softmax.java}
     * @param libraries         finds the class files of the JDK and the libraries the student code was compiled
     *                          against (read with {@link ClassLoader#getResource(String)} only; nothing is loaded)
     * @return the violations found, attributed to the student source files
     * @throws NoSuchFileException      if {@code classesRoot} is not a directory
     * @throws IllegalArgumentException if a name is not a top-level class in a package, is repeated, shares a file
     *                                  name with another, or has no class file under {@code classesRoot}
     * @throws IOException              if a class file cannot be read or is not a class file
     * @throws IllegalStateException    if the JVM or the signature file cannot be used by forbiddenapis (a grader
     *                                  setup problem, never the student's)
     */
    public static GateReport check(Path classesRoot, Collection<String> studentClassNames, ClassLoader libraries)
            throws IOException {
        Objects.requireNonNull(classesRoot, "classesRoot");
        Objects.requireNonNull(studentClassNames, "studentClassNames");
        Objects.requireNonNull(libraries, "libraries");
        Path root = classesRoot.toAbsolutePath().normalize();
        List<StudentClasses.StudentFile> files = StudentClasses.find(root, studentClassNames);
        ForbiddenRules rules = ForbiddenRules.bundled();
        ClassLoader loader = new ClassesRootLoader(root, libraries);
        Set<String> labPackages = new TreeSet<>();
        studentClassNames.forEach(name -> labPackages.add(name.substring(0, name.indexOf('.'))));

        List<String> sourceFiles = new ArrayList<>();
        List<String> checkedClasses = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (StudentClasses.StudentFile file : files) {
            sourceFiles.add(file.sourceFile());
            file.classes().forEach(compiled -> checkedClasses.add(compiled.facts().className()));
            violations.addAll(ForbiddenApiScan.scan(file, rules, loader));
            violations.addAll(BuiltInChecks.check(file, labPackages, rules));
        }
        return new GateReport(sourceFiles, checkedClasses, violations);
    }
}
