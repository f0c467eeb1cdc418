package nnlab.tensor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** allClose (PyTorch's |a - b| <= atol + rtol * |b|) and maxAbsDiff, including their edge cases. */
class TensorCompareTest {

    @Test
    void allCloseAcceptsADifferenceExactlyAtTheBound() {
        // |1.5 - 1| = 0.5 <= 0.25 + 0.25 * |1|; values and bound are exact in binary.
        assertTrue(Tensor.vector(1.5f).allClose(Tensor.vector(1f), 0.25, 0.25));
        assertFalse(Tensor.vector(1.5f).allClose(Tensor.vector(1f), 0.25, 0.125));
    }

    @Test
    void allCloseScalesTheRelativeToleranceByTheOtherTensor() {
        // |0 - 10| = 10 <= 1 * |10|, but |10 - 0| = 10 > 1 * |0|: the rule is not symmetric, as in PyTorch.
        assertTrue(Tensor.vector(0f).allClose(Tensor.vector(10f), 1.0, 0.0));
        assertFalse(Tensor.vector(10f).allClose(Tensor.vector(0f), 1.0, 0.0));
    }

    @Test
    void allCloseNeverCallsNanClose() {
        assertFalse(Tensor.vector(Float.NaN).allClose(Tensor.vector(Float.NaN), 1.0, 1.0));
        assertFalse(Tensor.vector(1f).allClose(Tensor.vector(Float.NaN), 1.0, 1.0));
    }

    @Test
    void allCloseCallsEqualInfinitiesCloseAndAnythingElseNot() {
        assertTrue(Tensor.vector(Float.POSITIVE_INFINITY).allClose(Tensor.vector(Float.POSITIVE_INFINITY), 0, 0));
        assertFalse(Tensor.vector(Float.NEGATIVE_INFINITY).allClose(Tensor.vector(Float.POSITIVE_INFINITY), 1, 1));
        // |1 - inf| = inf is not finite, so not close even though atol + rtol * inf = inf (PyTorch's isclose rule)
        assertFalse(Tensor.vector(1f).allClose(Tensor.vector(Float.POSITIVE_INFINITY), 1, 1));
    }

    @Test
    void allCloseOfEmptyTensorsIsTrue() {
        assertTrue(Tensor.zeros(0, 2).allClose(Tensor.zeros(0, 2)));
    }

    @Test
    void allCloseDefaultsAreTightAroundOne() {
        // PyTorch defaults rtol = 1e-5, atol = 1e-8: 1 + 2^-20 (~9.5e-7 away) is close, 1.001 is not.
        assertTrue(Tensor.vector(1f + 0x1p-20f).allClose(Tensor.vector(1f)));
        assertFalse(Tensor.vector(1.001f).allClose(Tensor.vector(1f)));
    }

    @Test
    void allCloseRejectsDifferentShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).allClose(Tensor.zeros(3, 2)));
        assertThat(e.getMessage(), allOf(containsString("allClose"), containsString("[2, 3]"), containsString("[3, 2]")));
    }

    @Test
    void allCloseRejectsNegativeTolerances() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2).allClose(Tensor.zeros(2), -1, 0));
        assertThat(e.getMessage(), allOf(containsString("rtol"), containsString("-1.0")));
    }

    @Test
    void maxAbsDiffIsTheLargestElementDifference() {
        assertEquals(2.5, Tensor.vector(1, 5, -1).maxAbsDiff(Tensor.vector(1.5f, 2.5f, 1)));
    }

    @Test
    void maxAbsDiffIsZeroForEqualInfinitiesAndNanForNan() {
        assertEquals(0.0, Tensor.vector(Float.POSITIVE_INFINITY).maxAbsDiff(Tensor.vector(Float.POSITIVE_INFINITY)));
        assertTrue(Double.isNaN(Tensor.vector(1, Float.NaN).maxAbsDiff(Tensor.vector(1, 2))));
    }
}
