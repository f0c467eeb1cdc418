package nnlab.backend.simd;

import static nnlab.backend.simd.SimdMicroKernel.L;
import static nnlab.backend.simd.SimdMicroKernel.MR;
import static nnlab.backend.simd.SimdMicroKernel.NR;
import static nnlab.backend.simd.SimdMicroKernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import nnlab.backend.Backend;
import nnlab.backend.ConvGeometry;
import nnlab.backend.GemmChecks;
import nnlab.backend.Im2Col;

/**
 * The {@code simd} backend: GEMM and element-wise operations written with the JDK Vector API
 * ({@code jdk.incubator.vector}), which the JIT compiles to AVX-512 / AVX2 / NEON instructions.
 *
 * <p>GEMM ({@link SimdGemm}, {@link SimdMicroKernel}) is a packed, cache-blocked, register-blocked
 * algorithm in the style of GotoBLAS / BLIS. Large products are split into a grid of blocks of C that the
 * threads of a small daemon pool ({@link SimdThreads}) compute independently; small ones run on the
 * calling thread, and matrix-vector-like ones (one or two rows, or {@code A B^T} with one or two rows or
 * columns) skip packing ({@link SimdGemm#small}, {@link SimdGemm#dots}).
 *
 * <p>Only load this class after {@link SimdSupport#available()} returned true. Thread-safe: concurrent
 * calls share nothing mutable. {@link #close()} stops the worker threads; later calls still work, on the
 * calling thread only.
 */
public final class SimdBackend implements Backend {

    /**
     * Products with at most this many rows ({@code m}) skip packing: {@link SimdGemm#small}. Measured on
     * Zen 4: from 3 rows on the packed kernel is faster, even for products as small as 16 x 16 x 16; with
     * 1 or 2 rows most of each {@code MR}-row micro-tile would be zero padding.
     */
    static final int SMALL_ROWS = Integer.getInteger("nnlab.simd.smallRows", 2);
    /**
     * From this many multiply-adds ({@code m*n*k}) on, GEMM uses the worker threads; below it, waking them
     * up costs more than they save (measured: 128^3 runs as fast on one thread, 160^3 is 30% faster on two).
     */
    static final long PARALLEL_THRESHOLD = Long.getLong("nnlab.simd.parallel", 3_000_000L);
    /** Aim for this many blocks of C per thread, so that a core slowed by another process can fall behind. */
    static final int BLOCKS_PER_THREAD = Math.max(1, Integer.getInteger("nnlab.simd.blocksPerThread", 2));

    private final SimdThreads threads = new SimdThreads(Runtime.getRuntime().availableProcessors());

    /** Creates the backend; its worker threads start on the first large GEMM. */
    public SimdBackend() {
    }

    @Override
    public String name() {
        return "simd";
    }

    /** Threads of the GEMM pool (one per available processor); products below the threshold use one. */
    @Override
    public int parallelism() {
        return threads.threads();
    }

    @Override
    public String description() {
        return "SIMD: JDK Vector API, " + S.vectorBitSize() + "-bit (" + L + " float lanes), "
                + threads.threads() + (threads.threads() == 1 ? " thread" : " threads");
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOffset, int lda,
                     float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc) {
        if ((long) m * n * k < PARALLEL_THRESHOLD || m <= SMALL_ROWS || (!transA && transB && n <= SMALL_ROWS)) {
            gemmOnCallingThread(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        if (GemmChecks.validateAndFinishTrivial(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc)) {
            return;
        }
        int t = threads.threads();
        // A grid of gm x gn blocks of C, about BLOCKS_PER_THREAD per thread, cut on tile boundaries.
        int blocks = t == 1 ? 1 : t * BLOCKS_PER_THREAD;
        int gn = Math.min(columnSplits(m, n, blocks), SimdGemm.ceilDiv(n, NR));
        int gm = Math.min(Math.max(1, blocks / gn), SimdGemm.ceilDiv(m, MR));
        int bm = SimdGemm.roundUp(SimdGemm.ceilDiv(m, gm), MR);
        int bn = SimdGemm.roundUp(SimdGemm.ceilDiv(n, gn), NR);
        int rowsOfBlocks = SimdGemm.ceilDiv(m, bm);
        int colsOfBlocks = SimdGemm.ceilDiv(n, bn);
        threads.parallelFor(rowsOfBlocks * colsOfBlocks, block -> {
            int i0 = (block / colsOfBlocks) * bm;
            int j0 = (block % colsOfBlocks) * bn;
            SimdGemm.gemmBlock(transA, transB, i0, Math.min(m, i0 + bm), j0, Math.min(n, j0 + bn), k,
                    alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        });
    }

    /**
     * The same product as {@link #gemm}, computed on the calling thread only: for products below the
     * parallel threshold, and for work that is already split across the worker threads (convolutions).
     */
    static void gemmOnCallingThread(boolean transA, boolean transB, int m, int n, int k,
                                    float alpha, float[] a, int aOffset, int lda,
                                    float[] b, int bOffset, int ldb,
                                    float beta, float[] c, int cOffset, int ldc) {
        if (GemmChecks.validateAndFinishTrivial(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc)) {
            return;
        }
        if (!transA && transB && (m <= SMALL_ROWS || n <= SMALL_ROWS)) {
            SimdGemm.dots(m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        } else if (m <= SMALL_ROWS) {
            SimdGemm.small(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        } else {
            SimdGemm.gemmBlock(transA, transB, 0, m, 0, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc);
        }
    }

    /**
     * How many column strips to cut C into when it is cut into {@code blocks} blocks: the divisor of
     * {@code blocks} that keeps blocks closest to square (each block re-packs its rows of A and its
     * columns of B, so square blocks pack the least).
     */
    private static int columnSplits(int m, int n, int blocks) {
        int best = 1;
        double bestCost = Double.MAX_VALUE;
        for (int gn = 1; gn <= blocks; gn++) {
            if (blocks % gn == 0) {
                double cost = (double) m / (blocks / gn) + (double) n / gn;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = gn;
                }
            }
        }
        return best;
    }

    @Override
    public void im2col(ConvGeometry g, float[] image, int imageOffset, float[] columns) {
        Im2Col.im2col(g, image, imageOffset, columns);
    }

    @Override
    public void col2im(ConvGeometry g, float[] columns, float[] image, int imageOffset) {
        Im2Col.col2im(g, columns, image, imageOffset);
    }

    // ---------------------------------------------------------------- convolution: whole images per thread

    @Override
    public void conv2dForward(ConvGeometry g, int batch, int outChannels,
                              float[] x, float[] weight, float[] bias, float[] y) {
        SimdConvolution.forward(threads, g, batch, outChannels, x, weight, bias, y);
    }

    @Override
    public void conv2dBackwardData(ConvGeometry g, int batch, int outChannels,
                                   float[] dy, float[] weight, float[] dx) {
        SimdConvolution.backwardData(threads, g, batch, outChannels, dy, weight, dx);
    }

    @Override
    public void conv2dBackwardFilter(ConvGeometry g, int batch, int outChannels,
                                     float[] x, float[] dy, float[] dWeight, float[] dBias) {
        SimdConvolution.backwardFilter(threads, g, batch, outChannels, x, dy, dWeight, dBias);
    }

    // ---------------------------------------------------------------- element-wise: vector body + scalar tail
    // Each computes exactly what the plain-Java default computes (same operations in the same order, no FMA
    // contraction), so results are bit-identical to the other backends.
    //
    // axpy, add, mul and scale are NOT overridden: for such simple counted loops the JIT's auto-vectoriser
    // (C2 "SuperWord") already emits the same vector code, and hand-written Vector API loops measured no
    // faster (n = 4K and 128K floats). The ones below are loops it does not vectorise: a 2-D loop nest
    // whose inner loop is short (addRowVector, sumRows: 3.4x / 1.6x at 4K, 4.5x / 4x at 128K) and
    // conditional selects (relu: 10x at 4K, 38x at 128K; reluBackward likewise).

    @Override
    public void addRowVector(int rows, int cols, float[] row, float[] matrix) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector.fromArray(S, matrix, base + c).add(FloatVector.fromArray(S, row, c))
                        .intoArray(matrix, base + c);
            }
            for (; c < cols; c++) {
                matrix[base + c] += row[c];
            }
        }
    }

    @Override
    public void sumRows(int rows, int cols, float[] matrix, float[] out) {
        java.util.Arrays.fill(out, 0, cols, 0f);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector.fromArray(S, out, c).add(FloatVector.fromArray(S, matrix, base + c)).intoArray(out, c);
            }
            for (; c < cols; c++) {
                out[c] += matrix[base + c];
            }
        }
    }

    @Override
    public void relu(int n, float[] x, float[] out) {
        // x < 0 ? 0 : x, as the default: NaN and -0.0 stay as they are (so does PyTorch's relu).
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            v.blend(zero, v.compare(VectorOperators.LT, 0f)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] < 0f ? 0f : x[i];
        }
    }

    @Override
    public void reluBackward(int n, float[] dy, float[] x, float[] dx) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector g = FloatVector.fromArray(S, dy, i);
            g.blend(zero, FloatVector.fromArray(S, x, i).compare(VectorOperators.LE, 0f)).intoArray(dx, i);
        }
        for (; i < n; i++) {
            dx[i] = x[i] <= 0f ? 0f : dy[i];
        }
    }

    /** Stops the worker threads; idempotent. Later calls run on the calling thread. */
    @Override
    public void close() {
        threads.close();
    }
}
