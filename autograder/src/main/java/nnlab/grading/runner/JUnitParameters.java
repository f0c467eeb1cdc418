package nnlab.grading.runner;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JUnit configuration of a test JVM, passed explicitly to the Launcher. Implicit configuration (JVM system
 * properties and any {@code junit-platform.properties} on the classpath) is switched off in
 * {@link TestJvmMain}, so these values, and JUnit's defaults for the rest, are the whole configuration: a
 * properties file that turns time-outs off, shipped with a submission or left on the classpath, has no effect.
 */
final class JUnitParameters {

    private JUnitParameters() {
    }

    /**
     * The configuration for tests that time out after {@code testTimeout}: time-outs on, every test body (and
     * lifecycle method) in a separate thread so a test that ignores interrupts is still abandoned, extension
     * autodetection off ({@code @Graded} registers its extension itself), no parallel execution, JUnit's own
     * output capture off (the runner keeps output itself, see {@link TestOutputCapture}).
     */
    static Map<String, String> of(Duration testTimeout) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("junit.jupiter.execution.timeout.mode", "enabled");
        parameters.put("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
        parameters.put("junit.jupiter.execution.timeout.default", format(testTimeout));
        parameters.put("junit.jupiter.extensions.autodetection.enabled", "false");
        parameters.put("junit.jupiter.execution.parallel.enabled", "false");
        parameters.put("junit.jupiter.testinstance.lifecycle.default", "per_method");
        parameters.put("junit.platform.output.capture.stdout", "false");
        parameters.put("junit.platform.output.capture.stderr", "false");
        parameters.put("junit.platform.execution.dryRun.enabled", "false");
        return parameters;
    }

    /** {@code duration} in JUnit's time-out syntax, in milliseconds, e.g. {@code "2000 ms"}. */
    static String format(Duration duration) {
        return duration.toMillis() + " ms";
    }

    /**
     * Reads a duration written by {@link #format}.
     *
     * @throws IllegalArgumentException if {@code text} is not {@code "<whole number> ms"} with a number {@code > 0}
     */
    static Duration parse(String text) {
        if (text.endsWith(" ms")) {
            try {
                long millis = Long.parseLong(text.substring(0, text.length() - 3));
                if (millis > 0) {
                    return Duration.ofMillis(millis);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("test time-out \"" + text + "\" is not a positive whole number of"
                + " milliseconds such as \"2000 ms\"");
    }
}
