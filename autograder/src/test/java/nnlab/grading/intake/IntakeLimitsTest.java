package nnlab.grading.intake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntakeLimitsTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        IntakeLimits limits = IntakeLimits.defaults();

        assertThat(limits, is(new IntakeLimits(1000, 256 * 1024, 16 * 1024 * 1024, 512, 32)));
    }

    @Test
    void withersReplaceOneLimit() {
        IntakeLimits limits = IntakeLimits.defaults().withMaxEntries(5).withMaxFileBytes(100).withMaxTotalBytes(300)
                .withMaxPathLength(40).withMaxPathDepth(3);

        assertThat(limits, is(new IntakeLimits(5, 100, 300, 40, 3)));
    }

    @Test
    void rejectsNonPositiveAndInconsistentLimits() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> IntakeLimits.defaults().withMaxEntries(0)).getMessage(),
                containsString("maxEntries must be positive, got 0"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> IntakeLimits.defaults().withMaxPathDepth(-1)).getMessage(),
                containsString("maxPathDepth must be positive"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> IntakeLimits.defaults().withMaxTotalBytes(1000)).getMessage(),
                containsString("below maxFileBytes"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new IntakeLimits(10, IntakeLimits.MAX_FILE_BYTES_CAP + 1, Long.MAX_VALUE, 10, 10)).getMessage(),
                containsString("exceeds"));
    }
}
