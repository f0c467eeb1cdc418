package nnlab.grading.runner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * {@link ClassAccounting} on outcome logs written here line by line: what a JVM that crashed, recycled itself,
 * died outside a test or never got going leaves behind, and what the next JVM is told to skip.
 */
class ClassAccountingTest {

    private static final String TOKEN = "t0k3n";
    private static final String CLASS = "[engine:junit-jupiter]/[class:lab.HiddenTest]";
    private static final String A = CLASS + "/[method:a()]";
    private static final String B = CLASS + "/[method:b()]";
    private static final String T = CLASS + "/[test-template:t(int)]";
    private static final String T1 = T + "/[test-template-invocation:#1]";
    private static final String T2 = T + "/[test-template-invocation:#2]";
    private static final String EXIT = "exited with status 0 (System.exit or Runtime.halt?)";

    @Test
    void aCrashFailsTheRunningTestAndTheNextJvmSkipsWhatIsSettled() {
        ClassAccounting accounting = new ClassAccounting("lab.HiddenTest");

        boolean more = accounting.take(log(plan(A, B, T), started(A), finished(A, "SUCCESSFUL"), started(B)), EXIT);

        assertThat(more, is(true));
        assertThat(accounting.skip(), is(Set.of(A, B)));
        assertThat(summary(accounting), contains("a() PASSED", "b() FAILED the test JVM " + EXIT + " during this test"));

        more = accounting.take(log(plan(T), started(T1), finished(T1, "FAILED"), started(T2), finished(T2,
                "SUCCESSFUL"), finished(T, "SUCCESSFUL"), line("done")), "unused");

        assertThat(more, is(false));
        assertThat(summary(accounting), contains("a() PASSED", "b() FAILED the test JVM " + EXIT + " during this test",
                "#1 FAILED AssertionError: no", "#2 PASSED"));
    }

    @Test
    void aCrashInsideATemplateSettlesTheWholeTemplate() {
        ClassAccounting accounting = new ClassAccounting("lab.HiddenTest");

        boolean more = accounting.take(log(plan(T, A), started(T1), finished(T1, "SUCCESSFUL"), started(T2)), EXIT);

        assertThat(more, is(true));
        assertThat(accounting.skip(), is(Set.of(T)));
    }

    @Test
    void aRecycledJvmBlamesNoTest() {
        ClassAccounting accounting = new ClassAccounting("lab.HiddenTest");

        boolean more = accounting.take(log(plan(A, B), started(A), finished(A, "FAILED"),
                line("recycle", "reason", "a test timed out")), "unused");

        assertThat(more, is(true));
        assertThat(summary(accounting), contains("a() FAILED AssertionError: no"));
    }

    @Test
    void aDeathOutsideAnyTestFailsEveryTestLeftAndEndsTheClass() {
        ClassAccounting accounting = new ClassAccounting("lab.HiddenTest");

        boolean more = accounting.take(log(plan(A, B), started(A), finished(A, "SUCCESSFUL")), EXIT);

        assertThat(more, is(false));
        assertThat(summary(accounting), contains("a() PASSED", "b() FAILED not run: the test JVM " + EXIT
                + " outside any test (in a static initializer, a @BeforeAll or @AfterAll method, or a thread an"
                + " earlier test left running)"));
    }

    @Test
    void aFailedClassSetUpLeavesItsTestsNotRunWithTheReason() {
        ClassAccounting accounting = new ClassAccounting("lab.HiddenTest");

        accounting.take(log(plan(A, B), finished(CLASS, "FAILED"), line("done")), "unused");

        assertThat(summary(accounting), contains("a() NOT_RUN not run: AssertionError: no",
                "b() NOT_RUN not run: AssertionError: no"));
    }

    @Test
    void aJvmThatDiedBeforeItsPlanIsAProblemOfTheClass() {
        ClassAccounting accounting = new ClassAccounting("lab.HiddenTest");

        boolean more = accounting.take(log(), "was killed by signal 9 (SIGKILL: out of memory?)");

        assertThat(more, is(false));
        assertThat(accounting.outcomes().isEmpty(), is(true));
        assertThat(accounting.problem(), is("the test JVM was killed by signal 9 (SIGKILL: out of memory?) before"
                + " running any test of lab.HiddenTest"));
    }

    @Test
    void givingUpSettlesEveryOpenTestAsNotRun() {
        ClassAccounting accounting = new ClassAccounting("lab.HiddenTest");
        accounting.take(log(plan(A, B), started(A)), EXIT);

        accounting.giveUp(OutcomeStatus.NOT_RUN, "not run: too many JVMs");

        assertThat(summary(accounting), contains("a() FAILED the test JVM " + EXIT + " during this test",
                "b() NOT_RUN not run: too many JVMs"));
    }

    private static List<String> summary(ClassAccounting accounting) {
        return accounting.outcomes().stream().map(o -> (o.displayName() + " " + o.status() + " " + o.reason()).trim())
                .collect(Collectors.toList());
    }

    private static OutcomeLog log(String... lines) {
        return OutcomeLog.parse(String.join("", lines), TOKEN);
    }

    private static String plan(String... ids) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            sb.append(line("plan", "id", id, "parent", CLASS, "kind", id.equals(T) ? "group" : "test",
                    "class", "lab.HiddenTest", "method", name(id), "display", name(id) + "()"));
        }
        return sb.append(line("plan-complete")).toString();
    }

    private static String started(String id) {
        return line("started", "id", id, "parent", CLASS, "class", "lab.HiddenTest", "method", name(id),
                "display", id.contains("#") ? id.substring(id.indexOf('#'), id.length() - 1) : name(id) + "()");
    }

    private static String finished(String id, String status) {
        return line("finished", "id", id, "status", status, "error",
                status.equals("SUCCESSFUL") ? "" : "java.lang.AssertionError", "message",
                status.equals("SUCCESSFUL") ? "" : "no", "output", "");
    }

    private static String name(String id) {
        return id.equals(A) ? "a" : id.equals(B) ? "b" : "t";
    }

    private static String line(String event, String... fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("token", TOKEN);
        line.put("event", event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.put(fields[i], fields[i + 1]);
        }
        return JsonLine.write(line) + "\n";
    }
}
