package nnlab.tensor;

import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reductions over the whole tensor and along each axis. Most use {@code x = arange(24).reshape(2, 3, 4)},
 * {@code x[i][j][k] = 12 i + 4 j + k}; expected values are hand-computed from that formula.
 */
class TensorReductionTest {

    private static Tensor x() {
        return Tensor.arange(24).reshape(2, 3, 4);
    }

    @Test
    void wholeTensorReductionsMatchHandComputedValues() {
        assertEquals(276f, x().sum()); // 0 + 1 + ... + 23 = 23 * 24 / 2
        assertEquals(11.5f, x().mean());
        assertEquals(23f, x().max());
        assertEquals(0f, x().min());
        assertEquals(23, x().argmax());
    }

    @Test
    void sumOverAxisZeroOf3dMatchesHandComputedValues() {
        // out[j][k] = x[0][j][k] + x[1][j][k] = 2 (4 j + k) + 12
        Tensor s = x().sum(0);
        assertThat(s, hasShape(3, 4));
        assertEquals(Tensor.of(new float[] {12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34}, 3, 4), s);
    }

    @Test
    void sumOverAxisOneOf3dMatchesHandComputedValues() {
        // out[i][k] = sum_j (12 i + 4 j + k) = 36 i + 12 + 3 k
        assertEquals(Tensor.of(new float[] {12, 15, 18, 21, 48, 51, 54, 57}, 2, 4), x().sum(1));
    }

    @Test
    void sumOverAxisTwoOf3dMatchesHandComputedValues() {
        // out[i][j] = sum_k (12 i + 4 j + k) = 48 i + 16 j + 6; axis -1 is the same axis
        Tensor expected = Tensor.of(new float[] {6, 22, 38, 54, 70, 86}, 2, 3);
        assertEquals(expected, x().sum(2));
        assertEquals(expected, x().sum(-1));
    }

    @Test
    void meanOverEachAxisOf3dIsTheSumDividedByTheAxisSize() {
        assertEquals(x().sum(0).div(2f), x().mean(0));
        assertEquals(x().sum(1).div(3f), x().mean(1));
        assertEquals(x().sum(2).div(4f), x().mean(2));
    }

    @Test
    void maxOverEachAxisOf3dMatchesHandComputedValues() {
        // The largest index along the axis wins, because x grows along every axis.
        assertEquals(Tensor.arange(12).add(12f).reshape(3, 4), x().max(0));
        assertEquals(Tensor.of(new float[] {8, 9, 10, 11, 20, 21, 22, 23}, 2, 4), x().max(1));
        assertEquals(Tensor.of(new float[] {3, 7, 11, 15, 19, 23}, 2, 3), x().max(2));
    }

    @Test
    void minOverAxisOneOf3dMatchesHandComputedValues() {
        assertEquals(Tensor.of(new float[] {0, 1, 2, 3, 12, 13, 14, 15}, 2, 4), x().min(1));
    }

    @Test
    void argmaxOverEachAxisOf3dIsTheLastIndex() {
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, x().argmax(0));
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2}, x().argmax(1));
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3}, x().argmax(2));
    }

    @Test
    void argmaxOfLogitsGivesThePredictedClassPerRow() {
        Tensor logits = Tensor.of(new float[] {0.1f, 2f, -1f, 5f, 0f, 4f}, 2, 3);
        assertArrayEquals(new int[] {1, 0}, logits.argmax(1));
    }

    @Test
    void argmaxTiesGoToTheFirstIndexLikePyTorch() {
        Tensor t = Tensor.of(new float[] {1, 3, 3, 2, 2, 2}, 2, 3);
        assertArrayEquals(new int[] {1, 0}, t.argmax(1));
        assertEquals(1, t.argmax());
    }

    @Test
    void maxAndArgmaxPropagateNanLikePyTorch() {
        Tensor t = Tensor.vector(1, Float.NaN, 5, Float.NaN);
        assertTrue(Float.isNaN(t.max()));
        assertTrue(Float.isNaN(t.min()));
        assertEquals(1, t.argmax()); // the first NaN
    }

    @Test
    void sumOverAxisZeroOfAMatrixIsTheBiasGradient() {
        // column sums of [[1, 2, 3], [4, 5, 6]], via Backend.sumRows
        Tensor m = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(Tensor.vector(5, 7, 9), m.sum(0));
        assertEquals(Tensor.vector(6, 15), m.sum(1));
    }

    @Test
    void reducingA1dTensorAlongItsAxisGivesA0dTensor() {
        Tensor s = Tensor.vector(1, 2, 3).sum(0);
        assertThat(s, hasShape());
        assertEquals(6f, s.item());
    }

    @Test
    void axisOutOfRangeNamesTheValidRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x().sum(3));
        assertThat(e.getMessage(), allOf(containsString("sum"), containsString("axis 3"), containsString("[2, 3, 4]"),
                containsString("[-3, 2]")));
    }

    // ---------------------------------------------------------------- empty tensors (PyTorch semantics)

    @Test
    void sumOfAnEmptyTensorIsZeroAndMeanIsNan() {
        assertEquals(0f, Tensor.zeros(0, 3).sum());
        assertTrue(Float.isNaN(Tensor.zeros(0, 3).mean()));
    }

    @Test
    void sumOverAnEmptyAxisIsZeroAndMeanIsNan() {
        // torch.zeros(0, 3).sum(0) == [0, 0, 0]; .mean(0) == [nan, nan, nan]
        assertEquals(Tensor.zeros(3), Tensor.zeros(0, 3).sum(0));
        assertEquals(Tensor.zeros(3), Tensor.zeros(3, 0).sum(1));
        for (float v : Tensor.zeros(0, 3).mean(0).toArray()) {
            assertTrue(Float.isNaN(v));
        }
    }

    @Test
    void maxOfAnEmptyTensorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0, 3).max());
        assertThat(e.getMessage(), allOf(containsString("max"), containsString("[0, 3]"), containsString("empty")));
    }

    @Test
    void argmaxOfAnEmptyRowIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(4, 0).argmax(1));
        assertThat(e.getMessage(), allOf(containsString("argmax"), containsString("axis 1"), containsString("[4, 0]"),
                containsString("size 0")));
    }

    @Test
    void maxAlongANonEmptyAxisOfAnEmptyTensorIsEmpty() {
        // torch.zeros(0, 3).max(dim=1) is allowed and returns an empty tensor of shape [0]
        assertThat(Tensor.zeros(0, 3).max(1), hasShape(0));
    }
}
