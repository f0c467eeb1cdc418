package nnlab.tensor;

import java.util.Arrays;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers for {@link Tensor}s: {@code assertThat(y, closeTo(expected, rtol, atol))},
 * {@code assertThat(y, hasShape(128, 10))}. Take tolerances from {@link nnlab.testing.Tolerances}.
 */
public final class TensorMatchers {

    private TensorMatchers() {
    }

    /**
     * Same shape, and every element within PyTorch's {@code allclose} rule {@code |a - e| <= atol + rtol * |e|}
     * of {@code expected} (equal infinities match, NaN never does). On a mismatch it reports how many elements
     * differ, the first one with its index, and the largest difference.
     */
    public static Matcher<Tensor> closeTo(Tensor expected, double rtol, double atol) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            public void describeTo(Description d) {
                d.appendText("a tensor of shape " + Shape.format(expected.shape) + " close to " + expected
                        + " within rtol=" + rtol + ", atol=" + atol);
            }

            @Override
            protected boolean matchesSafely(Tensor actual, Description mismatch) {
                if (!Arrays.equals(actual.shape, expected.shape)) {
                    mismatch.appendText("had shape " + Shape.format(actual.shape) + ": " + actual);
                    return false;
                }
                int bad = 0;
                int first = -1;
                for (int i = 0; i < actual.data.length; i++) {
                    if (!TensorOps.isClose(actual.data[i], expected.data[i], rtol, atol)) {
                        bad++;
                        if (first < 0) {
                            first = i;
                        }
                    }
                }
                if (bad == 0) {
                    return true;
                }
                float a = actual.data[first];
                float e = expected.data[first];
                mismatch.appendText(bad + " of " + actual.data.length + " elements differ; first at index "
                        + Arrays.toString(unravel(first, actual.shape)) + ": " + a + " vs expected " + e
                        + " (|diff| " + Math.abs((double) a - e) + " > allowed " + (atol + rtol * Math.abs((double) e))
                        + "); max |diff| " + actual.maxAbsDiff(expected) + "; actual " + actual);
                return false;
            }
        };
    }

    /** The tensor has exactly this shape. */
    public static Matcher<Tensor> hasShape(int... shape) {
        int[] wanted = shape.clone();
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            public void describeTo(Description d) {
                d.appendText("a tensor of shape " + Shape.format(wanted));
            }

            @Override
            protected boolean matchesSafely(Tensor actual, Description mismatch) {
                if (Arrays.equals(actual.shape, wanted)) {
                    return true;
                }
                mismatch.appendText("had shape " + Shape.format(actual.shape));
                return false;
            }
        };
    }

    /** The multi-dimensional index of row-major position {@code flat} in {@code shape}. */
    static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}
