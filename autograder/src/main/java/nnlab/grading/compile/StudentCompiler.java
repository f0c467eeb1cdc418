package nnlab.grading.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compiles a student's files alone, in-process with the JDK's compiler: {@code --release 17 -proc:none
 * -implicit:none -g -encoding UTF-8 -Xlint:none -Xmaxerrs 50}, against the request's class path, with no annotation
 * processor path, no plugins and no source path. Nothing the student wrote runs while compiling: annotation
 * processors (the only way javac runs foreign code) are off and are not even looked up.
 *
 * <p>Broken files do not sink the submission: when some files have errors, each of them is replaced by its starter
 * version (stub) where one is given, or left out otherwise, and everything is compiled again from an empty output
 * folder. A file that then fails (it used a left-out file, or the stub's API differs from what the student's file
 * used) is treated the same way, and a stub that does not compile is left out too. At most
 * {@value #MAX_REPAIR_ROUNDS} such rounds follow the first compilation; if the files still do not compile then,
 * every file is left out. The hidden tests were compiled against the reference API beforehand, so only the tests
 * that use a broken file fail.
 *
 * <pre>{@code
 * CompileReport report = StudentCompiler.compile(new CompileRequest(sourceRoot, studentFiles, stubs,
 *         classpath, classesDir));
 * GateReport gate = BytecodeGate.check(classesDir, report.compiledClassNames());
 * SubmissionChecks checks = SubmissionChecks.of(intake.toMarkdown(), report.brokenFiles(), gate);
 * }</pre>
 */
public final class StudentCompiler {

    /** How many times broken files are replaced or left out and everything compiled again, at most. */
    public static final int MAX_REPAIR_ROUNDS = 3;

    private StudentCompiler() {
    }

    /** What is compiled for a file in a round. */
    private enum Choice { STUDENT, STUB, OUT }

    /** A student file, its stub (or {@code null}) and what the rounds made of it. */
    private static final class Entry {
        final String fileName;
        final String className;
        final Path student;
        final Path stub;
        Choice choice = Choice.STUDENT;
        String messages = "";

        Entry(String fileName, String className, Path student, Path stub) {
            this.fileName = fileName;
            this.className = className;
            this.student = student;
            this.stub = stub;
        }

        Path compiledSource() {
            return choice == Choice.STUDENT ? student : stub;
        }
    }

    /**
     * Compiles the request's student files into its output folder (see the class description for the rounds).
     *
     * @return per file: compiled, replaced by its stub or left out, with the compiler's messages
     * @throws IOException           if a source or stub cannot be read, or the output folder is not new or empty or
     *                               cannot be written
     * @throws IllegalStateException if the JVM has no compiler, or the compiler reports an error of no student file
     *                               (e.g. a class path entry it cannot read): a grader setup problem
     */
    public static CompileReport compile(CompileRequest request) throws IOException {
        Path outputDirectory = request.outputDirectory().toAbsolutePath().normalize();
        OutputFolder.prepare(outputDirectory);
        List<Entry> entries = entries(request);
        String hiddenPrefix = request.sourceRoot().toAbsolutePath().normalize() + java.io.File.separator;
        Map<Path, String> texts = new TreeMap<>();
        int rounds = 0;
        while (true) {
            rounds++;
            OutputFolder.clear(outputDirectory);
            List<Path> sources = entries.stream().filter(entry -> entry.choice != Choice.OUT)
                    .map(Entry::compiledSource).toList();
            if (sources.isEmpty()) {
                break;
            }
            JavacRound.Result result = JavacRound.compile(sources, request.classpath(), outputDirectory);
            if (result.succeeded()) {
                break;
            }
            Map<Path, List<CompilerError>> errorsByFile = errorsByFile(result.errors());
            if (rounds > MAX_REPAIR_ROUNDS) {
                OutputFolder.clear(outputDirectory);
                giveUp(entries, errorsByFile, texts, hiddenPrefix);
                break;
            }
            for (Entry entry : entries) {
                List<CompilerError> errors = entry.choice == Choice.OUT ? null
                        : errorsByFile.get(entry.compiledSource());
                if (errors != null) {
                    repair(entry, ErrorText.render(entry.fileName, text(entry.compiledSource(), texts), errors,
                            hiddenPrefix));
                }
            }
        }
        List<FileCompilation> files = new ArrayList<>();
        for (Entry entry : entries) {
            FileOutcome outcome = switch (entry.choice) {
                case STUDENT -> FileOutcome.COMPILED;
                case STUB -> FileOutcome.REPLACED_BY_STUB;
                case OUT -> FileOutcome.LEFT_OUT;
            };
            files.add(new FileCompilation(entry.fileName, entry.className, outcome, entry.messages));
        }
        return new CompileReport(files, rounds);
    }

    /** Replaces a file that had {@code messages} by its stub, or leaves it out. */
    private static void repair(Entry entry, String messages) {
        if (entry.choice == Choice.STUDENT) {
            entry.messages = messages;
            entry.choice = entry.stub != null ? Choice.STUB : Choice.OUT;
        } else {
            entry.messages += "\n\n(Its starter version did not compile with your other files either, so it was "
                    + "left out.)";
            entry.choice = Choice.OUT;
        }
    }

    /** After the last round failed: every file is left out, with its messages or a note. */
    private static void giveUp(List<Entry> entries, Map<Path, List<CompilerError>> errorsByFile,
                               Map<Path, String> texts, String hiddenPrefix) throws IOException {
        for (Entry entry : entries) {
            List<CompilerError> errors = entry.choice == Choice.OUT ? null : errorsByFile.get(entry.compiledSource());
            if (entry.choice == Choice.STUDENT && errors != null) {
                entry.messages = ErrorText.render(entry.fileName, text(entry.student, texts), errors, hiddenPrefix);
            }
            if (entry.messages.isEmpty()) {
                entry.messages = "(Not graded: your files did not compile together even after "
                        + MAX_REPAIR_ROUNDS + " rounds of setting the broken ones aside.)";
            }
            entry.choice = Choice.OUT;
        }
    }

    /**
     * The errors by source file.
     *
     * @throws IllegalStateException if an error belongs to no source file: the compiler could not be set up
     */
    private static Map<Path, List<CompilerError>> errorsByFile(List<CompilerError> errors) {
        List<CompilerError> ofNoFile = errors.stream().filter(error -> error.file() == null).toList();
        if (!ofNoFile.isEmpty() || errors.isEmpty()) {
            throw new IllegalStateException("the compiler failed with errors of no student file, a grader setup "
                    + "problem (check the class path and the output folder): " + (errors.isEmpty() ? "(no message)"
                    : ofNoFile.stream().map(CompilerError::message).collect(Collectors.joining("; "))));
        }
        return errors.stream().collect(Collectors.groupingBy(CompilerError::file, LinkedHashMap::new,
                Collectors.toList()));
    }

    private static List<Entry> entries(CompileRequest request) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path file : request.sourceFiles()) {
            String name = file.getFileName().toString();
            Path stub = request.stubs().get(name);
            requireFile(file, "student file");
            if (stub != null) {
                requireFile(stub, "stub of " + name);
            }
            entries.add(new Entry(name, request.classNameOf(file), file.toAbsolutePath().normalize(),
                    stub == null ? null : stub.toAbsolutePath().normalize()));
        }
        entries.sort(Comparator.comparing(entry -> entry.fileName));
        return entries;
    }

    private static void requireFile(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "the " + what + " is not a readable regular file");
        }
    }

    /** The file's text (UTF-8, malformed bytes replaced), read once. */
    private static String text(Path file, Map<Path, String> texts) throws IOException {
        String text = texts.get(file);
        if (text == null) {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            texts.put(file, text);
        }
        return text;
    }
}
