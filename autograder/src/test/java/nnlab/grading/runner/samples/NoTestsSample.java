package nnlab.grading.runner.samples;

/** A hidden class without tests: zero tests run, which must never count as a pass. */
@RunnerSample
class NoTestsSample {

    void notATest() {
        // nothing: no @Test
    }
}
