package nnlab.grading.grade;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nnlab.grading.GradingSeed;
import nnlab.grading.bundle.ClassFileSources;
import nnlab.grading.bundle.GradingBundle;
import nnlab.grading.compile.CompileReport;
import nnlab.grading.compile.CompileRequest;
import nnlab.grading.gate.BytecodeGate;
import nnlab.grading.gate.GateReport;
import nnlab.grading.intake.IntakeReport;
import nnlab.grading.io.FileTrees;
import nnlab.grading.intake.LabManifest;
import nnlab.grading.intake.SubmissionIntake;
import nnlab.grading.intake.UnreadableSubmissionException;
import nnlab.grading.reconcile.GradedTestSpec;
import nnlab.grading.reconcile.Reconciler;
import nnlab.grading.reconcile.Reconciliation;
import nnlab.grading.reconcile.SubmissionChecks;
import nnlab.grading.results.GradescopeResults;
import nnlab.grading.results.ResultsJson;
import nnlab.grading.runner.ClassRunResult;
import nnlab.grading.runner.ForkedTestRun;
import nnlab.grading.runner.TestJvmOptions;

/**
 * Grades one submission of one lab from start to end, the {@code nnlab-grade} pipeline:
 * <ol>
 *   <li>a private work folder gets a clean copy of the lab's starter sources (the grader-owned template);</li>
 *   <li>the intake copies the student's allow-listed files over it ({@link SubmissionIntake}); files not submitted
 *       keep their starter version;</li>
 *   <li>the lab's files are compiled alone against the grader's class path and the lab template
 *       ({@link nnlab.grading.compile.StudentCompiler}), within a time limit; a file that does not compile is
 *       replaced by its starter version;</li>
 *   <li>the static gate checks the compiled student classes ({@link BytecodeGate}); the classes of a file that breaks
 *       it are replaced by the starter version's, so none of its code runs;</li>
 *   <li>the graded tests expected are read from the hidden classes ({@link GradingBundle#gradedTests()}), and each
 *       hidden class with a test left to run runs in fresh, limited, isolated JVMs ({@link ForkedTestRun});</li>
 *   <li>the outcomes are reconciled against the expected tests ({@link Reconciler}) and {@code results.json} is
 *       written atomically by this JVM, never by the student's.</li>
 * </ol>
 * An unreadable submission (neither folder nor zip) still gives a valid {@code results.json}: every test 0, with the
 * reason above the tests.
 *
 * <pre>{@code
 * GradingRun run = LabGrader.grade(new GradeRequest(GradingBundle.open(bundleDir), Path.of("submission.zip"),
 *         Path.of("results.json"), bundle.seed(), "simd", TestJvmOptions.defaults(),
 *         Isolation.detect(ForkedTestRun.currentJava()), graderClasspath, Path.of("/tmp")));
 * System.out.print(GradeSummary.render(run));
 * }</pre>
 */
public final class LabGrader {

    private LabGrader() {
    }

    /**
     * Grades the submission and writes {@code results.json}.
     *
     * @throws IOException if the grader's own files cannot be read or written (not for a broken submission, which is
     *                     graded)
     */
    public static GradingRun grade(GradeRequest request) throws IOException {
        long started = System.nanoTime();
        StageClock clock = new StageClock();
        GradingBundle bundle = request.bundle();
        Files.createDirectories(request.workRoot());
        Path work = Files.createTempDirectory(request.workRoot(), "nnlab-grade-" + bundle.labId() + "-");
        try {
            Path sources = work.resolve("src/main/java");
            FileTrees.copyTree(bundle.starterSources(), sources);
            clock.lap("template");

            IntakeReport intake;
            if (!Files.exists(request.submission(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return finish(request, clock, started, unreadable(request, "No submission was found (the grader"
                        + " looked for " + request.submission().getFileName() + "). Submit the files of "
                        + bundle.labId() + " as a .zip or as files."), List.of(), null);
            }
            try {
                intake = SubmissionIntake.take(request.submission(), bundle.manifest(), sources);
            } catch (UnreadableSubmissionException e) {
                return finish(request, clock, started, unreadable(request, e.getMessage()), List.of(), null);
            }
            clock.lap("intake");

            CompileDeadline.Compiled compile = CompileDeadline.compile(compileRequest(bundle, sources,
                    work.resolve("classes"), request.graderClasspath()), request.compileTimeout(), bundle,
                    work.resolve("starter-classes"));
            CompileReport compiled = compile.report();
            Path classes = compile.classes();
            clock.lap("compile");

            GateReport gate = new GateReport(List.of(), List.of(), List.of());   // nothing of the student's compiled
            if (!compiled.compiledClassNames().isEmpty()) {
                try (URLClassLoader libraries = loader(bundle.templateClasspath())) {
                    gate = BytecodeGate.check(classes, compiled.compiledClassNames(), libraries);
                }
            }
            if (!gate.passed()) {
                ClassFileSources.replace(classes, bundle.starterClasses(), bundle.manifest().packagePath(),
                        gate.violatingSourceFiles());
            }
            SubmissionChecks checks = SubmissionChecks.of(intake.toMarkdown(), compiled.brokenFiles(), gate);
            clock.lap("gate");

            List<GradedTestSpec> specs = bundle.gradedTests();
            Map<String, ClassRunResult> runs = runTests(request, specs, checks, classes);
            clock.lap("tests");

            Reconciliation reconciliation = Reconciler.reconcile(specs, runs, checks);
            return finish(request, clock, started, reconciliation, new ArrayList<>(runs.values()), intake);
        } finally {
            FileTrees.deleteTree(work);
        }
    }

    private static GradingRun finish(GradeRequest request, StageClock clock, long started,
                                     Reconciliation reconciliation, List<ClassRunResult> runs, IntakeReport intake)
            throws IOException {
        GradescopeResults results = reconciliation.toResults(extraData(request));
        ResultsJson.write(results, request.resultsFile());
        clock.lap("results");
        return new GradingRun(request.bundle().labId(), results, runs, intake, clock.laps(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static CompileRequest compileRequest(GradingBundle bundle, Path sources, Path classes,
                                                 List<Path> graderClasspath) {
        LabManifest manifest = bundle.manifest();
        List<Path> files = new ArrayList<>();
        Map<String, Path> stubs = new TreeMap<>();
        for (String file : manifest.files()) {
            files.add(sources.resolve(manifest.packagePath()).resolve(file));
            stubs.put(file, bundle.starterSource(file));
        }
        List<Path> classpath = new ArrayList<>(graderClasspath);
        classpath.addAll(bundle.templateClasspath());
        return new CompileRequest(sources, files, stubs, classpath, classes);
    }

    /** Runs each hidden class that has a graded test not already zeroed by the checks. */
    private static Map<String, ClassRunResult> runTests(GradeRequest request, List<GradedTestSpec> specs,
                                                        SubmissionChecks checks, Path studentClasses) {
        GradingBundle bundle = request.bundle();
        List<Path> classpath = new ArrayList<>(request.graderClasspath());
        classpath.add(bundle.hiddenClasses());
        classpath.add(studentClasses);
        classpath.addAll(bundle.templateClasspath());
        Map<String, ClassRunResult> runs = new LinkedHashMap<>();
        try (ForkedTestRun run = new ForkedTestRun(classpath, testJvm(request), request.isolation())) {
            for (String className : bundle.hiddenTestClasses()) {
                if (specs.stream().anyMatch(spec -> spec.className().equals(className) && !checks.blocks(spec))) {
                    runs.put(className, run.run(className));
                }
            }
        }
        return runs;
    }

    private static TestJvmOptions testJvm(GradeRequest request) {
        List<String> options = new ArrayList<>(request.testJvm().jvmOptions());
        options.add("-D" + GradingSeed.PROPERTY + "=" + request.seed());
        options.add("-Dnnlab.backend=" + request.backend());
        return request.testJvm().withJvmOptions(options);
    }

    private static Reconciliation unreadable(GradeRequest request, String why) throws IOException {
        List<GradedTestSpec> specs = request.bundle().gradedTests();
        Map<String, ClassRunResult> runs = new TreeMap<>();
        for (String className : request.bundle().hiddenTestClasses()) {
            runs.put(className, new ClassRunResult(className, List.of(), "not run: the submission could not be read",
                    request.isolation().describe(request.testJvm()), List.of(), Duration.ZERO));
        }
        SubmissionChecks checks = new SubmissionChecks("### Submission\n\n" + why + "\n", new TreeMap<>(),
                new TreeMap<>(), "");
        return Reconciler.reconcile(specs, runs, checks);
    }

    private static Map<String, Object> extraData(GradeRequest request) {
        Map<String, Object> data = new TreeMap<>();
        data.put("lab", request.bundle().labId());
        data.put("seed", request.seed());
        data.put("backend", request.backend());
        data.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        data.put("isolation", request.isolation().describe(request.testJvm()));
        data.put("versions", Map.of("nnlab", GraderVersions.of("nnlab"),
                "nnlab-autograder", GraderVersions.of("nnlab-autograder")));
        return data;
    }

    private static URLClassLoader loader(List<Path> folders) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (Path folder : folders) {
            urls.add(folder.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), LabGrader.class.getClassLoader());
    }
}
