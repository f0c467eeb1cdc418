package nnlab.backend;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;

/**
 * The reference backend: GEMM through EJML ({@code CommonOps_FDRM}, multi-threaded for large products),
 * im2col/col2im and element-wise ops in plain Java. Always available; every other backend is tested
 * against it.
 */
public final class CpuBackend implements Backend {

    /** Products with at least this many multiply-adds ({@code m*n*k}) use EJML's multi-threaded kernels. */
    static final long PARALLEL_THRESHOLD = 1L << 18;

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "CPU: EJML " + ejmlVersion() + " + plain Java, " + Runtime.getRuntime().availableProcessors() + " threads";
    }

    /** EJML's multi-threaded kernels use one thread per available processor. */
    @Override
    public int parallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOffset, int lda,
                     float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc) {
        if (GemmChecks.validateAndFinishTrivial(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc)) {
            return;
        }
        FMatrixRMaj av = view(a, aOffset, transA ? k : m, transA ? m : k, lda);
        FMatrixRMaj bv = view(b, bOffset, transB ? n : k, transB ? k : n, ldb);
        boolean cPacked = isPacked(c, cOffset, m, n, ldc);
        FMatrixRMaj product = cPacked && beta == 0f ? FMatrixRMaj.wrap(m, n, c) : new FMatrixRMaj(m, n);
        multiply(transA, transB, alpha, av, bv, product, (long) m * n * k >= PARALLEL_THRESHOLD);
        if (product.data == c) {
            return;
        }
        float[] p = product.data;
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0f ? p[i * n + j] : beta * c[row + j] + p[i * n + j];
            }
        }
    }

    private static void multiply(boolean transA, boolean transB, float alpha,
                                 FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj out, boolean parallel) {
        if (parallel) {
            if (transA && transB) {
                CommonOps_MT_FDRM.multTransAB(alpha, a, b, out);
            } else if (transA) {
                CommonOps_MT_FDRM.multTransA(alpha, a, b, out);
            } else if (transB) {
                CommonOps_MT_FDRM.multTransB(alpha, a, b, out);
            } else {
                CommonOps_MT_FDRM.mult(alpha, a, b, out);
            }
        } else if (transA && transB) {
            CommonOps_FDRM.multTransAB(alpha, a, b, out);
        } else if (transA) {
            CommonOps_FDRM.multTransA(alpha, a, b, out);
        } else if (transB) {
            CommonOps_FDRM.multTransB(alpha, a, b, out);
        } else {
            CommonOps_FDRM.mult(alpha, a, b, out);
        }
    }

    /** A packed EJML matrix over {@code data}: the array itself when it is exactly that matrix, else a copy. */
    private static FMatrixRMaj view(float[] data, int offset, int rows, int cols, int ld) {
        if (isPacked(data, offset, rows, cols, ld)) {
            return FMatrixRMaj.wrap(rows, cols, data);
        }
        FMatrixRMaj copy = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, offset + i * ld, copy.data, i * cols, cols);
        }
        return copy;
    }

    private static boolean isPacked(float[] data, int offset, int rows, int cols, int ld) {
        return offset == 0 && ld == cols && data.length == rows * cols;
    }

    @Override
    public void im2col(ConvGeometry g, float[] image, int imageOffset, float[] columns) {
        Im2Col.im2col(g, image, imageOffset, columns);
    }

    @Override
    public void col2im(ConvGeometry g, float[] columns, float[] image, int imageOffset) {
        Im2Col.col2im(g, columns, image, imageOffset);
    }

    static String ejmlVersion() {
        Package p = FMatrixRMaj.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "0.46" : v;
    }
}
