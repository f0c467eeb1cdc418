package nnlab.grading;

import static nnlab.grading.TensorMatchers.allClose;
import static nnlab.grading.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hamcrest.Matcher;
import org.hamcrest.StringDescription;
import org.junit.jupiter.api.Test;

import nnlab.tensor.Tensor;

/** {@link TensorMatchers}: torch.allclose semantics, and a mismatch text that names the worst element and the cause. */
class TensorMatchersTest {

    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-8;

    /** {@code [[1, 2, 3], [4, 5, 6]]}: every heuristic below starts from it. */
    private static Tensor expected() {
        return Tensor.fromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
    }

    private static String mismatch(Matcher<Tensor> matcher, Object actual) {
        assertThat("the matcher should reject " + actual, matcher.matches(actual), is(false));
        StringDescription description = new StringDescription();
        matcher.describeMismatch(actual, description);
        return description.toString();
    }

    @Test
    void matchesWithinTheTolerancesAsTorchAllclose() {
        Tensor actual = expected().add(Tensor.fromArray(new float[][] {{0.9e-5f, 0, 0}, {0, 0, 5.5e-5f}}));

        assertThat(actual, allClose(expected(), RTOL, ATOL));
        assertThat(Tensor.vector(0, 1e-8f), allClose(Tensor.vector(0, 0), 0, 1e-8)); // atol matters near zero
        assertThat(Tensor.vector(0, 2e-8f), not(allClose(Tensor.vector(0, 0), 0.5, 1e-8)));
    }

    @Test
    void describesTheExpectedShapeAndTolerances() {
        assertThat(StringDescription.toString(allClose(expected(), RTOL, ATOL)),
                equalTo("a tensor of shape [2, 3] close to expected (rtol=1.0E-5, atol=1.0E-8)"));
        assertThat(StringDescription.toString(allClose(expected(), RTOL, ATOL, true)),
                equalTo("a tensor of shape [2, 3] close to expected (rtol=1.0E-5, atol=1.0E-8, NaN equal to NaN)"));
    }

    @Test
    void namesTheCountTheWorstIndexBothValuesAndTheErrors() {
        Tensor actual = expected().set(4.5f, 1, 0).set(2.1f, 0, 1);

        assertThat(mismatch(allClose(expected(), RTOL, ATOL), actual), equalTo("2 of 6 elements not close; worst at"
                + " [1, 0]: expected 4.0, actual 4.5 (abs error 0.5, rel error 0.125, allowed 4.001E-5)"));
    }

    @Test
    void theWorstElementIsTheOneFurthestOutsideItsTolerance() {
        // Absolute error 10 at 1000 is 1% off; absolute error 1 at 1 is 100% off and so worse for rtol.
        Tensor expected = Tensor.vector(1000, 1);
        Tensor actual = Tensor.vector(1010, 2);

        assertThat(mismatch(allClose(expected, 1e-3, 0), actual), containsString("worst at [1]: expected 1.0, actual 2.0"));
    }

    @Test
    void aDifferentShapeNamesBothShapes() {
        assertThat(mismatch(allClose(expected(), RTOL, ATOL), Tensor.vector(1, 2, 3, 4)),
                equalTo("has shape [4] but expected [2, 3] (4 vs 6 elements)"));
    }

    @Test
    void aDifferentShapeWithTheSameElementCountSuggestsAReshape() {
        Tensor actual = Tensor.vector(1, 2, 3, 4, 5, 6);

        assertThat(mismatch(allClose(expected(), RTOL, ATOL), actual), equalTo("has shape [6] but expected [2, 3]"
                + " (both 6 elements); likely cause: same elements, different shape: a reshape/transpose/flatten?"));
    }

    @Test
    void aTransposedMatrixOfAnotherShapeIsCalledTransposed() {
        assertThat(mismatch(allClose(expected(), RTOL, ATOL), expected().transpose()),
                containsString("has shape [3, 2] but expected [2, 3] (both 6 elements); likely cause: transposed:"));
    }

    @Test
    void aTransposedSquareMatrixIsCalledTransposed() {
        Tensor expected = Tensor.fromArray(new float[][] {{1, 2}, {3, 4}});

        assertThat(mismatch(allClose(expected, RTOL, ATOL), expected.transpose()), containsString("2 of 4 elements not"
                + " close; worst at [0, 1]: expected 2.0, actual 3.0 (abs error 1.0, rel error 0.5, allowed 2.001E-5);"
                + " likely cause: transposed: actual ~ expected with rows and columns swapped"));
    }

    @Test
    void nanOrInfinityInActualPointsToOverflowOrLogOfZero() {
        Tensor actual = expected().set(Float.NaN, 0, 2).set(Float.NEGATIVE_INFINITY, 1, 1);

        assertThat(mismatch(allClose(expected(), RTOL, ATOL), actual), equalTo("2 of 6 elements not close; worst at"
                + " [0, 2]: expected 3.0, actual NaN (abs error NaN, rel error NaN, allowed 3.001E-5); likely cause: NaN"
                + " or infinity: overflow, log(0), division by zero? (actual has 1 NaN and 1 infinite where expected"
                + " differs)"));
    }

    @Test
    void allZerosPointsToAnOutputNeverWritten() {
        assertThat(mismatch(allClose(expected(), RTOL, ATOL), Tensor.zeros(2, 3)),
                containsString("likely cause: left at zero: a gradient or output never written?"));
    }

    @Test
    void negatedValuesAreCalledSignFlipped() {
        assertThat(mismatch(allClose(expected(), RTOL, ATOL), expected().neg()),
                containsString("6 of 6 elements not close; worst at [1, 2]: expected 6.0, actual -6.0 (abs error 12.0,"
                        + " rel error 2.0, allowed 6.001E-5); likely cause: sign flipped: actual ~ -expected"));
    }

    @Test
    void aBatchSizeFactorIsReportedAsOneOverN() {
        assertThat(mismatch(allClose(expected(), RTOL, ATOL), expected().div(128)),
                containsString("likely cause: scaled by 0.007813 = 1/128: a mean over the batch where a sum is expected,"
                        + " or the reverse"));
        assertThat(mismatch(allClose(expected(), RTOL, ATOL), expected().mul(64)),
                containsString("likely cause: scaled by 64: a mean over the batch where a sum is expected"));
    }

    @Test
    void aFactorOfTwoPointsToASquare() {
        assertThat(mismatch(allClose(expected(), RTOL, ATOL), expected().mul(0.5f)),
                containsString("likely cause: scaled by 0.5 = 1/2: a factor 2 missing or extra (the derivative of a"
                        + " square, or the 1/2 of a squared error)?"));
    }

    @Test
    void infinityAloneIsCountedAsInfinite() {
        assertThat(mismatch(allClose(expected(), RTOL, ATOL), expected().set(Float.POSITIVE_INFINITY, 1, 2)),
                containsString("division by zero? (actual has 1 infinite where expected differs)"));
    }

    @Test
    void anyOtherCommonFactorIsReportedWithItsValue() {
        assertThat(mismatch(allClose(expected(), RTOL, ATOL), expected().mul(0.37f)),
                containsString("likely cause: scaled by 0.37: a constant factor missing or extra"));
    }

    @Test
    void differencesJustOutsideATightToleranceAreCalledSlight() {
        Tensor actual = expected().mul(1.0002f);

        assertThat(mismatch(allClose(expected(), RTOL, ATOL), actual),
                containsString("likely cause: only slightly off: float32 rounding"));
    }

    @Test
    void unrelatedValuesGetNoGuess() {
        Tensor actual = Tensor.fromArray(new float[][] {{3, 1, 2}, {-4, 0.5f, 7}});

        assertThat(mismatch(allClose(expected(), RTOL, ATOL), actual), not(containsString("likely cause")));
    }

    @Test
    void nanIsNeverCloseUnlessEqualNanIsAskedFor() {
        Tensor withNan = Tensor.vector(1, Float.NaN);

        assertThat(withNan, not(allClose(withNan, RTOL, ATOL)));
        assertThat(withNan, allClose(withNan, RTOL, ATOL, true));
        assertThat(Tensor.vector(1, 2), not(allClose(withNan, RTOL, ATOL, true)));
        assertThat(withNan, not(allClose(Tensor.vector(1, 2), RTOL, ATOL, true)));
    }

    @Test
    void equalInfinitiesAreCloseOppositeOnesAreNot() {
        Tensor inf = Tensor.vector(Float.POSITIVE_INFINITY);

        assertThat(inf, allClose(inf, RTOL, ATOL));
        assertThat(Tensor.vector(Float.NEGATIVE_INFINITY), not(allClose(inf, RTOL, ATOL)));
    }

    @Test
    void scalarsAndEmptyTensorsWork() {
        assertThat(Tensor.zeros(0, 3), allClose(Tensor.zeros(0, 3), RTOL, ATOL));
        assertThat(mismatch(allClose(Tensor.scalar(2), RTOL, ATOL), Tensor.scalar(3)),
                containsString("1 of 1 elements not close; worst at []: expected 2.0, actual 3.0"));
    }

    @Test
    void expectedIsCopiedSoLaterChangesDoNotMatter() {
        Tensor expected = expected();
        Matcher<Tensor> matcher = allClose(expected, RTOL, ATOL);
        expected.fill(0);

        assertThat(expected(), matcher);
    }

    @Test
    void nullIsNotATensor() {
        assertThat(mismatch(allClose(expected(), RTOL, ATOL), null), equalTo("was null"));
    }

    @Test
    void theFailureMessageOfAssertThatHasBothParts() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertThat(Tensor.zeros(2, 3), allClose(expected(), RTOL, ATOL)));

        assertThat(e.getMessage(), containsString("Expected: a tensor of shape [2, 3] close to expected"));
        assertThat(e.getMessage(), containsString("but: 6 of 6 elements not close; worst at [1, 2]"));
    }

    @Test
    void badTolerancesAndAMissingExpectedAreRejected() {
        for (double[] tolerances : new double[][] {{-1e-5, 0}, {0, -1e-8}, {Double.NaN, 0}, {0, Double.POSITIVE_INFINITY}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> allClose(expected(), tolerances[0], tolerances[1]));
            assertThat(e.getMessage(), containsString("rtol and atol must be finite and >= 0, got rtol="
                    + tolerances[0] + ", atol=" + tolerances[1]));
        }
        assertThrows(NullPointerException.class, () -> allClose(null, RTOL, ATOL));
    }

    @Test
    void hasShapeMatchesExactlyThatShape() {
        assertThat(expected(), hasShape(2, 3));
        assertThat(Tensor.scalar(1), hasShape());
        assertThat(StringDescription.toString(hasShape(2, 3)), equalTo("a tensor of shape [2, 3]"));
        assertThat(mismatch(hasShape(3, 2), expected()), equalTo("has shape [2, 3]"));
    }

    @Test
    void hasShapeRejectsBadSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hasShape(2, -1));

        assertThat(e.getMessage(), containsString("sizes must be >= 0, got [2, -1]"));
        assertThrows(NullPointerException.class, () -> hasShape((int[]) null));
    }
}
