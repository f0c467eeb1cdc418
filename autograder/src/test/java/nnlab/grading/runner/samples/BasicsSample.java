package nnlab.grading.runner.samples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import nnlab.grading.Grade;
import nnlab.grading.Graded;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A well-behaved hidden class: passing, failing, graded, printing, disabled and parameterized tests. */
@RunnerSample
class BasicsSample {

    @Test
    void passes() {
        assertThat(StudentCode.add(1, 2), is(3));
    }

    @Test
    void failsAnAssertion() {
        assertThat(StudentCode.wrongAdd(1, 2), is(3));
    }

    @Test
    @Graded(points = 2)
    void earnsHalfCredit() {
        Grade.partial(0.5, "the bias is missing");
        assertThat(StudentCode.add(2, 2), is(4));
    }

    @Test
    void printsFromAnotherThread() throws InterruptedException {
        System.out.println("from the test");
        Thread thread = new Thread(() -> System.err.println("from a thread"));
        thread.start();
        thread.join();
    }

    @Test
    @Disabled("shown after the deadline")
    void isDisabled() {
        assertThat(StudentCode.add(0, 0), is(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void addsZero(int n) {
        assertThat(n == 2 ? StudentCode.wrongAdd(n, 1) : StudentCode.add(n, 0), is(n));
    }
}
