package nnlab.grading.release;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import nnlab.grading.bundle.BundleBuilder;
import nnlab.grading.io.FileTrees;
import nnlab.grading.bundle.LabSetup;
import nnlab.grading.grade.GradeMain;
import nnlab.grading.grade.GraderVersions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nnlab-release}: makes what an instructor hands out from one lab of the instructor tree.
 * <pre>
 * nnlab-release --lab lab00 --out release
 *   release/student/lab00-warmup/          the student tree: solution regions turned into TODO stubs
 *   release/solutions/lab00-warmup/        the solutions, markers dropped (or --solutions-branch)
 *   release/gradescope/lab00-autograder.zip  setup.sh, run_autograder, the grader, the hidden suite, its jars
 * nnlab-release --lab lab00 --out release --solutions-branch solutions --solutions-repo ../course-public
 * </pre>
 * Exit status 0 on success, 1 when the lab, its solution regions or the options are wrong (the message says what to
 * fix), 70 for an unexpected failure. Each output is written beside its place and moved in when complete.
 */
@Command(name = "nnlab-release", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a lab's student tree, its solutions and its Gradescope autograder zip.")
public final class ReleaseMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lab", required = true, paramLabel = "ID", description = "the lab, e.g. lab00")
    String lab;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the release is written")
    Path out;

    @Option(names = "--labs-dir", paramLabel = "DIR",
            description = "the folder of lab setups (default: autograder/labs found from here upwards)")
    Path labsDir;

    @Option(names = "--replace", description = "replace an earlier release of this lab in --out")
    boolean replace;

    @Option(names = "--solutions-branch", paramLabel = "NAME",
            description = "commit the solutions to this git branch instead of writing release/solutions/")
    String solutionsBranch;

    @Option(names = "--solutions-repo", paramLabel = "DIR", defaultValue = ".",
            description = "the repository of --solutions-branch (default: the current folder's)")
    Path solutionsRepo;

    @Option(names = "--no-zip", description = "do not write the Gradescope zip")
    boolean noZip;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = GradescopeZip.DEFAULT_MAX_HEAP,
            description = "the grader JVM's -Xmx on Gradescope (default: ${DEFAULT-VALUE})")
    String heap;

    @Option(names = "--classpath-file", paramLabel = "FILE",
            description = "the grader's class path as the autograder build wrote it"
                    + " (default: -Dnnlab.grader.classpathFile, set by the launcher)")
    Path classpathFile;

    @Option(names = "--local-repository", paramLabel = "DIR",
            description = "the local Maven repository the grader's jars are in (default: -Dnnlab.grader.localRepository"
                    + " or ~/.m2/repository)")
    Path localRepository;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ReleaseMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean userError = e instanceof IllegalArgumentException || e instanceof IOException;
            err.println("nnlab-release: " + e.getMessage());
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
        PrintWriter stdout = spec.commandLine().getOut();
        LabSetup setup = LabSetup.load(LabSetup.locate(lab, labsDir));
        String labFolder = setup.labSource().getFileName().toString();
        Path release = out.toAbsolutePath().normalize();

        TreeReport student = StudentTree.write(setup.labSource(), release.resolve("student").resolve(labFolder),
                replace);
        stdout.printf("student tree: %s (%d files, tasks %s)%n", release.resolve("student").resolve(labFolder),
                student.written().size(), String.join(", ", student.allTaskIds().stream()
                        .sorted(java.util.Comparator.comparingInt(ReleaseMain::taskNumber)).toList()));

        if (solutionsBranch == null) {
            Path solutions = release.resolve("solutions").resolve(labFolder);
            SolutionTree.write(setup.labSource(), solutions, replace);
            stdout.println("solutions:    " + solutions);
        } else {
            Path scratch = Files.createTempDirectory("nnlab-solutions-");
            try {
                SolutionTree.write(setup.labSource(), scratch.resolve(labFolder), false);
                SolutionsBranch.Published published = new SolutionsBranch(solutionsRepo, solutionsBranch)
                        .publish(scratch.resolve(labFolder), labFolder + "/", "Solutions of " + lab);
                stdout.printf("solutions:    branch %s at %s%s%n", published.branch(), published.commit(),
                        published.changed() ? "" : " (unchanged)");
            } finally {
                FileTrees.deleteTree(scratch);
            }
        }

        if (!noZip) {
            Path zip = release.resolve("gradescope").resolve(lab + "-autograder.zip");
            writeZip(setup, zip);
            stdout.println("gradescope:   " + zip);
        }
        return 0;
    }

    /** The k of a task id labNN.k, for ordering 1, 2, ..., 10. */
    private static int taskNumber(String taskId) {
        return Integer.parseInt(taskId.substring(taskId.indexOf('.') + 1));
    }

    private void writeZip(LabSetup setup, Path zip) throws IOException {
        List<Path> classpath = GradeMain.graderClasspath();
        Path scratch = Files.createTempDirectory("nnlab-release-");
        try {
            BundleBuilder.build(setup, classpath, scratch.resolve("bundle"));
            Path ownJar = ownJar(scratch.resolve("nnlab-autograder.jar"));
            List<GraderJar> first = List.of(new GraderJar(ownJar,
                    GraderJar.mavenPath("io.github.nnlab", "nnlab-autograder",
                            GraderVersions.of("nnlab-autograder"))));
            List<GraderJar> jars = GraderClasspath.read(classpathFile(), localRepositoryFolder(), first);
            Files.createDirectories(zip.getParent());
            GradescopeZip.write(zip, lab, scratch.resolve("bundle"), jars, heap);
        } finally {
            FileTrees.deleteTree(scratch);
        }
    }

    private Path classpathFile() {
        if (classpathFile != null) {
            return classpathFile;
        }
        String property = System.getProperty("nnlab.grader.classpathFile");
        if (property == null || property.isBlank()) {
            throw new IllegalArgumentException("the grader's class path file is unknown; run through autograder/"
                    + "nnlab-release, or give --classpath-file autograder/target/grader-classpath.txt");
        }
        return Path.of(property);
    }

    private Path localRepositoryFolder() {
        if (localRepository != null) {
            return localRepository;
        }
        String property = System.getProperty("nnlab.grader.localRepository");
        return property != null && !property.isBlank() ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The grader's own jar, or a jar made at {@code jarIfFolder} when it runs from its class folder. */
    private static Path ownJar(Path jarIfFolder) throws IOException {
        Path location;
        try {
            location = Path.of(GradeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot locate the grader's own classes: " + e.getMessage(), e);
        }
        if (Files.isDirectory(location)) {
            ClassesJar.write(location, jarIfFolder);
            return jarIfFolder;
        }
        return location;
    }
}
