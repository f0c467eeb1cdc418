package nnlab.grading.grade;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import nnlab.grading.bundle.GradingBundle;
import nnlab.grading.runner.Isolation;
import nnlab.grading.runner.TestJvmOptions;

/**
 * What {@link LabGrader#grade} grades, and how.
 *
 * @param bundle          the lab's grading bundle
 * @param submission      the student's submission: a folder or a zip file
 * @param resultsFile     where {@code results.json} is written (atomically; an older file there is replaced)
 * @param seed            the seed of the hidden tests' random inputs ({@link GradingBundle#seed()} unless overridden)
 * @param backend         the nnlab backend the tests run on ({@code -Dnnlab.backend}), e.g. {@code simd}
 * @param compileTimeout  how long compiling the student's files may take ({@link #DEFAULT_COMPILE_TIMEOUT})
 * @param testJvm         the limits of the test JVMs
 * @param isolation       the sandbox the test JVMs run in
 * @param graderClasspath the grader's own class path (this module, the nnlab library, JUnit, Hamcrest and their
 *                        dependencies): the student's code is compiled against it and the test JVMs run on it
 * @param workRoot        where the grader makes its private work folder (deleted afterwards)
 */
public record GradeRequest(GradingBundle bundle, Path submission, Path resultsFile, long seed, String backend,
                           Duration compileTimeout, TestJvmOptions testJvm, Isolation isolation, List<Path> graderClasspath, Path workRoot) {

    /** The usual limit on compiling a submission: javac needs a few seconds for a lab. */
    public static final Duration DEFAULT_COMPILE_TIMEOUT = Duration.ofSeconds(60);

    /** Checks for nulls and copies the class path. */
    public GradeRequest {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(resultsFile, "resultsFile");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(compileTimeout, "compileTimeout; use DEFAULT_COMPILE_TIMEOUT");
        Objects.requireNonNull(testJvm, "testJvm; use TestJvmOptions.defaults()");
        Objects.requireNonNull(isolation, "isolation; use Isolation.detect(java)");
        graderClasspath = List.copyOf(graderClasspath);
        Objects.requireNonNull(workRoot, "workRoot");
        if (graderClasspath.isEmpty()) {
            throw new IllegalArgumentException("the grader's class path is empty");
        }
    }
}
