package lab00;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Public tests of {@link VectorOps}: run them with {@code mvn test}, or one task with {@code mvn test -Dgroups=lab00.1}. */
class VectorOpsTest {

    @Test
    void sumAddsEveryEntry() {
        assertEquals(6f, VectorOps.sum(new float[] {1, 2, 3}));
        assertEquals(0f, VectorOps.sum(new float[0]));
    }

    @Test
    @Tag("lab00.1")
    void dotMultipliesEntryByEntryAndAdds() {
        // 1*4 + 2*(-5) + 3*6 = 12
        assertEquals(12f, VectorOps.dot(new float[] {1, 2, 3}, new float[] {4, -5, 6}),
                "dot([1, 2, 3], [4, -5, 6]) = 1*4 + 2*(-5) + 3*6");
    }

    @Test
    @Tag("lab00.1")
    void dotOfEmptyVectorsIsZero() {
        assertEquals(0f, VectorOps.dot(new float[0], new float[0]), "an empty sum is 0");
    }

    @Test
    @Tag("lab00.1")
    void dotRefusesVectorsOfDifferentLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VectorOps.dot(new float[] {1, 2}, new float[] {1, 2, 3}),
                "dot must throw IllegalArgumentException when the lengths differ");
        assertThat("the message should name both lengths", e.getMessage(), containsString("3"));
    }

    @Test
    @Tag("lab00.1")
    void dotAccumulatesInDouble() {
        // 10^8 + 1 + 1 + ... : a float accumulator drops every 1 (float has 24 bits of mantissa).
        float[] a = new float[1001];
        float[] ones = new float[1001];
        a[0] = 1e8f;
        java.util.Arrays.fill(ones, 1f);
        for (int i = 1; i < a.length; i++) {
            a[i] = 1f;
        }
        assertThat("accumulate a[i] * b[i] in a double, then round once", (double) VectorOps.dot(a, ones),
                closeTo(1e8 + 1000, 8));
    }

    @Test
    @Tag("lab00.2")
    void matVecMultipliesEachRow() {
        float[][] w = {{1, 0, 2}, {0, -1, 1}};
        assertArrayEquals(new float[] {7, 1}, VectorOps.matVec(w, new float[] {1, 2, 3}),
                "y[i] = dot(w[i], x): [1*1 + 0*2 + 2*3, 0*1 - 1*2 + 1*3]");
    }

    @Test
    @Tag("lab00.2")
    void matVecRefusesRowsOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> VectorOps.matVec(new float[][] {{1, 2}}, new float[] {1}),
                "a row of length 2 against x of length 1 must throw IllegalArgumentException");
    }
}
