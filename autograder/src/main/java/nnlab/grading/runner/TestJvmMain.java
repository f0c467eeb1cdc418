package nnlab.grading.runner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of a test JVM, started by {@link ForkedTestRun} (never by hand): runs one hidden test class
 * with the JUnit Platform Launcher and appends what happens to the outcome file ({@link OutcomeFormat}).
 *
 * <p><b>Arguments:</b> {@code <outcome file> <test time-out, e.g. "2000 ms"> <test class> [unique id to
 * skip]...}. The outcome file must exist (the runner creates it). The first line of standard input is the run's
 * token, which tags every outcome line; then the JVM ends with {@code Runtime.halt}: status 0 when the class
 * ran to the end or the JVM recycled itself, 1 when the launcher failed, 2 for bad arguments.
 *
 * <p><b>Configuration:</b> only the parameters of {@link JUnitParameters}, given explicitly; JVM system
 * properties and {@code junit-platform.properties} files are not read, and no engine, listener or filter is
 * loaded from the classpath: the Jupiter engine is the only one.
 *
 * <p><b>Threat model.</b> The student's code runs in this JVM, so the runner trusts only what this class writes
 * and never the JVM's standard output, which is counted, cut and shown but not parsed. Lines the student's code
 * could append to the outcome file are told apart by the token: it is read from standard input before any test
 * class is loaded, so it is not on the command line, in the environment or in a file, and only reflection
 * (which the static gate on the student's bytecode forbids, as it forbids file access) could read it from this
 * class's memory. Lines without it are ignored and counted. Code that truncates or garbles the file can only
 * lose outcomes, and a test without an outcome scores 0. The process, network and file system limits are set
 * from outside by the runner ({@link Isolation}).
 */
public final class TestJvmMain {

    private static final int MAX_TOKEN_BYTES = 256;

    private TestJvmMain() {
    }

    /**
     * Runs the test class named in {@code args} (see the class comment) and halts the JVM.
     *
     * @param args outcome file, test time-out, test class name, then the unique ids of tests to skip
     */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: TestJvmMain <outcome file> <test time-out, e.g. \"2000 ms\"> <test class>"
                    + " [unique id to skip]...; the runner (ForkedTestRun) starts it and writes the token to stdin");
            Runtime.getRuntime().halt(2);
        }
        int status;
        try (OutcomeWriter out = OutcomeWriter.open(Path.of(args[0]), readToken(System.in))) {
            System.setIn(new ByteArrayInputStream(new byte[0]));
            Duration timeout = JUnitParameters.parse(args[1]);
            Set<String> skip = new LinkedHashSet<>(Arrays.asList(args).subList(3, args.length));
            status = run(out, args[2], timeout, skip);
        } catch (RuntimeException | IOException e) {
            System.err.println("TestJvmMain: " + e.getMessage());
            status = 2;
        }
        Runtime.getRuntime().halt(status);
    }

    private static int run(OutcomeWriter out, String className, Duration timeout, Set<String> skip) {
        try {
            TestOutputCapture capture = TestOutputCapture.install();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestEngineAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .enableLauncherDiscoveryListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false)
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestEngines(new JupiterTestEngine())
                    .build());
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(className))
                    .filters((PostDiscoveryFilter) descriptor -> FilterResult.includedIf(
                            !skip.contains(descriptor.getUniqueId().toString()), () -> "runs", () -> "skipped"))
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameters(JUnitParameters.of(timeout))
                    .build();
            TestPlan plan = launcher.discover(request);
            List<TestIdentifier> items = PlanItems.of(plan);
            Set<String> planned = new LinkedHashSet<>();
            for (TestIdentifier item : items) {
                planned.add(item.getUniqueId());
                out.write(OutcomeFormat.PLAN, OutcomeFormat.ID, item.getUniqueId(),
                        OutcomeFormat.PARENT, item.getParentId().orElse(""),
                        OutcomeFormat.KIND, item.isTest() ? OutcomeFormat.KIND_TEST : OutcomeFormat.KIND_GROUP,
                        OutcomeFormat.CLASS, PlanItems.className(item), OutcomeFormat.METHOD, PlanItems.methodName(item),
                        OutcomeFormat.DISPLAY, item.getDisplayName());
            }
            out.write(OutcomeFormat.PLAN_COMPLETE);
            launcher.execute(plan, new OutcomeListener(out, capture, planned));
            out.write(OutcomeFormat.DONE);
            return 0;
        } catch (Throwable t) { // the launcher itself failed, e.g. OutOfMemoryError: unable to create native thread
            out.write(OutcomeFormat.ERROR, OutcomeFormat.ERROR, t.getClass().getName(),
                    OutcomeFormat.MESSAGE, OutcomeFormat.cut(withoutStackTrace(t.getMessage())));
            return 1;
        }
    }

    /** {@code message} up to the first stack frame in it (JUnit's discovery issues embed their causes' traces). */
    private static String withoutStackTrace(String message) {
        if (message == null) {
            return "";
        }
        int frame = message.indexOf("\n\tat ");
        return frame < 0 ? message : message.substring(0, frame);
    }

    /** The first line of {@code in} (at most 256 bytes): the run's token. */
    private static String readToken(InputStream in) throws IOException {
        byte[] buffer = new byte[MAX_TOKEN_BYTES];
        int n = 0;
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (n == buffer.length) {
                throw new IOException("the token on standard input is longer than " + MAX_TOKEN_BYTES + " bytes");
            }
            buffer[n++] = (byte) b;
        }
        if (n == 0) {
            throw new IOException("no token on standard input; the runner writes one line with the run's token");
        }
        return new String(buffer, 0, n, StandardCharsets.US_ASCII);
    }
}
