package nnlab.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which student source files the graded tests of a hidden test class depend on, so that a file that does
 * not compile, or breaks the static gate, zeroes only the tests that use it:
 *
 * <pre>{@code
 * @GradesFiles({"SoftmaxRegression.java", "Softmax.java"})
 * class SoftmaxRegressionHiddenTest { ... }
 * }</pre>
 *
 * <p>Without it, every graded test of the class depends on all the student's files. The names are simple file
 * names as the lab's allow-list gives them (no folders), each ending in {@code .java}; the runner's discovery
 * ({@code nnlab.grading.reconcile.GradedTestDiscovery}) rejects an empty list or a name that is not such a file.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GradesFiles {

    /** The student source files every graded test of the class depends on, e.g. {@code "SoftmaxRegression.java"}. */
    String[] value();
}
