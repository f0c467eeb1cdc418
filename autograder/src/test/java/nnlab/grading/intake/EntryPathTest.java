package nnlab.grading.intake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EntryPathTest {

    private static final IntakeLimits LIMITS = IntakeLimits.defaults().withMaxPathLength(40).withMaxPathDepth(3);

    @Test
    void splitsOnBothSeparatorsAndDropsEmptyAndDotSegments() {
        EntryPath path = EntryPath.parse("./src//main\\lab02/./F.java", LIMITS.withMaxPathDepth(5));

        assertThat(path.problem(), is(nullValue()));
        assertThat(path.segments(), contains("src", "main", "lab02", "F.java"));
        assertThat(path.normalized(), is("src/main/lab02/F.java"));
        assertThat(path.fileName(), is("F.java"));
        assertThat(path.endsWith(List.of("lab02", "F.java")), is(true));
        assertThat(path.endsWith(List.of("lab03", "F.java")), is(false));
    }

    @Test
    void classifiesUnsafePaths() {
        assertProblem("../F.java", IgnoreReason.PATH_TRAVERSAL);
        assertProblem("a/..", IgnoreReason.PATH_TRAVERSAL);
        assertProblem("a\\..\\..\\F.java", IgnoreReason.PATH_TRAVERSAL);
        assertProblem("/etc/passwd", IgnoreReason.ABSOLUTE_PATH);
        assertProblem("\\F.java", IgnoreReason.ABSOLUTE_PATH);
        assertProblem("c:F.java", IgnoreReason.ABSOLUTE_PATH);
        assertProblem("D:\\F.java", IgnoreReason.ABSOLUTE_PATH);
        assertProblem("F.java:stream", IgnoreReason.UNSAFE_NAME);
        assertProblem("a\tb", IgnoreReason.UNSAFE_NAME);
        assertProblem("", IgnoreReason.UNSAFE_NAME);
        assertProblem("./", IgnoreReason.UNSAFE_NAME);
        assertProblem("a/b/c/F.java", IgnoreReason.PATH_TOO_LONG);
        assertProblem("x".repeat(41), IgnoreReason.PATH_TOO_LONG);
    }

    @Test
    void dotsInsideNamesAreFine() {
        assertThat(EntryPath.parse("..hidden/...", LIMITS).problem(), is(nullValue()));
        assertThat(EntryPath.parse("a/b/F.java", LIMITS).problem(), is(nullValue()));
    }

    private static void assertProblem(String raw, IgnoreReason expected) {
        assertThat(raw, EntryPath.parse(raw, LIMITS).problem(), is(expected));
    }
}
