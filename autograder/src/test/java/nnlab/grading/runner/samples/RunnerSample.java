package nnlab.grading.runner.samples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Marks a sample hidden test class of the runner's tests: it runs only in a test JVM that they start with
 * {@code -Dnnlab.runner.samples=true}, never in the build's or an IDE's own JVM (which {@code System.exit} or a
 * heap bomb would take down). Surefire does not select the samples anyway: their names do not end in "Test".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(named = RunnerSample.PROPERTY, matches = "true",
        disabledReason = "a runner sample; it runs only inside a test JVM started by the runner's tests")
public @interface RunnerSample {

    /** The system property that enables the samples. */
    String PROPERTY = "nnlab.runner.samples";
}
