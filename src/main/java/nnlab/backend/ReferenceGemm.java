package nnlab.backend;

/**
 * The textbook triple-loop GEMM, accumulating each dot product in {@code double}.
 *
 * <p>Two jobs: the exact oracle that backend tests compare against (double accumulation keeps its own
 * rounding error far below any backend's), and the "naive Java" baseline that {@code nnlab bench gemm}
 * reports ratios against. It is deliberately simple and slow; never use it for real work.
 */
public final class ReferenceGemm {

    private ReferenceGemm() {
    }

    /** {@code C = alpha * op(A) * op(B) + beta * C}; same contract as {@link Backend#gemm}. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float alpha, float[] a, int aOffset, int lda,
                            float[] b, int bOffset, int ldb,
                            float beta, float[] c, int cOffset, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    float bv = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                    sum += (double) av * bv;
                }
                int ci = cOffset + i * ldc + j;
                double old = beta == 0f ? 0.0 : (double) beta * c[ci];
                c[ci] = (float) (alpha * sum + old);
            }
        }
    }
}
