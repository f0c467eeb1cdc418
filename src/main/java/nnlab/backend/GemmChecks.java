package nnlab.backend;

/**
 * Argument checks shared by every {@link Backend#gemm} implementation, so that a wrong call fails the
 * same way, with a message that names the bad argument, on every backend.
 */
public final class GemmChecks {

    private GemmChecks() {
    }

    /**
     * Validates a GEMM call. {@code A} is stored {@code [m, k]} ({@code [k, m]} if {@code transA}),
     * {@code B} is stored {@code [k, n]} ({@code [n, k]} if {@code transB}), {@code C} is {@code [m, n]}.
     *
     * @throws IllegalArgumentException naming the first problem found
     */
    public static void check(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOffset, int lda,
                             float[] b, int bOffset, int ldb,
                             float[] c, int cOffset, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm dimensions must be >= 0, got m=" + m + ", n=" + n + ", k=" + k);
        }
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        checkMatrix("A", a, aOffset, aRows, aCols, lda, transA ? "[k, m] (transA)" : "[m, k]");
        checkMatrix("B", b, bOffset, bRows, bCols, ldb, transB ? "[n, k] (transB)" : "[k, n]");
        checkMatrix("C", c, cOffset, m, n, ldc, "[m, n]");
    }

    /**
     * Validates a GEMM call with {@link #check} and completes it when no product has to be computed:
     * nothing to do when {@code m == 0} or {@code n == 0}; {@code C = beta * C} when {@code k == 0} or
     * {@code alpha == 0} (A and B are not read, as in BLAS). Every backend starts its {@code gemm} with this.
     *
     * @return true when the call is complete; false when the backend still has to compute the product
     */
    public static boolean validateAndFinishTrivial(boolean transA, boolean transB, int m, int n, int k,
                                                   float alpha, float[] a, int aOffset, int lda,
                                                   float[] b, int bOffset, int ldb,
                                                   float beta, float[] c, int cOffset, int ldc) {
        check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        if (m == 0 || n == 0) {
            return true;
        }
        if (k == 0 || alpha == 0f) {
            for (int i = 0; i < m; i++) {
                int row = cOffset + i * ldc;
                for (int j = 0; j < n; j++) {
                    c[row + j] = beta == 0f ? 0f : beta * c[row + j];
                }
            }
            return true;
        }
        return false;
    }

    private static void checkMatrix(String name, float[] data, int offset, int rows, int cols, int ld, String layout) {
        if (data == null) {
            throw new IllegalArgumentException("gemm: matrix " + name + " is null");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("gemm: offset of " + name + " must be >= 0, got " + offset);
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("gemm: leading dimension of " + name + " " + layout + " must be >= "
                    + Math.max(1, cols) + " (its stored row length), got " + ld);
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = (long) offset + (long) (rows - 1) * ld + cols;
        if (last > data.length) {
            throw new IllegalArgumentException("gemm: matrix " + name + " " + layout + " = [" + rows + ", " + cols
                    + "] with offset " + offset + " and leading dimension " + ld + " needs " + last
                    + " elements, but its array has " + data.length);
        }
    }
}
