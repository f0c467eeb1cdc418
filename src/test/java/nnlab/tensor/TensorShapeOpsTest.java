package nnlab.tensor;

import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** reshape, flatten, transpose, slice and indexSelect. */
class TensorShapeOpsTest {

    @Test
    void reshapeKeepsRowMajorOrder() {
        Tensor t = Tensor.arange(6).reshape(3, 2);
        assertThat(t, hasShape(3, 2));
        assertEquals(3f, t.get(1, 1)); // row 1 of [3, 2] is elements 2 and 3
    }

    @Test
    void reshapeInfersOneMinusOne() {
        assertThat(Tensor.zeros(128, 28, 28).reshape(-1, 784), hasShape(128, 784));
        assertThat(Tensor.zeros(128, 28, 28).reshape(128, -1), hasShape(128, 784));
    }

    @Test
    void reshapeSharesDataWithTheOriginal() {
        Tensor t = Tensor.zeros(2, 3);
        Tensor r = t.reshape(6);
        r.set(5f, 4);
        assertEquals(5f, t.get(1, 1));
        assertSame(t.data(), r.data());
    }

    @Test
    void reshapeToTheWrongElementCountNamesBothCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(4, 2));
        assertThat(e.getMessage(), allOf(containsString("[2, 3] (6 elements)"), containsString("[4, 2] (8 elements)")));
    }

    @Test
    void reshapeWithAMinusOneThatDoesNotDivideIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(-1, 4));
        assertThat(e.getMessage(), allOf(containsString("[-1, 4]"), containsString("6 is not a multiple of 4")));
    }

    @Test
    void reshapeWithTwoMinusOnesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(6).reshape(-1, -1));
        assertThat(e.getMessage(), containsString("more than one -1"));
    }

    @Test
    void reshapeOfAnEmptyTensorWithMinusOneIsAmbiguous() {
        // PyTorch: "cannot reshape tensor of 0 elements into shape [-1, 0] because the unspecified dimension size -1 can be any value"
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0, 3).reshape(-1, 0));
        assertThat(e.getMessage(), containsString("ambiguous"));
    }

    @Test
    void reshapeRejectsOtherNegativeSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(6).reshape(-2, -3));
        assertThat(e.getMessage(), containsString("negative size -2"));
    }

    @Test
    void flattenFromDimOneKeepsTheBatchDimension() {
        assertThat(Tensor.zeros(8, 3, 4, 5).flatten(1), hasShape(8, 60));
        assertThat(Tensor.zeros(8, 3, 4, 5).flatten(2), hasShape(8, 3, 20));
    }

    @Test
    void flattenFromDimZeroGivesOneDimension() {
        Tensor t = Tensor.arange(24).reshape(2, 3, 4);
        assertEquals(Tensor.arange(24), t.flatten(0));
        assertThat(Tensor.scalar(1f).flatten(0), hasShape(1)); // as torch.flatten of a 0-d tensor
    }

    @Test
    void transposeSwapsRowsAndColumnsIntoANewTensor() {
        Tensor t = Tensor.arange(6).reshape(2, 3); // [[0, 1, 2], [3, 4, 5]]
        Tensor tt = t.transpose();
        assertEquals(Tensor.of(new float[] {0, 3, 1, 4, 2, 5}, 3, 2), tt);
        tt.set(9f, 0, 0);
        assertEquals(0f, t.get(0, 0));
    }

    @Test
    void transposeOfANon2dTensorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).transpose());
        assertThat(e.getMessage(), allOf(containsString("2-D"), containsString("[3]"), containsString("reshape(1, D)")));
    }

    @Test
    void sliceTakesRowsStartToEndAsACopy() {
        Tensor t = Tensor.arange(12).reshape(4, 3);
        Tensor s = t.slice(1, 3);
        assertEquals(Tensor.of(new float[] {3, 4, 5, 6, 7, 8}, 2, 3), s);
        s.set(-1f, 0, 0);
        assertEquals(3f, t.get(1, 0));
    }

    @Test
    void sliceOfAnEmptyRangeIsAnEmptyTensor() {
        assertThat(Tensor.zeros(4, 3).slice(2, 2), hasShape(0, 3));
    }

    @Test
    void sliceOutOfBoundsNamesTheRangeAndTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(4, 3).slice(3, 5));
        assertThat(e.getMessage(), allOf(containsString("[3, 5)"), containsString("[4, 3]"), containsString("end <= 4")));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(4, 3).slice(2, 1));
    }

    @Test
    void indexSelectGathersRowsInTheGivenOrder() {
        Tensor t = Tensor.arange(6).reshape(3, 2);
        Tensor g = t.indexSelect(2, 0, 2);
        assertArrayEquals(new float[] {4, 5, 0, 1, 4, 5}, g.toArray());
        assertThat(g, hasShape(3, 2));
    }

    @Test
    void indexSelectOutOfBoundsNamesTheIndexAndItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(5, 3).indexSelect(0, 1, 7));
        assertThat(e.getMessage(), allOf(containsString("row index 7"), containsString("position 2"),
                containsString("[5, 3]"), containsString("0..4")));
    }
}
