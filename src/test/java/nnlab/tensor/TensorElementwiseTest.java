package nnlab.tensor;

import static nnlab.tensor.TensorMatchers.closeTo;
import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.testing.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * Element-wise arithmetic: each broadcast case, each rejected broadcast, scalar and unary ops, in place vs out of place.
 * Values are small integers or simple fractions, so the expected results are exact and hand-computed.
 */
class TensorElementwiseTest {

    private static final double RTOL = Tolerances.ELEMENTWISE_RELATIVE;
    private static final double ATOL = Tolerances.ABSOLUTE_FLOOR;

    /** [[1, 2, 3], [4, 5, 6]] */
    private static Tensor matrix() {
        return Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    }

    @Test
    void addOfEqualShapesAddsElementWise() {
        assertEquals(Tensor.of(new float[] {2, 4, 6, 8, 10, 12}, 2, 3), matrix().add(matrix()));
    }

    @Test
    void subMulDivOfEqualShapesWorkElementWise() {
        Tensor b = Tensor.of(new float[] {1, 1, 2, 2, 4, 4}, 2, 3);
        assertEquals(Tensor.of(new float[] {0, 1, 1, 2, 1, 2}, 2, 3), matrix().sub(b));
        assertEquals(Tensor.of(new float[] {1, 2, 6, 8, 20, 24}, 2, 3), matrix().mul(b));
        assertEquals(Tensor.of(new float[] {1, 2, 1.5f, 2, 1.25f, 1.5f}, 2, 3), matrix().div(b));
    }

    @Test
    void addOfABiasRowBroadcastsOverEveryRow() {
        Tensor bias = Tensor.vector(10, 20, 30);
        assertEquals(Tensor.of(new float[] {11, 22, 33, 14, 25, 36}, 2, 3), matrix().add(bias));
    }

    @Test
    void aOneByDRowBroadcastsLikeADRow() {
        Tensor bias = Tensor.of(new float[] {10, 20, 30}, 1, 3);
        assertEquals(Tensor.of(new float[] {11, 22, 33, 14, 25, 36}, 2, 3), matrix().add(bias));
    }

    @Test
    void aRowOnTheLeftBroadcastsToo() {
        // PyTorch: [3] - [2, 3] -> [2, 3], row[j] - m[i][j]
        Tensor row = Tensor.vector(10, 20, 30);
        assertEquals(Tensor.of(new float[] {9, 18, 27, 6, 15, 24}, 2, 3), row.sub(matrix()));
        assertEquals(Tensor.of(new float[] {11, 22, 33, 14, 25, 36}, 2, 3), row.add(matrix()));
    }

    @Test
    void aRowBroadcastsOverTheLastDimensionOfA3dTensor() {
        Tensor x = Tensor.arange(12).reshape(2, 2, 3);
        Tensor scaled = x.mul(Tensor.vector(1, 10, 100));
        assertEquals(Tensor.of(new float[] {0, 10, 200, 3, 40, 500, 6, 70, 800, 9, 100, 1100}, 2, 2, 3), scaled);
    }

    @Test
    void subMulDivWithARowBroadcast() {
        Tensor row = Tensor.vector(1, 2, 4);
        assertEquals(Tensor.of(new float[] {0, 0, -1, 3, 3, 2}, 2, 3), matrix().sub(row));
        assertEquals(Tensor.of(new float[] {1, 4, 12, 4, 10, 24}, 2, 3), matrix().mul(row));
        assertEquals(Tensor.of(new float[] {1, 1, 0.75f, 4, 2.5f, 1.5f}, 2, 3), matrix().div(row));
    }

    @Test
    void aBiasOfTheWrongLengthIsRejectedNamingBothShapesAndTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(128, 10).add(Tensor.zeros(784)));
        assertThat(e.getMessage(), allOf(containsString("add"), containsString("[128, 10]"), containsString("[784]"),
                containsString("must be [10] or [1, 10]")));
    }

    @Test
    void aColumnVectorIsRejectedBecauseOnlyRowsBroadcast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(4, 3).mul(Tensor.zeros(4, 1)));
        assertThat(e.getMessage(), allOf(containsString("mul"), containsString("[4, 3]"), containsString("[4, 1]")));
    }

    @Test
    void twoDifferentOneDimensionalShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3).sub(Tensor.zeros(4)));
        assertThat(e.getMessage(), allOf(containsString("sub"), containsString("[3]"), containsString("[4]"),
                containsString("equal shapes")));
    }

    @Test
    void sameElementCountInADifferentShapeIsRejectedSuggestingReshape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).div(Tensor.zeros(3, 2)));
        assertThat(e.getMessage(), allOf(containsString("[2, 3]"), containsString("[3, 2]"), containsString("reshape")));
    }

    @Test
    void aOneElementTensorIsRejectedSuggestingItem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).add(Tensor.scalar(1f)));
        assertThat(e.getMessage(), allOf(containsString("[2, 3]"), containsString("[]"), containsString("add(t.item())")));
    }

    @Test
    void scalarOverloadsApplyToEveryElement() {
        assertEquals(Tensor.of(new float[] {2, 3, 4, 5, 6, 7}, 2, 3), matrix().add(1f));
        assertEquals(Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3), matrix().sub(1f));
        assertEquals(Tensor.of(new float[] {2, 4, 6, 8, 10, 12}, 2, 3), matrix().mul(2f));
        assertEquals(Tensor.of(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, 2, 3), matrix().div(2f));
    }

    @Test
    void outOfPlaceOpsLeaveTheirOperandsUntouched() {
        Tensor a = matrix();
        Tensor b = Tensor.vector(1, 1, 1);
        a.add(b);
        a.mul(a);
        a.exp();
        a.relu();
        assertEquals(matrix(), a);
        assertEquals(Tensor.vector(1, 1, 1), b);
    }

    @Test
    void unaryOpsMatchTheirFormulas() {
        Tensor x = Tensor.vector(-2, 0, 4);
        assertEquals(Tensor.vector(2, -0f, -4), x.neg());
        assertEquals(Tensor.vector(2, 0, 4), x.abs());
        assertEquals(Tensor.vector(0, 0, 4), x.relu());
        assertEquals(Tensor.vector(4, 0, 16), x.pow(2f));
        assertEquals(Tensor.vector(-1, 0, 1), x.clamp(-1f, 1f));
        assertEquals(Tensor.vector(0, 2), Tensor.vector(0, 4).sqrt());
        assertEquals(Tensor.vector(-3, 1, 9), x.map(v -> 2 * v + 1));
    }

    @Test
    void expLogSigmoidTanhMatchHandValues() {
        // e = 2.718281828..., ln 1 = 0, sigmoid(0) = 0.5, tanh(0) = 0, sigmoid(ln 3) = 3/4.
        assertThat(Tensor.vector(0, 1).exp(), closeTo(Tensor.vector(1, 2.7182817f), RTOL, ATOL));
        assertThat(Tensor.vector(1, 2.7182817f).log(), closeTo(Tensor.vector(0, 1), RTOL, 1e-7));
        assertThat(Tensor.vector(0, (float) Math.log(3)).sigmoid(), closeTo(Tensor.vector(0.5f, 0.75f), RTOL, ATOL));
        assertThat(Tensor.vector(0).tanh(), closeTo(Tensor.vector(0), RTOL, ATOL));
    }

    @Test
    void sigmoidDoesNotOverflowForLargeInputs() {
        // Naive 1 / (1 + exp(-x)) gives 1/inf = 0 correctly, but exp(x)/(1+exp(x)) would give inf/inf = NaN at x = 1000.
        assertEquals(Tensor.vector(0, 1), Tensor.vector(-1000, 1000).sigmoid());
    }

    @Test
    void clampRejectsMinAboveMax() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> matrix().clamp(2f, 1f));
        assertThat(e.getMessage(), allOf(containsString("clamp"), containsString("min=2.0"), containsString("max=1.0")));
    }

    @Test
    void elementWiseOpsOnEmptyTensorsGiveEmptyTensors() {
        assertThat(Tensor.zeros(0, 3).add(Tensor.zeros(3)), hasShape(0, 3));
        assertThat(Tensor.zeros(0, 3).exp(), hasShape(0, 3));
    }

    @Test
    void arithmeticPropagatesNanAndInfinityWithoutChecks() {
        Tensor r = Tensor.vector(1, 0).div(Tensor.vector(0, 0));
        assertEquals(Float.POSITIVE_INFINITY, r.get(0));
        assertTrue(Float.isNaN(r.get(1)));
    }

    // ---------------------------------------------------------------- in place

    @Test
    void addInPlaceChangesThisAndReturnsIt() {
        Tensor a = matrix();
        Tensor b = matrix();
        assertSame(a, a.addInPlace(b));
        assertEquals(Tensor.of(new float[] {2, 4, 6, 8, 10, 12}, 2, 3), a);
        assertEquals(matrix(), b);
    }

    @Test
    void addInPlaceBroadcastsABiasRow() {
        Tensor a = matrix().addInPlace(Tensor.vector(10, 20, 30));
        assertEquals(Tensor.of(new float[] {11, 22, 33, 14, 25, 36}, 2, 3), a);
    }

    @Test
    void subMulDivInPlaceMatchTheirOutOfPlaceForms() {
        Tensor b = Tensor.of(new float[] {1, 1, 2, 2, 4, 4}, 2, 3);
        Tensor row = Tensor.vector(1, 2, 4);
        assertEquals(matrix().sub(b), matrix().subInPlace(b));
        assertEquals(matrix().mul(b), matrix().mulInPlace(b));
        assertEquals(matrix().div(b), matrix().divInPlace(b));
        assertEquals(matrix().sub(row), matrix().subInPlace(row));
        assertEquals(matrix().mul(row), matrix().mulInPlace(row));
        assertEquals(matrix().div(row), matrix().divInPlace(row));
    }

    @Test
    void inPlaceOpThatWouldGrowThisTensorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3).addInPlace(Tensor.zeros(2, 3)));
        assertThat(e.getMessage(), allOf(containsString("addInPlace"), containsString("[2, 3]"), containsString("[3]"),
                containsString("use add(...)")));
    }

    @Test
    void scaleInPlaceMultipliesEveryElement() {
        assertEquals(Tensor.of(new float[] {-1, -2, -3, -4, -5, -6}, 2, 3), matrix().scaleInPlace(-1f));
    }

    @Test
    void addScaledInPlaceIsAxpy() {
        // w - 0.5 * g, the SGD step with lr = 0.5
        Tensor w = Tensor.vector(1, 2, 3);
        w.addScaledInPlace(-0.5f, Tensor.vector(2, 2, 4));
        assertEquals(Tensor.vector(0, 1, 1), w);
    }

    @Test
    void addScaledInPlaceRejectsDifferentShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).addScaledInPlace(1f, Tensor.zeros(3)));
        assertThat(e.getMessage(), allOf(containsString("addScaledInPlace"), containsString("[2, 3]"), containsString("[3]")));
    }

    @Test
    void fillZeroFillAndCopyFromOverwriteEveryElement() {
        Tensor t = matrix();
        assertEquals(Tensor.full(7f, 2, 3), t.fill(7f));
        assertEquals(Tensor.zeros(2, 3), t.zeroFill());
        assertEquals(matrix(), t.copyFrom(matrix()));
    }

    @Test
    void fillRejectsNan() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> matrix().fill(Float.NaN));
        assertThat(e.getMessage(), allOf(containsString("fill"), containsString("NaN")));
    }

    @Test
    void copyFromRejectsADifferentShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).copyFrom(Tensor.zeros(6)));
        assertThat(e.getMessage(), allOf(containsString("copyFrom"), containsString("[2, 3]"), containsString("[6]")));
    }

    @Test
    void inPlaceOpsWriteThroughToReshapedViews() {
        Tensor t = Tensor.zeros(2, 3);
        Tensor flat = t.reshape(6);
        t.fill(1f);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, flat.toArray());
    }
}
