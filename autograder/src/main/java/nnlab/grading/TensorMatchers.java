package nnlab.grading;

import java.util.Arrays;
import java.util.Objects;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import nnlab.tensor.Shape;
import nnlab.tensor.Tensor;

/**
 * Hamcrest matchers for {@link Tensor}s, for public and hidden suites alike:
 * {@code assertThat(dX, allClose(expectedDX, 1e-5, 1e-6))}, {@code assertThat(logits, hasShape(128, 10))}.
 *
 * <p>{@link #allClose} explains a mismatch the way a TA would: how many elements are off, the worst one
 * (its index, expected and actual value, absolute and relative error) and, when a pattern fits, the likely
 * cause, e.g.
 * <pre>
 * Expected: a tensor of shape [2, 3] close to expected (rtol=1.0E-5, atol=1.0E-8)
 *      but: 6 of 6 elements not close; worst at [1, 2]: expected 6.0, actual 0.046875 (abs error 5.953,
 *           rel error 0.9922, allowed 6.0E-5); likely cause: scaled by 0.007813 = 1/128: a mean over the batch
 *           where a sum is expected, or the reverse
 * </pre>
 * The causes it recognises: a different shape (with the same number of elements: a reshape, transpose or
 * flatten), NaN or infinity, an output left at zero, a flipped sign, a common scale factor, a transposed
 * matrix, and differences that are only slightly too large (rounding).
 */
public final class TensorMatchers {

    private TensorMatchers() {
    }

    /**
     * Matches a tensor of {@code expected}'s shape whose every element is close to {@code expected}'s, as
     * {@code torch.allclose(actual, expected, rtol, atol)}: {@code |actual - expected| <= atol + rtol * |expected|}.
     * Equal infinities are close; NaN is never close to anything, NaN included (see
     * {@link #allClose(Tensor, double, double, boolean)} to let NaN match NaN). {@code expected} is copied, so
     * changing it afterwards does not change the matcher.
     *
     * @param expected the reference values
     * @param rtol     relative tolerance, finite and {@code >= 0}, e.g. {@code 1e-5}
     * @param atol     absolute tolerance, finite and {@code >= 0}, e.g. {@code 1e-8}; it matters near zero
     * @throws NullPointerException     if {@code expected} is null
     * @throws IllegalArgumentException if a tolerance is negative, NaN or infinite
     */
    public static Matcher<Tensor> allClose(Tensor expected, double rtol, double atol) {
        return allClose(expected, rtol, atol, false);
    }

    /**
     * As {@link #allClose(Tensor, double, double)}; with {@code equalNan} true, a NaN in {@code actual} where
     * {@code expected} has NaN is close (PyTorch's {@code equal_nan=True}).
     *
     * @throws NullPointerException     if {@code expected} is null
     * @throws IllegalArgumentException if a tolerance is negative, NaN or infinite
     */
    public static Matcher<Tensor> allClose(Tensor expected, double rtol, double atol, boolean equalNan) {
        Objects.requireNonNull(expected, "allClose: expected is null; pass the reference tensor");
        if (!(rtol >= 0 && rtol < Double.POSITIVE_INFINITY) || !(atol >= 0 && atol < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("allClose: rtol and atol must be finite and >= 0, got rtol=" + rtol
                    + ", atol=" + atol + "; typical values are rtol=1e-5, atol=1e-8");
        }
        return new AllClose(new Tolerance(rtol, atol, equalNan), expected.copy());
    }

    /**
     * Matches a tensor of exactly this shape, e.g. {@code hasShape(128, 10)}; {@code hasShape()} is a 0-d scalar.
     *
     * @throws NullPointerException     if {@code shape} is null
     * @throws IllegalArgumentException if a size is negative
     */
    public static Matcher<Tensor> hasShape(int... shape) {
        Objects.requireNonNull(shape, "hasShape: shape is null; pass the sizes, e.g. hasShape(128, 10)");
        int[] wanted = shape.clone();
        for (int size : wanted) {
            if (size < 0) {
                throw new IllegalArgumentException("hasShape: sizes must be >= 0, got " + Shape.format(wanted));
            }
        }
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            public void describeTo(Description description) {
                description.appendText("a tensor of shape " + Shape.format(wanted));
            }

            @Override
            protected boolean matchesSafely(Tensor actual, Description mismatch) {
                if (Arrays.equals(actual.shape(), wanted)) {
                    return true;
                }
                mismatch.appendText("has shape " + Shape.format(actual.shape()));
                return false;
            }
        };
    }

    /** The {@code allClose} matcher: checks shape, then values, and diagnoses a mismatch. */
    private static final class AllClose extends TypeSafeDiagnosingMatcher<Tensor> {

        private final Tolerance tolerance;
        private final Tensor expected;

        AllClose(Tolerance tolerance, Tensor expected) {
            this.tolerance = tolerance;
            this.expected = expected;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("a tensor of shape " + Shape.format(expected.shape()) + " close to expected (rtol="
                    + tolerance.rtol() + ", atol=" + tolerance.atol() + (tolerance.equalNan() ? ", NaN equal to NaN" : "")
                    + ")");
        }

        @Override
        protected boolean matchesSafely(Tensor actual, Description mismatch) {
            if (!Arrays.equals(actual.shape(), expected.shape())) {
                mismatch.appendText(TensorDiagnosis.shapeMismatch(actual, expected, tolerance));
                return false;
            }
            String message = TensorDiagnosis.valueMismatch(actual, expected, tolerance);
            if (message == null) {
                return true;
            }
            mismatch.appendText(message);
            return false;
        }
    }
}
