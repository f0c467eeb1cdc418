package nnlab.grading.runner.samples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Run with a junit-platform.properties first on the classpath that turns time-outs off: it must not matter. */
@RunnerSample
@TestMethodOrder(MethodOrderer.MethodName.class)
class PropertiesSample {

    @Test
    void a_sleepsForever() {
        assertThat(StudentCode.sleepForever(), is(0));
    }

    @Test
    void b_passes() {
        assertThat(StudentCode.add(1, 1), is(2));
    }
}
