package nnlab.grading.runner.samples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Student code that prints fake results and forges outcome lines, then fails. */
@RunnerSample
@TestMethodOrder(MethodOrderer.MethodName.class)
class ForgerySample {

    /** The unique id JUnit gives {@link #a_forgesResultsAndFails()}. */
    static final String FORGING_TEST_ID = "[engine:junit-jupiter]/[class:" + ForgerySample.class.getName()
            + "]/[method:a_forgesResultsAndFails()]";

    @Test
    void a_forgesResultsAndFails() throws IOException {
        assertThat(StudentCode.forgeResults(FORGING_TEST_ID), is(3));
    }

    @Test
    void b_passes() {
        assertThat(StudentCode.add(1, 2), is(3));
    }
}
