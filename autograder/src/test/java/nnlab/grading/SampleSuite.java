package nnlab.grading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a sample graded suite that the grading API's tests run through the Launcher ({@link SampleRun}).
 * Anywhere else (surefire, an IDE running the package) the suite is disabled, not run: its tests fail on
 * purpose and only mean something to the test that inspects them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SampleSuite.OnlyInSampleRuns.class)
@interface SampleSuite {

    /** The configuration parameter {@link SampleRun} sets to enable sample suites. */
    String ENABLED_KEY = "nnlab.grading.test.sample-suites";

    /** Enables a sample suite only when {@link #ENABLED_KEY} is {@code true}. */
    final class OnlyInSampleRuns implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean enabled = context.getConfigurationParameter(ENABLED_KEY).map(Boolean::parseBoolean).orElse(false);
            return enabled ? ConditionEvaluationResult.enabled("run by SampleRun")
                    : ConditionEvaluationResult.disabled("a sample graded suite; only the grading API tests run it");
        }
    }
}
