package nnlab.grading;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link Graded}: it gives each test a fresh record for {@link Grade},
 * {@link Feedback} and {@link Leaderboard}, and publishes that record as a report entry when the test ends.
 * {@code @Graded} registers it, so test authors never name it; registering it again (e.g. with
 * {@code @ExtendWith} on the class) is harmless, JUnit keeps one.
 *
 * <p><b>Lifecycle.</b> Before each test (before its {@code @BeforeEach} methods) the record is installed
 * for the thread running the test and for every thread started from it while it runs, such as
 * {@code assertTimeoutPreemptively}'s. After each test (after its {@code @AfterEach} methods, and also when
 * the test or a lifecycle method failed) the record is published once with
 * {@link ExtensionContext#publishReportEntry(java.util.Map)}, encoded by {@link GradeReport#toReportEntries()},
 * and then closed: later calls from threads that outlive the test are ignored, so nothing reaches the next
 * test. Each invocation of a {@code @ParameterizedTest} or {@code @RepeatedTest} gets its own record.
 *
 * <p>A runner listening with a {@code TestExecutionListener} receives the entry in
 * {@code reportingEntryPublished}, before {@code executionFinished} of the same test, and decodes it with
 * {@link GradeReport#fromReportEntries}.
 */
public final class GradingExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GradingExtension.class);

    /** Created by JUnit through {@link Graded} (or {@code @ExtendWith}); it keeps no state of its own. */
    public GradingExtension() {
    }

    /**
     * Installs a fresh record for the test about to run.
     *
     * @throws ExtensionConfigurationException if the test's {@link Graded#points()} is 0, negative, NaN or
     *         infinite (the test then fails with this message, so the author sees it at once)
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        context.getElement().flatMap(element -> AnnotationSupport.findAnnotation(element, Graded.class))
                .ifPresent(graded -> checkPoints(graded, context));
        GradeRecorder recorder = new GradeRecorder();
        context.getStore(NAMESPACE).put(context.getUniqueId(), recorder);
        GradeRecorder.install(recorder);
    }

    /** Publishes what the test recorded, then closes and removes its record. */
    @Override
    public void afterEach(ExtensionContext context) {
        GradeRecorder recorder = context.getStore(NAMESPACE).remove(context.getUniqueId(), GradeRecorder.class);
        if (recorder == null) {
            return; // beforeEach did not run for this test (an earlier extension failed)
        }
        try {
            recorder.close();
            context.publishReportEntry(recorder.report().toReportEntries());
        } finally {
            GradeRecorder.uninstall(recorder);
        }
    }

    private static void checkPoints(Graded graded, ExtensionContext context) {
        double points = graded.points();
        if (!(points > 0 && points < Double.POSITIVE_INFINITY)) {
            throw new ExtensionConfigurationException("@Graded(points = " + points + ") on "
                    + context.getDisplayName() + ": points must be finite and > 0; leave @Graded off a test that"
                    + " should not be scored");
        }
    }
}
