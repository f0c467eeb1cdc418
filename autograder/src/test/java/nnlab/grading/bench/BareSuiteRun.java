package nnlab.grading.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The baseline of {@link GradingOverhead}: runs a hidden suite the plain way, all classes in this one JVM with the
 * JUnit Launcher, on classes compiled beforehand, no sandbox, no limits. Prints one line,
 * {@code tests=<n> failed=<n> junit_ms=<time inside the launcher>}.
 *
 * <p>Arguments: the hidden classes folder, the solution classes folder, then the test class names.
 */
public final class BareSuiteRun {

    private BareSuiteRun() {
    }

    /** Runs the suite; exits with status 1 if a test failed. */
    public static void main(String[] args) throws Exception {
        URL[] urls = {Path.of(args[0]).toUri().toURL(), Path.of(args[1]).toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(urls, BareSuiteRun.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            List<Class<?>> classes = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                classes.add(Class.forName(args[i], false, loader));
            }
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
            classes.forEach(c -> request.selectors(selectClass(c)));
            LauncherDiscoveryRequest discovery = request.build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            long start = System.nanoTime();
            LauncherFactory.create().execute(discovery, listener);
            long junitNanos = System.nanoTime() - start;
            TestExecutionSummary summary = listener.getSummary();
            System.out.println("tests=" + summary.getTestsFoundCount() + " failed=" + summary.getTotalFailureCount()
                    + " junit_ms=" + junitNanos / 1_000_000);
            System.exit(summary.getTotalFailureCount() == 0 ? 0 : 1);
        }
    }
}
