package nnlab.grading.grade;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import nnlab.grading.bundle.BundleBuilder;
import nnlab.grading.bundle.GradingBundle;
import nnlab.grading.bundle.LabSetup;
import nnlab.grading.io.FileTrees;
import nnlab.grading.results.GradescopeResults;
import nnlab.grading.results.OutputFormat;
import nnlab.grading.results.ResultsJson;
import nnlab.grading.runner.ForkedTestRun;
import nnlab.grading.runner.Isolation;
import nnlab.grading.runner.TestJvmOptions;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nnlab-grade}: grades one submission of one lab and writes {@code results.json} in Gradescope's format, with a
 * summary on the terminal.
 * <pre>
 * nnlab-grade --lab lab00 --submission submission.zip --out results.json     # from the instructor tree
 * nnlab-grade --bundle /autograder/source/labs/lab00 --submission /autograder/submission \
 *             --out /autograder/results/results.json                         # in the Gradescope container
 * </pre>
 * Exit status: 0 when the submission was graded (whatever its score), 1 for wrong arguments or a lab that cannot be
 * built, 70 when the grader itself failed; then a {@code results.json} that says so is still written (score 0), so
 * that Gradescope shows the student a message instead of a broken page.
 */
@Command(name = "nnlab-grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Grades a submission of an nnlab lab with its hidden suite and writes Gradescope's results.json.")
public final class GradeMain implements Callable<Integer> {

    /** Where the lab comes from: a built bundle, or a lab's setup in the instructor tree. */
    static final class LabChoice {
        @Option(names = "--lab", paramLabel = "ID",
                description = "the lab to grade, e.g. lab00: its setup autograder/labs/ID/ is built first")
        String lab;

        @Option(names = "--bundle", paramLabel = "DIR", description = "a grading bundle built before (Gradescope)")
        Path bundle;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    LabChoice labChoice;

    @Option(names = "--submission", required = true, paramLabel = "PATH",
            description = "the student's submission: a folder or a .zip file")
    Path submission;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "results.json",
            description = "where results.json is written (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--labs-dir", paramLabel = "DIR",
            description = "the folder of lab setups for --lab (default: autograder/labs found from here upwards)")
    Path labsDir;

    @Option(names = "--seed", paramLabel = "N", description = "the hidden tests' seed (default: the lab's)")
    Long seed;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "simd",
            description = "the nnlab backend the tests run on: cpu, simd or opencl (default: ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "JUnit's time-out per test (default: ${DEFAULT-VALUE})")
    long testTimeoutSeconds;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "the test JVMs' -Xmx (default: ${DEFAULT-VALUE})")
    String heap;

    @Option(names = "--no-sandbox", description = "run the test JVMs without a sandbox (trusted code only)")
    boolean noSandbox;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "where the grader's private work folder is made (default: the system's temp folder)")
    Path workDir;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new GradeMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            GradeMain main = cmd.getCommand();
            // A bad bundle or lab setup, a missing file: the message says what to fix. Anything else is a bug.
            boolean userError = e instanceof IllegalArgumentException || e instanceof IOException;
            main.writeFallback(e, err);
            err.println("nnlab-grade: " + (userError ? "" : "the grader failed: ") + e.getMessage());
            if (!userError) {
                e.printStackTrace(err);
            }
            err.flush();
            return userError ? 1 : 70;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        List<Path> classpath = graderClasspath();
        Path work = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
        Path builtBundle = null;
        try {
            GradingBundle bundle;
            if (labChoice.bundle != null) {
                bundle = GradingBundle.open(labChoice.bundle);
            } else {
                LabSetup setup = LabSetup.load(LabSetup.locate(labChoice.lab, labsDir));
                builtBundle = Files.createTempDirectory(work, "nnlab-bundle-" + labChoice.lab + "-");
                bundle = BundleBuilder.build(setup, classpath, builtBundle.resolve(labChoice.lab));
            }
            Path java = ForkedTestRun.currentJava();
            Isolation isolation = noSandbox ? Isolation.none() : Isolation.detect(java);
            TestJvmOptions options = TestJvmOptions.defaults().withTestTimeout(Duration.ofSeconds(testTimeoutSeconds))
                    .withMaxHeap(heap);
            GradingRun run = LabGrader.grade(new GradeRequest(bundle, submission, out,
                    seed != null ? seed : bundle.seed(), backend, GradeRequest.DEFAULT_COMPILE_TIMEOUT, options,
                    isolation, classpath, work));
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(GradeSummary.render(run));
            stdout.println("results: " + out.toAbsolutePath().normalize());
            stdout.flush();
            return 0;
        } finally {
            if (builtBundle != null) {
                FileTrees.deleteQuietly(builtBundle);
            }
        }
    }

    /**
     * The grader's class path: this JVM's ({@code java.class.path}), which the launcher scripts and
     * {@code run_autograder} set to the grader's jars, as absolute paths.
     */
    public static List<Path> graderClasspath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        return entries;
    }

    /** Writes a results.json that says grading failed, unless grading wrote one. */
    private void writeFallback(Exception e, PrintWriter err) {
        if (out == null) {
            return;
        }
        try {
            ResultsJson.write(GradescopeResults.builder().score(0.0)
                    .output("### The autograder failed\n\nYour submission could not be graded because the grader"
                            + " itself failed; this is not a problem with your code. Your instructor has been given"
                            + " the details. Reason: " + e.getMessage().replace('`', '\''), OutputFormat.MD)
                    .extraData("grader_error", String.valueOf(e))
                    .build(), out);
        } catch (IOException | RuntimeException writeFailure) {
            err.println("nnlab-grade: cannot write " + out + ": " + writeFailure.getMessage());
        }
    }
}
