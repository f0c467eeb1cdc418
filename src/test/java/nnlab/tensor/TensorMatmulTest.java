package nnlab.tensor;

import static nnlab.tensor.TensorMatchers.closeTo;
import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.backend.ReferenceGemm;
import org.junit.jupiter.api.Test;

/** matmul and matmulInto: values against a hand product and ReferenceGemm, every transpose flag, every shape error. */
class TensorMatmulTest {

    @Test
    void matmulOfTwoMatricesMatchesTheHandProduct() {
        // [[1, 2], [3, 4]] x [[5, 6], [7, 8]] = [[1*5 + 2*7, 1*6 + 2*8], [3*5 + 4*7, 3*6 + 4*8]]
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.of(new float[] {5, 6, 7, 8}, 2, 2);
        assertEquals(Tensor.of(new float[] {19, 22, 43, 50}, 2, 2), a.matmul(b));
    }

    @Test
    void matmulOfNonSquareMatricesHasShapeMByN() {
        assertThat(Tensor.ones(4, 3).matmul(Tensor.ones(3, 5)), hasShape(4, 5));
        assertEquals(Tensor.full(3f, 4, 5), Tensor.ones(4, 3).matmul(Tensor.ones(3, 5)));
    }

    @Test
    void everyTransposeFlagCombinationMatchesReferenceGemm() {
        // Entries are small integers, so every partial sum is an exactly representable float and any summation
        // order (EJML's, the reference's double loop) gives the exact product: the tolerance is zero.
        int m = 5;
        int n = 4;
        int k = 7;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = smallInts(11, ta ? new int[] {k, m} : new int[] {m, k});
                Tensor b = smallInts(12, tb ? new int[] {n, k} : new int[] {k, n});
                Tensor expected = Tensor.zeros(m, n);
                ReferenceGemm.gemm(ta, tb, m, n, k, 1f, a.data(), 0, a.dim(1), b.data(), 0, b.dim(1), 0f, expected.data(), 0, n);
                assertThat("transposeThis=" + ta + ", transposeOther=" + tb, a.matmul(b, ta, tb), closeTo(expected, 0, 0));
            }
        }
    }

    @Test
    void transposeFlagsEqualExplicitTransposes() {
        Tensor x = smallInts(1, 6, 3);
        Tensor w = smallInts(2, 4, 3);
        assertEquals(x.matmul(w.transpose()), x.matmul(w, false, true)); // Linear forward: x w^T
        assertEquals(x.transpose().matmul(x), x.matmul(x, true, false));
    }

    @Test
    void zeroInnerDimensionGivesZerosLikePyTorch() {
        assertEquals(Tensor.zeros(3, 2), Tensor.zeros(3, 0).matmul(Tensor.zeros(0, 2)));
    }

    @Test
    void zeroOuterDimensionGivesAnEmptyResult() {
        assertThat(Tensor.zeros(0, 4).matmul(Tensor.ones(4, 2)), hasShape(0, 2));
    }

    @Test
    void mismatchedInnerDimensionsNameBothShapesAndSuggestTheFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(128, 784).matmul(Tensor.zeros(10, 784)));
        assertEquals("matmul: [128, 784] x [10, 784]: inner dimensions 784 and 10 differ; did you mean transposeOther=true?",
                e.getMessage());
    }

    @Test
    void mismatchedInnerDimensionsWithNoFixingFlagSayWhatMustAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
        assertThat(e.getMessage(), allOf(containsString("[2, 3] x [4, 5]"), containsString("3 and 4"),
                containsString("column count of the left operand")));
    }

    @Test
    void matmulOfANon2dTensorSuggestsFlatten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(128, 28, 28).matmul(Tensor.zeros(784, 10)));
        assertThat(e.getMessage(), allOf(containsString("2-D"), containsString("[128, 28, 28]"), containsString("flatten(1)")));
    }

    @Test
    void matmulIntoAccumulatesWithAlphaAndBeta() {
        // out = 2 * [[19, 22], [43, 50]] + 1 * [[1, 1], [1, 1]]
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.of(new float[] {5, 6, 7, 8}, 2, 2);
        Tensor out = Tensor.ones(2, 2);
        Tensor.matmulInto(out, a, b, false, false, 2f, 1f);
        assertEquals(Tensor.of(new float[] {39, 45, 87, 101}, 2, 2), out);
    }

    @Test
    void matmulIntoWithBetaZeroIgnoresNanInOut() {
        Tensor out = Tensor.of(new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN}, 2, 2);
        Tensor.matmulInto(out, Tensor.ones(2, 3), Tensor.ones(3, 2), false, false, 1f, 0f);
        assertEquals(Tensor.full(3f, 2, 2), out);
    }

    @Test
    void matmulIntoRejectsAnOutOfTheWrongShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.matmulInto(Tensor.zeros(3, 3), Tensor.zeros(2, 4), Tensor.zeros(4, 3), false, false, 1f, 0f));
        assertThat(e.getMessage(), allOf(containsString("matmulInto"), containsString("gives [2, 3]"), containsString("[3, 3]")));
    }

    @Test
    void matmulIntoRejectsAnOutThatAliasesAnOperand() {
        Tensor a = Tensor.ones(2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.matmulInto(a, a, Tensor.ones(2, 2), false, false, 1f, 0f));
        assertThat(e.getMessage(), containsString("shares its data"));
    }

    /** A tensor of integers in [-4, 4], from a fixed seed. */
    private static Tensor smallInts(long seed, int... shape) {
        return Tensor.uniform(Tensor.rng(seed), -4f, 5f, shape).map(v -> (float) Math.floor(v));
    }
}
