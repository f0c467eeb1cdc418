package nnlab.grading.reconcile;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import nnlab.grading.Visibility;
import org.junit.jupiter.api.Test;

/** {@link GradedTestDiscovery} reads the manifest from {@link DiscoverySamples} without running anything. */
class GradedTestDiscoveryTest {

    private static final String PREFIX = DiscoverySamples.class.getName() + "$";

    private static List<GradedTestSpec> discover(String... simpleNames) {
        return GradedTestDiscovery.discover(GradedTestDiscoveryTest.class.getClassLoader(),
                List.of(simpleNames).stream().map(name -> PREFIX + name).toList());
    }

    private static String error(String... simpleNames) {
        return assertThrows(IllegalArgumentException.class, () -> discover(simpleNames)).getMessage();
    }

    @Test
    void readsEveryGradedMethodWithItsPointsNumberNameVisibilityAndFiles() {
        List<GradedTestSpec> specs = discover("SoftmaxSuite");

        assertThat(specs.stream().map(GradedTestSpec::methodName).toList(), contains("forward", "backward"));
        GradedTestSpec backward = specs.get(1);
        assertThat(backward.className(), is(PREFIX + "SoftmaxSuite"));
        assertThat(backward.points(), is(2.0));
        assertThat(backward.number(), is("1.10"));
        assertThat(backward.name(), is("backward"));
        assertThat(backward.visibility(), is(Visibility.AFTER_DUE_DATE));
        assertThat(backward.dependsOn(), contains("Softmax.java", "SoftmaxRegression.java"));
        assertThat(backward.dependsOn("Softmax.java"), is(true));
        assertThat(backward.dependsOn("Linear.java"), is(false));
    }

    @Test
    void withoutGradesFilesATestDependsOnEveryFileAndDefaultsItsName() {
        GradedTestSpec trains = discover("TrainingSuite").stream()
                .filter(spec -> spec.methodName().equals("trains")).findFirst().orElseThrow();

        assertThat(trains.dependsOn(), is(empty()));
        assertThat(trains.dependsOn("Anything.java"), is(true));
        assertThat(trains.name(), is("TrainingSuite.trains"));
        assertThat(trains.number(), is(nullValue()));
        assertThat(trains.visibility(), is(Visibility.VISIBLE));
    }

    @Test
    void findsGradedThroughAComposedAnnotation() {
        GradedTestSpec composed = discover("TrainingSuite").stream()
                .filter(spec -> spec.methodName().equals("composed")).findFirst().orElseThrow();

        assertThat(composed.points(), is(3.0));
        assertThat(composed.name(), is("composed"));
    }

    @Test
    void sortsNumberedTestsByNumberPartsThenTheRestByClassAndMethod() {
        List<String> order = discover("TrainingSuite", "SoftmaxSuite").stream()
                .map(spec -> spec.className().substring(PREFIX.length()) + "." + spec.methodName()).toList();

        assertThat(order, contains("SoftmaxSuite.forward", "SoftmaxSuite.backward", "TrainingSuite.converges",
                "TrainingSuite.composed", "TrainingSuite.trains"));
        assertThat(discover("SoftmaxSuite", "TrainingSuite"), is(discover("TrainingSuite", "SoftmaxSuite")));
    }

    @Test
    void comparesNumbersPartByPart() {
        assertThat(GradedTestDiscovery.compareNumbers("1.2", "1.10"), lessThan(0));
        assertThat(GradedTestDiscovery.compareNumbers("2", "1.10"), greaterThan(0));
        assertThat(GradedTestDiscovery.compareNumbers("1", "1.1"), lessThan(0));
        assertThat(GradedTestDiscovery.compareNumbers("1.a", "1.b"), lessThan(0));
        assertThat("equal as numbers, then ordered as text", GradedTestDiscovery.compareNumbers("01", "1"),
                lessThan(0));
    }

    @Test
    void doesNotInitialiseTheClasses() {
        List<GradedTestSpec> specs = discover("ExplodingSuite");

        assertThat(specs.stream().map(GradedTestSpec::methodName).toList(), contains("graded"));
        assertThat("the class still explodes when initialised", assertThrows(ExceptionInInitializerError.class,
                () -> Class.forName(PREFIX + "ExplodingSuite", true, getClass().getClassLoader())).getCause()
                .getMessage(), containsString("static initializer ran"));
    }

    @Test
    void rejectsAClassWithoutGradedTests() {
        assertThat(error("NoGradedSuite"), containsString("declares no @Graded test"));
    }

    @Test
    void rejectsAnEmptyClassList() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> GradedTestDiscovery.discover(getClass().getClassLoader(), List.of())).getMessage(),
                containsString("no hidden test class"));
    }

    @Test
    void rejectsZeroPoints() {
        assertThat(error("ZeroPointsSuite"), containsString("ZeroPointsSuite#free has @Graded(points = 0.0)"));
    }

    @Test
    void rejectsTwoTestsWithOneNumber() {
        String message = error("SoftmaxSuite", "SameNumberSuite");

        assertThat(message, containsString("both have number \"1.2\""));
        assertThat(message, containsString("SameNumberSuite#clash"));
    }

    @Test
    void rejectsOverloadedGradedMethods() {
        assertThat(error("OverloadSuite"), containsString("two @Graded methods named twice"));
    }

    @Test
    void rejectsAnEmptyOrPathLikeGradesFiles() {
        assertThat(error("EmptyFilesSuite"), containsString("empty @GradesFiles"));
        assertThat(error("PathInFilesSuite"), containsString("\"src/Softmax.java\""));
    }

    @Test
    void rejectsAClassThatDoesNotExist() {
        assertThat(error("Missing"), containsString("cannot be loaded"));
    }
}
