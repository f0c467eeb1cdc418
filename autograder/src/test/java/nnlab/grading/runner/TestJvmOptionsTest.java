package nnlab.grading.runner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link TestJvmOptions}: the defaults, the {@code with...} copies, and the checks with their fixes. */
class TestJvmOptionsTest {

    @Test
    void defaultsAreTheDocumentedLimits() {
        TestJvmOptions options = TestJvmOptions.defaults();

        assertThat(options.testTimeout(), is(Duration.ofSeconds(10)));
        assertThat(options.jvmTimeout(), is(Duration.ofSeconds(120)));
        assertThat(options.maxHeap(), is("512m"));
        assertThat(options.outputLimit(), is(8L << 20));
        assertThat(options.jvmOptions(), is(List.of("--add-modules", "jdk.incubator.vector")));
    }

    @Test
    void withCopiesChangeOneValue() {
        TestJvmOptions options = TestJvmOptions.defaults().withTestTimeout(Duration.ofSeconds(2)).withMaxHeap("64m");

        assertThat(options.testTimeout(), is(Duration.ofSeconds(2)));
        assertThat(options.maxHeap(), is("64m"));
        assertThat(options.jvmTimeout(), is(TestJvmOptions.defaults().jvmTimeout()));
    }

    @Test
    void aMemorySizeMustBeWrittenAsTheJvmWritesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestJvmOptions.defaults().withMaxHeap("512MB"));
        assertThat(e.getMessage(), is("maxHeap (-Xmx) is \"512MB\"; write a size as the JVM does, a whole number and"
                + " k, m or g, e.g. \"512m\""));
    }

    @Test
    void durationsAndLimitsMustBePositiveAndOptionsNotBlank() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> TestJvmOptions.defaults().withJvmTimeout(Duration.ZERO)).getMessage(),
                containsString("jvmTimeout is PT0S; it must be at least 1 ms"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> TestJvmOptions.defaults().withOutputLimit(0)).getMessage(),
                containsString("outputLimit is 0; it must be > 0"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> TestJvmOptions.defaults().withJvmOptions(List.of(" "))).getMessage(),
                containsString("holds a blank option"));
    }

    @Test
    void theTimeoutTravelsToTheTestJvmInMilliseconds() {
        assertThat(JUnitParameters.format(Duration.ofSeconds(2)), is("2000 ms"));
        assertThat(JUnitParameters.parse("2000 ms"), is(Duration.ofSeconds(2)));
        assertThat(JUnitParameters.of(Duration.ofSeconds(2)).get("junit.jupiter.execution.timeout.mode"),
                is("enabled"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> JUnitParameters.parse("2 s")).getMessage(),
                containsString("such as \"2000 ms\""));
    }
}
