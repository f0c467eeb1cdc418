package nnlab.grading.runner.samples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Student code that ends the JVM in the middle of a test, between passing tests. */
@RunnerSample
@TestMethodOrder(MethodOrderer.MethodName.class)
class ExitSample {

    @Test
    void a_passes() {
        assertThat(StudentCode.add(1, 1), is(2));
    }

    @Test
    void b_exitsInTodo() {
        assertThat(StudentCode.exitInTodo(), is(0));
    }

    @Test
    void c_passes() {
        assertThat(StudentCode.add(2, 1), is(3));
    }

    @Test
    void d_halts() {
        assertThat(StudentCode.halt(), is(0));
    }

    @Test
    void e_fails() {
        assertThat(StudentCode.wrongAdd(2, 1), is(3));
    }
}
