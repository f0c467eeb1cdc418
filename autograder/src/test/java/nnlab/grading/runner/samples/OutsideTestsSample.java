package nnlab.grading.runner.samples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Student code that ends the JVM in {@code @BeforeAll}, before any test starts. */
@RunnerSample
class OutsideTestsSample {

    @BeforeAll
    static void setUp() {
        StudentCode.exitInTodo();
    }

    @Test
    void passes() {
        assertThat(StudentCode.add(1, 1), is(2));
    }

    @Test
    void alsoPasses() {
        assertThat(StudentCode.add(1, 2), is(3));
    }
}
