package nnlab.grading.runner.samples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Student code that exhausts the heap, the threads, or the output, between passing tests. */
@RunnerSample
@TestMethodOrder(MethodOrderer.MethodName.class)
class BombSample {

    @Test
    void a_passes() {
        assertThat(StudentCode.add(1, 1), is(2));
    }

    @Test
    void b_heapBomb() {
        assertThat(StudentCode.heapBomb(), is(0));
    }

    @Test
    void c_passes() {
        assertThat(StudentCode.add(2, 1), is(3));
    }

    @Test
    void d_threadBomb() {
        assertThat(StudentCode.threadBomb(), is(3));
    }

    @Test
    void e_passes() {
        assertThat(StudentCode.add(2, 2), is(4));
    }

    @Test
    void f_printsOneGigabyte() {
        assertThat(StudentCode.printOneGigabyte(), is(3));
    }

    @Test
    void g_passes() {
        assertThat(StudentCode.add(3, 2), is(5));
    }
}
