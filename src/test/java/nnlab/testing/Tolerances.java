package nnlab.testing;

/**
 * Every numerical tolerance used by nnlab's tests, in one place, each with the reason for its size.
 *
 * <p>float32 has a unit roundoff {@code u = 2^-24 ≈ 5.96e-8}.
 */
public final class Tolerances {

    private Tolerances() {
    }

    /** Unit roundoff of float32, {@code 2^-24}. */
    public static final double FLOAT_UNIT_ROUNDOFF = 0x1.0p-24;

    /**
     * Error bound of a float32 GEMM entry against an exact (double) reference, relative to
     * {@code |alpha| * sum_p |a_ip * b_pj| + |beta * c_ij|}.
     *
     * <p>Any summation order (blocked, tree, FMA-contracted) of {@code k} float products stays within
     * {@code gamma_k = k*u / (1 - k*u)} of that magnitude (Higham, Accuracy and Stability of Numerical
     * Algorithms, 2nd ed., eq. 3.5); we allow {@code (k + 4) * u * 2}, the extra terms covering the
     * rounding of alpha, beta and the final store. It is a worst-case bound, so the test cannot flake.
     */
    public static double gemmRelativeBound(int k) {
        return (k + 4) * FLOAT_UNIT_ROUNDOFF * 2.0;
    }

    /** Element-wise ops (one or two roundings): a few ulp relative, plus a tiny absolute floor for zeros. */
    public static final double ELEMENTWISE_RELATIVE = 4 * FLOAT_UNIT_ROUNDOFF;

    /** Absolute floor under every relative tolerance, far below any value the tests produce. */
    public static final double ABSOLUTE_FLOOR = 1e-30;

    /**
     * How far, in standard errors, a statistic of a large seeded random sample (its mean, its standard
     * deviation) may lie from the true value. A normal deviate beyond 6 sigma has two-sided probability
     * about 2e-9, so even a changed seed practically never fails; the fixed seeds in the tests never do.
     */
    public static final double SAMPLE_STANDARD_ERRORS = 6.0;
}
