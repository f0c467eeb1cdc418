package nnlab.tensor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Shape queries, element access, copies, equality and printing. */
class TensorAccessTest {

    @Test
    void shapeIsACopy() {
        Tensor t = Tensor.zeros(2, 3);
        t.shape()[0] = 99;
        assertArrayEquals(new int[] {2, 3}, t.shape());
    }

    @Test
    void dimAcceptsNegativeIndicesLikePyTorch() {
        Tensor t = Tensor.zeros(2, 3, 4);
        assertEquals(3, t.ndim());
        assertEquals(24, t.numel());
        assertEquals(4, t.dim(-1));
        assertEquals(2, t.dim(-3));
        assertEquals(3, t.dim(1));
    }

    @Test
    void dimOutOfRangeNamesTheValidRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).dim(2));
        assertThat(e.getMessage(), allOf(containsString("axis 2"), containsString("[2, 3]"), containsString("[-2, 1]")));
    }

    @Test
    void setThenGetRoundTripsAtTheRowMajorPosition() {
        Tensor t = Tensor.zeros(2, 3, 4);
        t.set(7f, 1, 2, 3);
        assertEquals(7f, t.get(1, 2, 3));
        assertEquals(7f, t.data()[(1 * 3 + 2) * 4 + 3]);
    }

    @Test
    void getOutOfBoundsNamesTheIndexAndTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).get(1, 3));
        assertThat(e.getMessage(), allOf(containsString("index 3"), containsString("dimension 1"),
                containsString("[2, 3]"), containsString("0..2")));
    }

    @Test
    void getRejectsNegativeIndices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).get(-1, 0));
        assertThat(e.getMessage(), allOf(containsString("index -1"), containsString("dimension 0")));
    }

    @Test
    void setWithTheWrongNumberOfIndicesSaysHowManyAreNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).set(1f, 4));
        assertThat(e.getMessage(), allOf(containsString("set"), containsString("[2, 3]"), containsString("needs 2 indices, got 1")));
    }

    @Test
    void itemOfAOneElementTensorOfAnyShapeIsItsValue() {
        assertEquals(5f, Tensor.full(5f, 1, 1).item());
    }

    @Test
    void itemOfALargerTensorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).item());
        assertThat(e.getMessage(), allOf(containsString("item"), containsString("[2, 3]"), containsString("6 elements")));
    }

    @Test
    void itemOfAnEmptyTensorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0).item());
        assertThat(e.getMessage(), containsString("0 elements"));
    }

    @Test
    void dataIsTheBackingArrayAndToArrayIsACopy() {
        Tensor t = Tensor.zeros(3);
        t.data()[0] = 1f;
        assertEquals(1f, t.get(0));
        t.toArray()[1] = 1f;
        assertEquals(0f, t.get(1));
        assertSame(t.data(), t.data());
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        Tensor t = Tensor.arange(3);
        Tensor c = t.copy();
        c.set(9f, 0);
        assertEquals(0f, t.get(0));
        assertEquals(Tensor.arange(3), t);
    }

    @Test
    void equalsComparesShapeAndValues() {
        Tensor a = Tensor.arange(6).reshape(2, 3);
        assertEquals(a, Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3));
        assertEquals(a.hashCode(), Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3).hashCode());
        assertNotEquals(a, Tensor.arange(6).reshape(3, 2)); // same values, different shape
        assertNotEquals(a, Tensor.arange(6).reshape(2, 3).add(1f));
    }

    @Test
    void equalsTreatsNanAsEqualAndSignedZerosAsDifferent() {
        // Arrays.equals(float[], float[]) semantics, documented on Tensor.equals.
        assertEquals(Tensor.vector(Float.NaN), Tensor.vector(Float.NaN));
        assertNotEquals(Tensor.vector(0f), Tensor.vector(-0f));
    }

    @Test
    void toStringIsOneLinePyTorchStyleWithTheShape() {
        Tensor t = Tensor.of(new float[] {1, 2, 0.5f, Float.NaN}, 2, 2);
        assertEquals("tensor([[1., 2.], [0.5000, nan]], shape=[2, 2])", t.toString());
        assertEquals("tensor(3., shape=[])", Tensor.scalar(3f).toString());
        assertEquals("tensor([], shape=[0])", Tensor.zeros(0).toString());
    }

    @Test
    void toStringSummarisesLargeTensors() {
        String s = Tensor.arange(2000).toString();
        assertEquals("tensor([0., 1., 2., ..., 1997., 1998., 1999.], shape=[2000])", s);
        assertThat(Tensor.zeros(40, 40).toString(), not(containsString("0., 0., 0., 0.")));
    }
}
