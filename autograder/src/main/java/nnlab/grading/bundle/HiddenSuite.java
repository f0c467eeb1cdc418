package nnlab.grading.bundle;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import nnlab.grading.reconcile.GradedTestDiscovery;
import nnlab.grading.reconcile.GradedTestSpec;

/**
 * Reads the graded tests a hidden suite expects ({@link GradedTestDiscovery}) from its compiled classes, when a
 * bundle is built and when a submission is graded. The classes are loaded without being initialised, over the
 * grader's own class loader (so their annotations are the grader's {@code Graded} type), with the starter classes
 * for the lab types their signatures name.
 */
final class HiddenSuite {

    private HiddenSuite() {
    }

    /**
     * The graded tests of {@code classNames}, in manifest order.
     *
     * @throws IllegalArgumentException if a class is malformed as a graded suite (see {@link GradedTestDiscovery})
     * @throws IOException              if the class loader cannot be closed
     */
    static List<GradedTestSpec> discover(Path hiddenClasses, Path starterClasses, List<String> classNames)
            throws IOException {
        URL[] urls = {hiddenClasses.toUri().toURL(), starterClasses.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(urls, HiddenSuite.class.getClassLoader())) {
            return GradedTestDiscovery.discover(loader, classNames);
        }
    }
}
