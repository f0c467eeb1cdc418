package nnlab.grading.grade;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nnlab.grading.bundle.ClassFileSources;
import nnlab.grading.compile.SourceCompiler;
import nnlab.grading.runner.ClassRunResult;
import nnlab.grading.runner.ForkedTestRun;
import nnlab.grading.runner.Isolation;
import nnlab.grading.runner.TestJvmOptions;
import nnlab.grading.runner.TestOutcome;

/**
 * The student's side of the self-tests: lab00's public tests, run against the starter code students get, fail on
 * exactly the tests of TODO tasks (tagged {@code lab00.k}), with the TODO's hint in the message, and pass on the
 * rest; against the reference solution they all pass.
 */
class StarterPublicTestsTest {

    private static final Path PUBLIC_TESTS = Lab00.REPOSITORY.resolve("assignments/lab00-warmup/src/test/java");

    @TempDir
    Path dir;

    @Test
    void publicTestsFailOnExactlyTheTodoTasksOfTheStarterCode() throws IOException {
        List<TestOutcome> outcomes = runPublicTests(Lab00.bundle().starterClasses());

        int todo = 0;
        for (TestOutcome outcome : outcomes) {
            String task = taskOf(outcome);
            if (task == null) {
                assertThat(outcome.displayName() + " tests given code: " + outcome.reason(), outcome.passed(), is(true));
            } else {
                todo++;
                assertThat(outcome.displayName() + " tests TODO " + task, outcome.passed(), is(false));
                assertThat(outcome.displayName(), outcome.reason(), containsString("TODO(" + task + ")"));
            }
        }
        assertThat("tests of TODO tasks", todo, greaterThan(0));
        assertThat("tests of given code", outcomes.size() - todo, greaterThan(0));
    }

    @Test
    void publicTestsAllPassOnTheReferenceSolution() throws IOException {
        Path reference = dir.resolve("reference");
        SourceCompiler.compileTree("lab00's reference", Lab00.REFERENCE, Lab00.classpath(), reference);

        for (TestOutcome outcome : runPublicTests(reference)) {
            assertThat(outcome.displayName() + ": " + outcome.reason(), outcome.passed(), is(true));
        }
    }

    /** Compiles the public tests against {@code labClasses} and runs every class in a test JVM. */
    private List<TestOutcome> runPublicTests(Path labClasses) throws IOException {
        Path testClasses = dir.resolve("public-tests");
        List<Path> classpath = new ArrayList<>(Lab00.classpath());
        classpath.add(labClasses);
        SourceCompiler.compileTree("lab00's public tests", PUBLIC_TESTS, classpath, testClasses);
        classpath.add(testClasses);
        List<TestOutcome> outcomes = new ArrayList<>();
        try (ForkedTestRun run = new ForkedTestRun(classpath, TestJvmOptions.defaults(), Isolation.none())) {
            for (String className : ClassFileSources.classNames(testClasses).stream()
                    .filter(name -> name.endsWith("Test")).toList()) {
                ClassRunResult result = run.run(className);
                assertThat(className + ": " + result.problem(), result.outcomes().size(), greaterThan(0));
                outcomes.addAll(result.outcomes());
            }
        }
        tagsFrom = new URLClassLoader(new URL[] {testClasses.toUri().toURL(), labClasses.toUri().toURL()},
                getClass().getClassLoader());
        return outcomes;
    }

    private URLClassLoader tagsFrom;

    /** The task tag ({@code lab00.k}) of the outcome's method or class, or null. */
    private String taskOf(TestOutcome outcome) {
        try {
            Class<?> testClass = Class.forName(outcome.className(), false, tagsFrom);
            List<Tag> tags = new ArrayList<>(List.of(testClass.getAnnotationsByType(Tag.class)));
            for (Method method : testClass.getDeclaredMethods()) {
                if (method.getName().equals(outcome.methodName())) {
                    tags.addAll(List.of(method.getAnnotationsByType(Tag.class)));
                }
            }
            return tags.stream().map(Tag::value).filter(v -> v.matches("lab\\d{2}\\.\\d+")).findFirst().orElse(null);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("public test class " + outcome.className() + " not found", e);
        }
    }
}
