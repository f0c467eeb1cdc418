package nnlab.grading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

import nnlab.tensor.Shape;
import nnlab.tensor.Tensor;

/**
 * Explains why a tensor is not close to the expected one, for {@link TensorMatchers#allClose}: which
 * elements are off, the worst one, and the likely cause when a known pattern fits. The causes are guesses
 * from the numbers, checked with a loosened tolerance ({@link Tolerance#loosened}), in this order: NaN or
 * infinity, left at zero, only slightly off, sign flipped, transposed, scaled by a common factor.
 */
final class TensorDiagnosis {

    private static final String LIKELY = "; likely cause: ";

    private TensorDiagnosis() {
    }

    /** The mismatch text when the shapes differ: both shapes, and a cause when the element counts agree. */
    static String shapeMismatch(Tensor actual, Tensor expected, Tolerance tolerance) {
        String text = "has shape " + Shape.format(actual.shape()) + " but expected " + Shape.format(expected.shape());
        if (actual.numel() != expected.numel()) {
            return text + " (" + actual.numel() + " vs " + expected.numel() + " elements)";
        }
        text += " (both " + actual.numel() + " elements)" + LIKELY;
        if (actual.ndim() == 2 && expected.ndim() == 2 && isTransposeOf(actual, expected, loose(expected, tolerance))) {
            return text + transposedCause();
        }
        return text + "same elements, different shape: a reshape/transpose/flatten?";
    }

    /** The mismatch text when the shapes agree, or null if every element is close. */
    static String valueMismatch(Tensor actual, Tensor expected, Tolerance tolerance) {
        float[] a = actual.data();
        float[] e = expected.data();
        int off = 0;
        int worst = -1;
        double worstScore = -1;
        double worstError = -1;
        for (int i = 0; i < a.length; i++) {
            if (tolerance.close(a[i], e[i])) {
                continue;
            }
            off++;
            double error = absError(a[i], e[i]);
            double score = error / Math.max(tolerance.allowed(e[i]), Double.MIN_NORMAL);
            if (!(score < Double.POSITIVE_INFINITY)) {
                score = Double.POSITIVE_INFINITY; // an infinite or NaN error, or an infinite expected value
            }
            if (score > worstScore || (score == worstScore && error > worstError)) {
                worst = i;
                worstScore = score;
                worstError = error;
            }
        }
        if (off == 0) {
            return null;
        }
        float ew = e[worst];
        String text = off + " of " + a.length + " elements not close; worst at "
                + Arrays.toString(unravel(worst, actual.shape())) + ": expected " + ew + ", actual " + a[worst]
                + " (abs error " + round(Math.abs((double) a[worst] - ew)) + ", rel error "
                + (ew == 0 ? "undefined as expected is 0" : round(Math.abs((double) a[worst] - ew) / Math.abs((double) ew)))
                + ", allowed " + round(tolerance.allowed(ew)) + ")";
        String cause = valueCause(actual, expected, tolerance);
        return cause == null ? text : text + LIKELY + cause;
    }

    private static String valueCause(Tensor actual, Tensor expected, Tolerance tolerance) {
        float[] a = actual.data();
        float[] e = expected.data();
        int nan = 0;
        int infinite = 0;
        boolean allZero = true;
        for (int i = 0; i < a.length; i++) {
            if (!tolerance.close(a[i], e[i])) {
                nan += Float.isNaN(a[i]) ? 1 : 0;
                infinite += Float.isInfinite(a[i]) ? 1 : 0;
            }
            allZero &= a[i] == 0;
        }
        if (nan + infinite > 0) {
            String counts = nan == 0 ? infinite + " infinite" : infinite == 0 ? nan + " NaN" : nan + " NaN and "
                    + infinite + " infinite";
            return "NaN or infinity: overflow, log(0), division by zero? (actual has " + counts + " where expected"
                    + " differs)";
        }
        if (allZero) {
            return "left at zero: a gradient or output never written?";
        }
        Tolerance loose = loose(expected, tolerance);
        if (allMatch(a, e, 1, loose)) {
            return "only slightly off: float32 rounding, a different summation order, or an eps in a different"
                    + " place? (close within rtol=" + loose.rtol() + ", atol=" + round(loose.atol()) + ")";
        }
        if (allMatch(a, e, -1, loose)) {
            return "sign flipped: actual ~ -expected (a subtraction the wrong way round, or a gradient step"
                    + " in the wrong direction?)";
        }
        if (actual.ndim() == 2 && isTransposeOf(actual, expected, loose)) {
            return transposedCause();
        }
        double k = scaleFactor(a, e);
        if (Double.isFinite(k) && k != 0 && !loose.close(k, 1) && allMatch(a, e, k, loose)) {
            return scaledCause(k);
        }
        return null;
    }

    /** The least-squares factor {@code k} minimising {@code |a - k e|}, or NaN if it is undefined. */
    private static double scaleFactor(float[] a, float[] e) {
        double ae = 0;
        double ee = 0;
        for (int i = 0; i < a.length; i++) {
            ae += (double) a[i] * e[i];
            ee += (double) e[i] * e[i];
        }
        return ee > 0 && Double.isFinite(ee) ? ae / ee : Double.NaN;
    }

    private static String scaledCause(double k) {
        long n = Math.round(1 / k);
        long m = Math.round(k);
        String factor;
        long whole;
        if (Math.abs(n) >= 2 && Math.abs(1 / k - n) <= 1e-3 * Math.abs(n)) {
            factor = round(k) + " = 1/" + n;
            whole = n;
        } else if (Math.abs(m) >= 2 && Math.abs(k - m) <= 1e-3 * Math.abs(m)) {
            factor = Long.toString(m);
            whole = m;
        } else {
            return "scaled by " + round(k) + ": a constant factor missing or extra (a learning rate, the 1/2 of a"
                    + " squared error, a normalisation)?";
        }
        if (Math.abs(whole) == 2) {
            return "scaled by " + factor + ": a factor 2 missing or extra (the derivative of a square, or the 1/2"
                    + " of a squared error)?";
        }
        return "scaled by " + factor + ": a mean over the batch where a sum is expected, or the reverse";
    }

    private static String transposedCause() {
        return "transposed: actual ~ expected with rows and columns swapped (a transpose missing, extra, or"
                + " on the wrong operand of a matmul?)";
    }

    /** Whether 2-D {@code actual} is {@code expected} (also 2-D) transposed, under {@code tolerance}. */
    private static boolean isTransposeOf(Tensor actual, Tensor expected, Tolerance tolerance) {
        int rows = expected.dim(0);
        int cols = expected.dim(1);
        if (actual.dim(0) != cols || actual.dim(1) != rows) {
            return false;
        }
        float[] a = actual.data();
        float[] e = expected.data();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!tolerance.close(a[c * rows + r], e[r * cols + c])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether every {@code a[i]} is close to {@code k * e[i]}. */
    private static boolean allMatch(float[] a, float[] e, double k, Tolerance tolerance) {
        for (int i = 0; i < a.length; i++) {
            if (!tolerance.close(a[i], k * e[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code tolerance} loosened for {@code expected}, scaled by its largest finite magnitude. */
    private static Tolerance loose(Tensor expected, Tolerance tolerance) {
        double scale = 0;
        for (float v : expected.data()) {
            if (Float.isFinite(v)) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        return tolerance.loosened(scale);
    }

    /** {@code |a - e|}, with NaN (from a NaN) read as infinitely wrong so it ranks worst. */
    private static double absError(float a, float e) {
        double error = Math.abs((double) a - (double) e);
        return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
    }

    /** {@code x} to 4 significant digits, as {@link Double#toString} writes it: {@code 0.007813}, {@code 1.235E-5}. */
    static String round(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return Double.toString(x);
        }
        return Double.toString(new BigDecimal(x).round(new MathContext(4)).doubleValue());
    }

    /** The multi-dimensional index of row-major position {@code flat} in {@code shape}: {@code [3, 1]}. */
    static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}
