package nnlab.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a {@link SampleSuite} class through the JUnit Platform Launcher, as the grading runner will, and
 * keeps, per test, its result and the report entries it published. Extension autodetection is off, so
 * only {@code @Graded}'s own registration of {@link GradingExtension} can make grading work.
 */
final class SampleRun {

    /** One test that ran: its display name, result and published report entries. */
    record Outcome(String name, TestExecutionResult result, List<Map<String, String>> entries) {

        /** The test's only report entry, decoded; fails if it published none or several. */
        GradeReport report() {
            if (entries.size() != 1) {
                throw new AssertionError(name + " published " + entries.size() + " report entries, expected 1: " + entries);
            }
            return GradeReport.fromReportEntries(entries.get(0));
        }

        boolean passed() {
            return result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        }

        boolean failed() {
            return result.getStatus() == TestExecutionResult.Status.FAILED;
        }
    }

    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();

    private SampleRun() {
    }

    /** Runs {@code suite} with sample suites enabled. */
    static SampleRun of(Class<?> suite) {
        return of(suite, true);
    }

    /** Runs {@code suite}, with sample suites enabled or not. */
    static SampleRun of(Class<?> suite, boolean enableSamples) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(suite))
                .configurationParameter(SampleSuite.ENABLED_KEY, Boolean.toString(enableSamples))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        SampleRun run = new SampleRun();
        LauncherFactory.create().execute(request, run.new Listener());
        return run;
    }

    /** The outcome of the test with this display name, e.g. {@code "records()"}. */
    Outcome outcome(String name) {
        Outcome outcome = outcomes.get(name);
        if (outcome == null) {
            throw new AssertionError("no test named " + name + " ran; ran: " + outcomes.keySet());
        }
        return outcome;
    }

    /** The tests and containers that were skipped, by display name, with the reason. */
    Map<String, String> skipped() {
        return Map.copyOf(skipped);
    }

    /** Every test's outcome, in execution order. */
    List<Outcome> outcomes() {
        return List.copyOf(outcomes.values());
    }

    private final class Listener implements TestExecutionListener {
        private final Map<String, List<Map<String, String>>> entries = new LinkedHashMap<>();

        @Override
        public synchronized void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            entries.computeIfAbsent(test.getUniqueId(), id -> new ArrayList<>()).add(entry.getKeyValuePairs());
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier test, String reason) {
            skipped.put(test.getDisplayName(), reason);
        }

        @Override
        public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                outcomes.put(test.getDisplayName(), new Outcome(test.getDisplayName(), result,
                        List.copyOf(entries.getOrDefault(test.getUniqueId(), List.of()))));
            }
        }
    }
}
