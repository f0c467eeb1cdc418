package nnlab.tensor;

import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.testing.Tolerances;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** Creating tensors: constant, from data, seeded random; and every rejected creation argument. */
class TensorCreationTest {

    @Test
    void zerosOnesAndFullHaveTheRequestedShapeAndValue() {
        assertArrayEquals(new float[6], Tensor.zeros(2, 3).toArray());
        assertArrayEquals(new float[] {1, 1, 1}, Tensor.ones(3).toArray());
        assertArrayEquals(new float[] {2.5f, 2.5f}, Tensor.full(2.5f, 1, 2).toArray());
        assertThat(Tensor.full(2.5f, 1, 2), hasShape(1, 2));
    }

    @Test
    void ofCopiesTheDataRowMajor() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.of(data, 2, 3);
        data[0] = 99; // must not reach the tensor
        assertEquals(1f, t.get(0, 0));
        assertEquals(4f, t.get(1, 0)); // row-major: row 1 starts at data[3]
        assertEquals(6f, t.get(1, 2));
    }

    @Test
    void ofAcceptsNanAndInfinityInData() {
        Tensor t = Tensor.of(new float[] {Float.NaN, Float.POSITIVE_INFINITY}, 2);
        assertTrue(Float.isNaN(t.get(0)));
        assertEquals(Float.POSITIVE_INFINITY, t.get(1));
    }

    @Test
    void fromArrayBuildsARowPerInnerArray() {
        Tensor t = Tensor.fromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(t, hasShape(2, 3));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.toArray());
    }

    @Test
    void scalarIsZeroDimensionalWithOneElement() {
        Tensor s = Tensor.scalar(3f);
        assertEquals(0, s.ndim());
        assertEquals(1, s.numel());
        assertEquals(3f, s.item());
        assertEquals(3f, s.get());
    }

    @Test
    void vectorAndArangeAreOneDimensional() {
        assertEquals(Tensor.of(new float[] {0, 1, 2, 3}, 4), Tensor.arange(4));
        assertEquals(Tensor.of(new float[] {7, 8}, 2), Tensor.vector(7, 8));
    }

    @Test
    void zeroSizedDimensionsMakeAnEmptyTensor() {
        Tensor t = Tensor.zeros(0, 3);
        assertThat(t, hasShape(0, 3));
        assertEquals(0, t.numel());
    }

    // ---------------------------------------------------------------- seeded random

    @Test
    void sameSeedGivesTheSameTensor() {
        assertEquals(Tensor.rand(Tensor.rng(42), 3, 4), Tensor.rand(Tensor.rng(42), 3, 4));
        // Tensor.rng(42) is new Well19937c(42L): the int constructor would seed differently.
        assertEquals(Tensor.uniform(Tensor.rng(42), -1f, 1f, 5), Tensor.uniform(new Well19937c(42L), -1f, 1f, 5));
        assertEquals(Tensor.randn(Tensor.rng(42), 0f, 1f, 2, 2), Tensor.randn(new Well19937c(42L), 0f, 1f, 2, 2));
    }

    @Test
    void differentSeedsGiveDifferentTensors() {
        assertThat(Tensor.rand(Tensor.rng(1), 100), not(equalTo(Tensor.rand(Tensor.rng(2), 100))));
        assertThat(Tensor.randn(Tensor.rng(1), 0f, 1f, 100), not(equalTo(Tensor.randn(Tensor.rng(2), 0f, 1f, 100))));
    }

    @Test
    void randStaysInTheHalfOpenUnitInterval() {
        for (float v : Tensor.rand(Tensor.rng(7), 10_000).toArray()) {
            assertThat(0f, lessThanOrEqualTo(v));
            assertThat(v, lessThan(1f));
        }
    }

    @Test
    void uniformStaysInItsHalfOpenRange() {
        for (float v : Tensor.uniform(Tensor.rng(7), -0.5f, 0.25f, 10_000).toArray()) {
            assertThat(-0.5f, lessThanOrEqualTo(v));
            assertThat(v, lessThan(0.25f));
        }
    }

    @Test
    void uniformNeverReturnsHighEvenWhenRoundingWouldReachIt() {
        // [1, nextUp(1)) holds exactly one float, 1; low + width * u rounds to high for about half of the u's.
        float high = Math.nextUp(1f);
        assertEquals(Tensor.ones(1000), Tensor.uniform(Tensor.rng(3), 1f, high, 1000));
    }

    @Test
    void randnSampleMeanAndStdMatchTheParametersWithinSixStandardErrors() {
        // For n iid N(mu, sigma^2) draws the sample mean has standard error sigma / sqrt(n), and the sample
        // standard deviation has standard error about sigma / sqrt(2 (n - 1)). With n = 100000, sigma = 3 these
        // are 0.0095 and 0.0067. Seed 12345 gives z = -0.43 (mean) and -1.07 (std); checked once by hand for
        // seeds 1..20, every |z| < 2, so the 6-standard-error bound has a wide margin.
        int n = 100_000;
        float mu = 2f;
        float sigma = 3f;
        float[] x = Tensor.randn(Tensor.rng(12345), mu, sigma, n).toArray();
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (float v : x) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / (n - 1));
        double k = Tolerances.SAMPLE_STANDARD_ERRORS;
        assertEquals(mu, mean, k * sigma / Math.sqrt(n));
        assertEquals(sigma, std, k * sigma / Math.sqrt(2.0 * (n - 1)));
    }

    @Test
    void randnWithZeroStdIsConstant() {
        assertEquals(Tensor.full(1.5f, 4), Tensor.randn(Tensor.rng(9), 1.5f, 0f, 4));
    }

    // ---------------------------------------------------------------- rejected arguments

    @Test
    void fullRejectsNanAndInfinityNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.full(Float.NaN, 2));
        assertThat(e.getMessage(), allOf(containsString("full"), containsString("value"), containsString("NaN")));
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.full(Float.NEGATIVE_INFINITY, 2));
        assertThat(e.getMessage(), allOf(containsString("value"), containsString("finite")));
    }

    @Test
    void uniformRejectsNanBoundsNamingTheBound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.uniform(Tensor.rng(1), Float.NaN, 1f, 3));
        assertThat(e.getMessage(), allOf(containsString("uniform"), containsString("low"), containsString("NaN")));
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.uniform(Tensor.rng(1), 0f, Float.POSITIVE_INFINITY, 3));
        assertThat(e.getMessage(), allOf(containsString("high"), containsString("finite")));
    }

    @Test
    void uniformRejectsLowNotBelowHigh() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.uniform(Tensor.rng(1), 1f, 1f, 3));
        assertThat(e.getMessage(), allOf(containsString("low must be < high"), containsString("low=1.0"),
                containsString("high=1.0")));
        assertThrows(IllegalArgumentException.class, () -> Tensor.uniform(Tensor.rng(1), 2f, -2f, 3));
    }

    @Test
    void randnRejectsNegativeOrNanStd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.randn(Tensor.rng(1), 0f, -1f, 3));
        assertThat(e.getMessage(), allOf(containsString("randn"), containsString("std must be >= 0"), containsString("-1.0")));
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.randn(Tensor.rng(1), 0f, Float.NaN, 3));
        assertThat(e.getMessage(), allOf(containsString("std"), containsString("NaN")));
    }

    @Test
    void randnRejectsNanMean() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.randn(Tensor.rng(1), Float.NaN, 1f, 3));
        assertThat(e.getMessage(), allOf(containsString("mean"), containsString("NaN")));
    }

    @Test
    void randomCreationRejectsANullGenerator() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.rand(null, 3));
        assertThat(e.getMessage(), allOf(containsString("rand"), containsString("null"), containsString("seed")));
    }

    @Test
    void negativeDimensionIsRejectedNamingItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -3));
        assertThat(e.getMessage(), allOf(containsString("zeros"), containsString("[2, -3]"),
                containsString("negative size -3 at dimension 1")));
    }

    @Test
    void tooManyDimensionsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(1, 1, 1, 1, 1, 1, 1, 1, 1));
        assertThat(e.getMessage(), allOf(containsString("9 dimensions"), containsString("at most 8")));
    }

    @Test
    void elementCountOverflowIsCaughtBeforeAllocating() {
        // 65536 * 65536 = 2^32 overflows an int (to 0!); the check multiplies in long.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(65536, 65536));
        assertThat(e.getMessage(), allOf(containsString("[65536, 65536]"), containsString("4294967296 elements"),
                containsString("more than a Java array can hold")));
    }

    @Test
    void elementCountBeyondLongIsReportedExactly() {
        int big = Integer.MAX_VALUE;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(big, big, big));
        // (2^31 - 1)^3, computed exactly (BigInteger); a long would have overflowed.
        assertThat(e.getMessage(), containsString("9903520300447984150353281023 elements"));
    }

    @Test
    void hugeSizesWithAZeroSizeAreAnEmptyTensor() {
        // PyTorch allows torch.zeros(65536, 65536, 0): the element count is 0, whatever the other sizes.
        assertEquals(0, Tensor.zeros(65536, 65536, 0).numel());
    }

    @Test
    void ofRejectsDataOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new float[5], 2, 3));
        assertThat(e.getMessage(), allOf(containsString("5 elements"), containsString("[2, 3]"), containsString("needs 6")));
    }

    @Test
    void ofWithoutAShapeMeansAScalarAndSaysSo() {
        assertEquals(Tensor.scalar(5f), Tensor.of(new float[] {5}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[] {1, 2}));
        assertThat(e.getMessage(), allOf(containsString("shape []"), containsString("vector(data)")));
    }

    @Test
    void fromArrayRejectsRaggedRowsNamingTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.fromArray(new float[][] {{1, 2}, {3, 4}, {5}}));
        assertThat(e.getMessage(), allOf(containsString("row 2 has 1 elements"), containsString("row 0 has 2")));
    }
}
