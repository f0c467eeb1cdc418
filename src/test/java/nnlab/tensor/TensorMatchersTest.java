package nnlab.tensor;

import static nnlab.tensor.TensorMatchers.closeTo;
import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The test matchers themselves: they must fail when they should, and say why. */
class TensorMatchersTest {

    @Test
    void closeToReportsTheFirstDifferingElementWithItsIndex() {
        Tensor expected = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor actual = Tensor.of(new float[] {1, 2, 3.5f, 4}, 2, 2);
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(actual, closeTo(expected, 0, 0.1)));
        assertThat(e.getMessage(), allOf(containsString("1 of 4 elements differ"), containsString("index [1, 0]"),
                containsString("3.5 vs expected 3.0"), containsString("max |diff| 0.5")));
    }

    @Test
    void closeToReportsAShapeMismatch() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertThat(Tensor.zeros(3, 2), closeTo(Tensor.zeros(2, 3), 0, 0)));
        assertThat(e.getMessage(), allOf(containsString("shape [2, 3]"), containsString("had shape [3, 2]")));
    }

    @Test
    void hasShapeReportsTheActualShape() {
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(Tensor.zeros(4), hasShape(2, 2)));
        assertThat(e.getMessage(), allOf(containsString("shape [2, 2]"), containsString("had shape [4]")));
    }
}
