package nnlab.grading.runner.samples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * A hidden test that opted into a same-thread time-out, which cannot stop a loop that ignores interrupts:
 * only the runner's wall-clock limit ends it.
 */
@RunnerSample
@TestMethodOrder(MethodOrderer.MethodName.class)
class WallClockSample {

    @Test
    void a_passes() {
        assertThat(StudentCode.add(1, 1), is(2));
    }

    @Test
    @Timeout(value = 1, threadMode = Timeout.ThreadMode.SAME_THREAD)
    void b_busyLoopInTheTestThread() {
        assertThat(StudentCode.busyLoop(), is(0));
    }

    @Test
    void c_passes() {
        assertThat(StudentCode.add(2, 1), is(3));
    }
}
