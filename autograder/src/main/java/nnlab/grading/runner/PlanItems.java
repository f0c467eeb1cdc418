package nnlab.grading.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The units a test JVM reports and the runner accounts for, taken from a discovered {@link TestPlan}: every
 * test, and every test template or factory ({@code @ParameterizedTest}, {@code @RepeatedTest},
 * {@code @TestFactory}) as a whole, since their invocations only exist once they run. In plan order.
 */
final class PlanItems {

    private PlanItems() {
    }

    /** The plan's tests and templates, depth first in the order JUnit will run them. */
    static List<TestIdentifier> of(TestPlan plan) {
        List<TestIdentifier> items = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            collect(plan, root, items);
        }
        return items;
    }

    /** Whether {@code id} is a test template or factory: a container whose source is a method. */
    static boolean isTemplate(TestIdentifier id) {
        return id.isContainer() && id.getSource().filter(MethodSource.class::isInstance).isPresent();
    }

    /** The class that declares the test, or "" if JUnit does not say. */
    static String className(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            return method.getClassName();
        }
        if (source.isPresent() && source.get() instanceof ClassSource type) {
            return type.getClassName();
        }
        return "";
    }

    /** The test's method name, or "" if it has none. */
    static String methodName(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName()).orElse("");
    }

    private static void collect(TestPlan plan, TestIdentifier id, List<TestIdentifier> items) {
        if (id.isTest() || isTemplate(id)) {
            items.add(id);
            return;
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            collect(plan, child, items);
        }
    }
}
