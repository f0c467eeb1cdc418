package nnlab.testing;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for {@code float[]} results compared element by element with per-element bounds. */
public final class FloatArrayMatchers {

    private FloatArrayMatchers() {
    }

    /**
     * Matches an array of the same length whose every element satisfies
     * {@code |actual[i] - expected[i]| <= bound[i]}. NaN matches only NaN. The mismatch description
     * names the first bad index, both values, the bound, and how many elements are off.
     */
    public static Matcher<float[]> withinBounds(float[] expected, double[] bound) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(float[] actual, Description mismatch) {
                if (actual.length != expected.length) {
                    mismatch.appendText("had length " + actual.length);
                    return false;
                }
                int bad = 0;
                int first = -1;
                for (int i = 0; i < actual.length; i++) {
                    boolean ok = Float.isNaN(expected[i]) ? Float.isNaN(actual[i])
                            : Math.abs((double) actual[i] - expected[i]) <= bound[i];
                    if (!ok) {
                        bad++;
                        if (first < 0) {
                            first = i;
                        }
                    }
                }
                if (bad > 0) {
                    mismatch.appendText(bad + " of " + actual.length + " elements off; first at [" + first + "]: "
                            + actual[first] + " vs expected " + expected[first] + " (bound " + bound[first] + ")");
                }
                return bad == 0;
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("an array of " + expected.length + " floats within per-element bounds of the reference");
            }
        };
    }

    /** Every element within {@code rel * |expected[i]| + Tolerances.ABSOLUTE_FLOOR}. */
    public static Matcher<float[]> closeTo(float[] expected, double rel) {
        double[] bound = new double[expected.length];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = rel * Math.abs(expected[i]) + Tolerances.ABSOLUTE_FLOOR;
        }
        return withinBounds(expected, bound);
    }
}
