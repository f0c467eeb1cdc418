package nnlab.grading;

/**
 * The closeness rule of {@code torch.allclose}: {@code |actual - expected| <= atol + rtol * |expected|}, equal
 * values (infinities included) always close, NaN close to NaN only with {@code equalNan}.
 */
record Tolerance(double rtol, double atol, boolean equalNan) {

    /** Whether {@code actual} is close to {@code expected} under this rule. */
    boolean close(double actual, double expected) {
        if (actual == expected) {
            return true;
        }
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return equalNan && Double.isNaN(actual) && Double.isNaN(expected);
        }
        double error = Math.abs(actual - expected);
        return Double.isFinite(error) && error <= allowed(expected);
    }

    /** The largest error allowed at {@code expected}: {@code atol + rtol * |expected|}. */
    double allowed(double expected) {
        return atol + rtol * Math.abs(expected);
    }

    /**
     * A looser rule for diagnosing a mismatch (not for deciding it): at least {@code rtol = 1e-3}, and an
     * absolute floor of {@code 1e-5} times {@code scale}, the largest finite magnitude in the expected tensor.
     */
    Tolerance loosened(double scale) {
        return new Tolerance(Math.max(rtol, 1e-3), Math.max(atol, 1e-5 * scale), equalNan);
    }
}
