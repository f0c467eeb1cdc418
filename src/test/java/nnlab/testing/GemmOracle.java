package nnlab.testing;

import nnlab.backend.ReferenceGemm;
import org.hamcrest.Matcher;

/**
 * The exact answer to a GEMM call and how far a float32 backend may stray from it, for every backend test.
 *
 * <p>Expected values come from {@link ReferenceGemm} (double accumulation). Inside the {@code [m, n]} window
 * each entry may differ by {@link Tolerances#gemmRelativeBound(int)} times
 * {@code |alpha| * sum_p |a_ip * b_pj| + |beta * c_ij|}; outside it (offsets, padded rows) the array must
 * be untouched (bound 0).
 */
public final class GemmOracle {

    private GemmOracle() {
    }

    /** Matches the result array of {@code gemm(...)} called on (a copy of) {@code c}; arguments as in {@code Backend.gemm}. */
    public static Matcher<float[]> matchesGemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                               float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                               float beta, float[] c, int cOffset, int ldc) {
        float[] expected = c.clone();
        ReferenceGemm.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, expected, cOffset, ldc);
        return FloatArrayMatchers.withinBounds(expected,
                bounds(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc));
    }

    /** Per-element bounds for a call on {@code c} (the array before the call): see the class comment. */
    public static double[] bounds(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                  float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                  float beta, float[] c, int cOffset, int ldc) {
        float[] magnitude = abs(c);
        ReferenceGemm.gemm(transA, transB, m, n, k, Math.abs(alpha), abs(a), aOffset, lda, abs(b), bOffset, ldb,
                Math.abs(beta), magnitude, cOffset, ldc);
        double rel = Tolerances.gemmRelativeBound(k);
        double[] bounds = new double[c.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int idx = cOffset + i * ldc + j;
                bounds[idx] = rel * magnitude[idx] + Tolerances.ABSOLUTE_FLOOR;
            }
        }
        return bounds;
    }

    private static float[] abs(float[] x) {
        float[] r = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = Math.abs(x[i]);
        }
        return r;
    }
}
