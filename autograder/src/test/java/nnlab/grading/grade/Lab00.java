package nnlab.grading.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import nnlab.grading.bundle.BundleBuilder;
import nnlab.grading.bundle.GradingBundle;
import nnlab.grading.bundle.LabSetup;
import nnlab.grading.runner.ForkedTestRun;
import nnlab.grading.runner.Isolation;
import nnlab.grading.runner.TestJvmOptions;

/**
 * The sample lab of the self-tests, lab00 ({@code assignments/lab00-warmup}, graded by {@code autograder/labs/lab00}):
 * its grading bundle, built once per test JVM into {@code target/test-bundles/lab00}, and a way to grade a submission
 * with it the way {@code nnlab-grade} does, in the strongest isolation the machine allows.
 */
public final class Lab00 {

    /** The repository's root (the autograder's tests run in {@code autograder/}). */
    public static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    /** The reference solution's sources, a valid submission as they are (solution markers are comments). */
    public static final Path REFERENCE = REPOSITORY.resolve("assignments/lab00-warmup/src/main/java");

    /** The isolation of every grading here, probed once. */
    public static final Isolation ISOLATION = Isolation.detect(ForkedTestRun.currentJava());

    private static GradingBundle bundle;

    private Lab00() {
    }

    /** lab00's grading bundle, built on first use. */
    public static synchronized GradingBundle bundle() {
        if (bundle == null) {
            try {
                bundle = BundleBuilder.build(LabSetup.load(REPOSITORY.resolve("autograder/labs/lab00")), classpath(),
                        Path.of("target/test-bundles/lab00"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundle;
    }

    /** Grades {@code submission} into {@code results} with the default limits and the bundle's seed. */
    public static GradingRun grade(Path submission, Path results) throws IOException {
        return grade(submission, results, TestJvmOptions.defaults());
    }

    /** Grades {@code submission} into {@code results} with the given test JVM limits. */
    public static GradingRun grade(Path submission, Path results, TestJvmOptions options) throws IOException {
        return grade(submission, results, options, GradeRequest.DEFAULT_COMPILE_TIMEOUT);
    }

    /** Grades {@code submission} into {@code results} with the given limits. */
    public static GradingRun grade(Path submission, Path results, TestJvmOptions options, Duration compileTimeout)
            throws IOException {
        return LabGrader.grade(new GradeRequest(bundle(), submission, results, bundle().seed(), "simd",
                compileTimeout, options, ISOLATION, classpath(), results.toAbsolutePath().getParent()));
    }

    /** This JVM's class path: the autograder, its dependencies and the test classes. */
    public static List<Path> classpath() {
        return GradeMain.graderClasspath();
    }
}
