package nnlab.grading.runner.samples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** Student code that connects to a server on the grading machine; passes only if it got through. */
@RunnerSample
class NetworkSample {

    /** The system property with the port to connect to. */
    static final String PORT_PROPERTY = "nnlab.sample.port";

    @Test
    void phonesHome() {
        assertThat(StudentCode.phoneHome(Integer.getInteger(PORT_PROPERTY, 1)), is(true));
    }
}
