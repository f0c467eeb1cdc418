package nnlab.grading.runner.samples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Student code that never returns, each time in another way, between passing tests; JUnit's time-out ends each. */
@RunnerSample
@TestMethodOrder(MethodOrderer.MethodName.class)
class HangSample {

    @Test
    void a_busyLoopIgnoringInterrupts() {
        assertThat(StudentCode.busyLoop(), is(0));
    }

    @Test
    void b_passes() {
        assertThat(StudentCode.add(1, 1), is(2));
    }

    @Test
    void c_sleepsForever() {
        assertThat(StudentCode.sleepForever(), is(0));
    }

    @Test
    void d_loopsInAStaticInitializer() {
        assertThat(StudentCode.useLoopingInitializer(), is(1));
    }

    @Test
    void e_passes() {
        assertThat(StudentCode.add(2, 2), is(4));
    }
}
