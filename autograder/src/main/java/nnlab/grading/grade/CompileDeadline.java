package nnlab.grading.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import nnlab.grading.bundle.ClassFileSources;
import nnlab.grading.bundle.GradingBundle;
import nnlab.grading.compile.CompileReport;
import nnlab.grading.compile.CompileRequest;
import nnlab.grading.compile.FileCompilation;
import nnlab.grading.compile.FileOutcome;
import nnlab.grading.compile.StudentCompiler;

/**
 * Compiles the student's files with a time limit. The compiler runs in this JVM (no student code runs while
 * compiling), but source crafted to make type inference explode can keep {@code javac} busy for a very long time.
 * Past the limit the compilation is abandoned in its daemon thread (javac cannot be interrupted; its output folder is
 * never used), every student file counts as not compiling, and a fresh folder gets the starter classes of all of
 * them, so the grading goes on and every test of the lab scores 0 with the reason.
 */
final class CompileDeadline {

    private CompileDeadline() {
    }

    /**
     * Compiles {@code request} into its output folder, or, past {@code limit}, copies the starter classes of every
     * manifest file into {@code fallbackFolder} instead.
     *
     * @return the report, and the folder the classes are in
     */
    static Compiled compile(CompileRequest request, Duration limit, GradingBundle bundle, Path fallbackFolder)
            throws IOException {
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "nnlab-student-javac");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<CompileReport> compiling = thread.submit(() -> StudentCompiler.compile(request));
            try {
                return new Compiled(compiling.get(limit.toNanos(), TimeUnit.NANOSECONDS), request.outputDirectory());
            } catch (TimeoutException e) {
                compiling.cancel(true);
                return timedOut(limit, bundle, fallbackFolder);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while compiling the student's files", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("the compile step failed: " + e.getCause(), e.getCause());
            }
        } finally {
            thread.shutdownNow();
        }
    }

    private static Compiled timedOut(Duration limit, GradingBundle bundle, Path folder) throws IOException {
        Files.createDirectories(folder);
        String packagePath = bundle.manifest().packagePath();
        ClassFileSources.replace(folder, bundle.starterClasses(), packagePath, new HashSet<>(bundle.manifest().files()));
        List<FileCompilation> files = new ArrayList<>();
        for (String file : bundle.manifest().files()) {
            String className = bundle.manifest().javaPackage() + "." + file.substring(0, file.length() - 5);
            files.add(new FileCompilation(file, className, FileOutcome.REPLACED_BY_STUB, "The compiler did not finish"
                    + " within " + limit.toSeconds() + " s, so none of your files could be graded. Something in your"
                    + " code makes javac work very hard (deeply nested generic calls or lambdas?); simplify it."));
        }
        files.sort((a, b) -> a.fileName().compareTo(b.fileName()));
        return new Compiled(new CompileReport(files, 1), folder);
    }

    /**
     * A finished compile step.
     *
     * @param report  what happened to each file
     * @param classes the folder the classes are in
     */
    record Compiled(CompileReport report, Path classes) {
    }
}
