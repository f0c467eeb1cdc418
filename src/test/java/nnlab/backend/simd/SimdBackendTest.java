package nnlab.backend.simd;

import static nnlab.backend.simd.SimdMicroKernel.MR;
import static nnlab.backend.simd.SimdMicroKernel.NR;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nnlab.testing.GemmOracle;
import nnlab.testing.TestSeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests of what is specific to the SIMD backend: micro-kernel edge tiles, cache-block and thread-split
 * boundaries, the small-product path, concurrency and the vectorised element-wise loops. (The shared
 * {@code BackendContractTest} checks the Backend contract itself on random shapes.)
 *
 * <p>Randomness is seeded; run with {@code -Dnnlab.test.seed=N} to try other data.
 */
class SimdBackendTest {

    private static final long SEED = TestSeeds.of(20_260_101L);
    /** Value written around every matrix, which gemm must leave alone. */
    private static final float GUARD = 12345.5f;

    private static SimdBackend backend;

    @BeforeAll
    static void open() {
        backend = new SimdBackend();
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    // ---------------------------------------------------------------- a GEMM problem and its check

    /** Which implementation runs the product. */
    private enum Path { BACKEND, PACKED, SMALL, DOTS }

    /** One GEMM call with padded, offset operands and a guard value everywhere outside the matrices. */
    private static final class Problem {
        final boolean transA;
        final boolean transB;
        final int m;
        final int n;
        final int k;
        final float alpha;
        final float beta;
        final int aOffset;
        final int lda;
        final int bOffset;
        final int ldb;
        final int cOffset;
        final int ldc;
        final float[] a;
        final float[] b;
        final float[] c;

        Problem(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta, int pad, long seed) {
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.beta = beta;
            SplittableRandom rnd = new SplittableRandom(seed);
            aOffset = pad == 0 ? 0 : 1 + rnd.nextInt(pad);
            bOffset = pad == 0 ? 0 : 1 + rnd.nextInt(pad);
            cOffset = pad == 0 ? 0 : 1 + rnd.nextInt(pad);
            lda = Math.max(1, transA ? m : k) + (pad == 0 ? 0 : rnd.nextInt(pad + 1));
            ldb = Math.max(1, transB ? k : n) + (pad == 0 ? 0 : rnd.nextInt(pad + 1));
            ldc = Math.max(1, n) + (pad == 0 ? 0 : rnd.nextInt(pad + 1));
            a = matrix(rnd, aOffset, transA ? k : m, transA ? m : k, lda, pad);
            b = matrix(rnd, bOffset, transB ? n : k, transB ? k : n, ldb, pad);
            c = matrix(rnd, cOffset, m, n, ldc, pad);
        }

        /** Random values in [-1, 1) inside the matrix, {@link #GUARD} in the gaps and around it. */
        private static float[] matrix(SplittableRandom rnd, int offset, int rows, int cols, int ld, int pad) {
            float[] x = new float[offset + rows * ld + pad];
            java.util.Arrays.fill(x, GUARD);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    x[offset + i * ld + j] = (float) rnd.nextDouble(-1, 1);
                }
            }
            return x;
        }

        float opA(int i, int p) {
            return transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
        }

        float opB(int p, int j) {
            return transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
        }

        float[] run(Path path, SimdBackend simd) {
            float[] out = c.clone();
            switch (path) {
                case BACKEND:
                    simd.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, out, cOffset, ldc);
                    break;
                case DOTS:
                    SimdGemm.dots(m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, out, cOffset, ldc);
                    break;
                case PACKED:
                    SimdGemm.gemmBlock(transA, transB, 0, m, 0, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                            beta, out, cOffset, ldc);
                    break;
                default:
                    SimdGemm.small(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                            beta, out, cOffset, ldc);
            }
            return out;
        }

        /** Asserts {@code actual} is the product within {@link GemmOracle}'s bounds and nothing outside C changed. */
        void check(float[] actual, String what) {
            assertThat(describe(what), actual, GemmOracle.matchesGemm(transA, transB, m, n, k, alpha, a, aOffset, lda,
                    b, bOffset, ldb, beta, c, cOffset, ldc));
        }

        String describe(String what) {
            return what + " " + (transA ? "T" : "N") + (transB ? "T" : "N") + " m=" + m + " n=" + n + " k=" + k
                    + " alpha=" + alpha + " beta=" + beta + " offsets=" + aOffset + "/" + bOffset + "/" + cOffset
                    + " ld=" + lda + "/" + ldb + "/" + ldc + ":";
        }
    }

    private static void checkAllPaths(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
                                      int pad, long seed) {
        Problem p = new Problem(transA, transB, m, n, k, alpha, beta, pad, seed);
        for (Path path : Path.values()) {
            if (path != Path.BACKEND && (m == 0 || n == 0 || k == 0)) {
                continue; // the internal paths assume a non-empty product, as gemm guarantees
            }
            if (path == Path.DOTS && (transA || !transB)) {
                continue; // only for A * B^T
            }
            p.check(p.run(path, backend), path.toString());
        }
    }

    // ---------------------------------------------------------------- micro-kernel and cache blocks

    @Test
    void everyEdgeTileOfTheMicroKernel() {
        long seed = SEED;
        for (int m = 1; m <= MR + 1; m++) {
            for (int n = 1; n <= NR + 1; n++) {
                for (int k : new int[] {1, 7}) {
                    Problem p = new Problem(false, false, m, n, k, 1.5f, -0.5f, 3, seed++);
                    p.check(p.run(Path.PACKED, backend), "packed");
                    p.check(p.run(Path.SMALL, backend), "small");
                    Problem t = new Problem(false, true, m, n, k, 1.5f, -0.5f, 3, seed++);
                    t.check(t.run(Path.DOTS, backend), "dots");
                }
            }
        }
    }

    @Test
    void twoByTwoTilesWithRaggedEdgesInAllTransposes() {
        long seed = SEED + 1;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (int m : new int[] {MR - 1, 2 * MR, 2 * MR + 1}) {
                    for (int n : new int[] {NR - 1, 2 * NR, 2 * NR + 3}) {
                        checkAllPaths(ta, tb, m, n, 13, 1f, 0f, 4, seed++);
                    }
                }
            }
        }
    }

    @Test
    void depthAroundTheKcBlock() {
        long seed = SEED + 2;
        int kc = SimdGemm.KC;
        for (int k : new int[] {kc - 1, kc, kc + 1, 2 * kc + 1, 3 * kc - 5}) {
            // beta != 0 and != 1 catches a beta applied by more than the first KC slice
            checkAllPaths(false, false, MR + 3, NR + 5, k, 1f, 2f, 2, seed++);
            checkAllPaths(true, true, 2 * MR - 1, 2 * NR + 1, k, -0.5f, -0.5f, 2, seed++);
        }
    }

    @Test
    void rowsAroundTheMcBlock() {
        long seed = SEED + 3;
        int mc = SimdGemm.MC;
        for (int m : new int[] {mc - 1, mc, mc + 1, 2 * mc + MR + 1}) {
            checkAllPaths(false, false, m, NR + 1, 9, 2f, 1f, 3, seed++);
            checkAllPaths(true, false, m, 17, 33, 1f, 0f, 3, seed++);
        }
    }

    @Test
    void columnsAroundTheNcBlock() {
        long seed = SEED + 4;
        int nc = SimdGemm.NC;
        for (int n : new int[] {nc - 1, nc, nc + 1, nc + NR + 7}) {
            checkAllPaths(false, false, MR + 1, n, 5, 1f, -0.5f, 3, seed++);
            checkAllPaths(false, true, 3, n, 11, -0.5f, 0f, 3, seed++);
        }
    }

    @Test
    void multiThreadedSplitsOfOddShapes() {
        long seed = SEED + 5;
        int[][] shapes = {{129, 1000, 31}, {1000, 129, 33}, {9, 1000, 400}, {1000, 9, 400}, {257, 300, 129},
                          {3, 2000, 600}, {2000, 1, 1600}, {300, 301, 299}};
        for (int[] s : shapes) {
            assertThat((long) s[0] * s[1] * s[2] >= SimdBackend.PARALLEL_THRESHOLD, is(true));
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    Problem p = new Problem(ta, tb, s[0], s[1], s[2], 1f, 0.5f, 5, seed++);
                    p.check(p.run(Path.BACKEND, backend), "backend");
                }
            }
        }
    }

    @Test
    void allTransposesAlphasAndBetas() {
        long seed = SEED + 6;
        float[] values = {0f, 1f, -0.5f, 2f};
        int[][] shapes = {{7, 9, 5}, {33, 70, 129}, {130, 140, 40}};
        for (int[] s : shapes) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (float alpha : values) {
                        for (float beta : values) {
                            checkAllPaths(ta, tb, s[0], s[1], s[2], alpha, beta, 3, seed++);
                        }
                    }
                }
            }
        }
    }

    @Test
    void matrixVectorShapes() {
        long seed = SEED + 13;
        int[][] shapes = {{1000, 1, 784}, {1, 1000, 784}, {2, 300, 129}, {300, 2, 129}, {1, 1, 1}, {1, 17, 5},
                          {3, 3, 1000}};
        for (int[] s : shapes) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    checkAllPaths(ta, tb, s[0], s[1], s[2], -0.5f, 2f, 3, seed++);
                }
            }
        }
    }

    @Test
    void emptyAndDegenerateShapes() {
        long seed = SEED + 7;
        int[] sizes = {0, 1, 7};
        for (int m : sizes) {
            for (int n : sizes) {
                for (int k : sizes) {
                    checkAllPaths(false, false, m, n, k, 2f, -0.5f, 3, seed++);
                    checkAllPaths(true, true, m, n, k, 1f, 0f, 0, seed++);
                }
            }
        }
    }

    // ---------------------------------------------------------------- beta == 0 does not read C

    @Test
    void nanInCIsIgnoredWhenBetaIsZero() {
        long seed = SEED + 8;
        int[][] shapes = {{5, 6, 7}, {MR + 1, NR + 1, SimdGemm.KC + 1}, {300, 301, 129}, {4, 5, 0}};
        for (int[] s : shapes) {
            for (float alpha : new float[] {1f, 0f}) {
                Problem p = new Problem(false, true, s[0], s[1], s[2], alpha, 0f, 2, seed++);
                for (int i = 0; i < p.m; i++) {
                    java.util.Arrays.fill(p.c, p.cOffset + i * p.ldc, p.cOffset + i * p.ldc + p.n, Float.NaN);
                }
                for (Path path : Path.values()) {
                    if (path == Path.BACKEND || (alpha != 0f && s[2] > 0)) {
                        p.check(p.run(path, backend), path + " with NaN in C");
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- threads

    @Test
    void concurrentCallsFromFourThreads() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = SEED + 100 + t;
                Callable<Void> job = () -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    for (int r = 0; r < 6; r++) {
                        int m = 50 + rnd.nextInt(200);
                        int n = 50 + rnd.nextInt(200);
                        int k = 20 + rnd.nextInt(300);
                        Problem p = new Problem(rnd.nextBoolean(), rnd.nextBoolean(), m, n, k, 1f, 0.5f, 3, rnd.nextLong());
                        p.check(p.run(Path.BACKEND, backend), "concurrent");
                    }
                    return null;
                };
                results.add(callers.submit(job));
            }
            for (Future<?> f : results) {
                f.get();
            }
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void workerThreadsAreNamedDaemonsAndCloseIsSafe() {
        SimdBackend own = new SimdBackend();
        Problem big = new Problem(false, false, 300, 300, 300, 1f, 0f, 0, SEED + 9);
        big.check(big.run(Path.BACKEND, own), "before close");
        if (Runtime.getRuntime().availableProcessors() > 1) {
            List<Thread> workers = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("nnlab-simd-")) {
                    workers.add(t);
                }
            }
            assertThat(workers.isEmpty(), is(false));
            for (Thread t : workers) {
                assertThat(t.getName() + " is a daemon", t.isDaemon(), is(true));
            }
        }
        own.close();
        own.close();
        big.check(big.run(Path.BACKEND, own), "after close");
    }

    @Test
    void nameAndDescription() {
        assertThat(backend.name(), equalTo("simd"));
        assertThat(backend.description(), startsWith("SIMD: JDK Vector API, "));
        assertThat(backend.description(), containsString(SimdSupport.floatLanes() + " float lanes"));
    }

    @Test
    void badArgumentsAreRejected() {
        float[] x = new float[16];
        assertThrows(IllegalArgumentException.class,
                () -> backend.gemm(false, false, -1, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> backend.gemm(false, false, 4, 4, 4, 1f, x, 0, 3, x, 0, 4, 0f, x, 0, 4));
        assertThrows(IllegalArgumentException.class,
                () -> backend.gemm(false, false, 4, 4, 4, 1f, x, 1, 4, x, 0, 4, 0f, x, 0, 4));
    }

    // ---------------------------------------------------------------- element-wise ops

    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 33, 100, 1031};

    private static float[] random(SplittableRandom rnd, int n) {
        float[] x = new float[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble(-2, 2);
        }
        return x;
    }

    /** Element-wise results must be exactly the plain-Java ones: same operations, same order. */
    private static void assertSame(float[] actual, float[] expected, String what) {
        assertThat(what, java.util.Arrays.equals(actual, expected), is(true));
    }

    @Test
    void elementWiseOpsMatchScalarCodeWithAndWithoutAliasing() {
        SplittableRandom rnd = new SplittableRandom(SEED + 10);
        for (int n : LENGTHS) {
            float[] a = random(rnd, n);
            float[] b = random(rnd, n);
            float alpha = (float) rnd.nextDouble(-3, 3);

            float[] y = b.clone();
            float[] yRef = b.clone();
            backend.axpy(n, alpha, a, y);
            for (int i = 0; i < n; i++) {
                yRef[i] += alpha * a[i];
            }
            assertSame(y, yRef, "axpy n=" + n);

            float[] sum = new float[n + 3];
            float[] prod = new float[n + 3];
            float[] scaled = new float[n + 3];
            float[] sumRef = sum.clone();
            float[] prodRef = prod.clone();
            float[] scaledRef = scaled.clone();
            for (int i = 0; i < n; i++) {
                sumRef[i] = a[i] + b[i];
                prodRef[i] = a[i] * b[i];
                scaledRef[i] = alpha * a[i];
            }
            backend.add(n, a, b, sum);
            backend.mul(n, a, b, prod);
            backend.scale(n, alpha, a, scaled);
            assertSame(sum, sumRef, "add n=" + n);
            assertSame(prod, prodRef, "mul n=" + n);
            assertSame(scaled, scaledRef, "scale n=" + n);

            // aliasing: out == a, out == b, and both inputs the same array
            float[] x = a.clone();
            backend.add(n, x, b, x);
            System.arraycopy(a, n, sumRef, n, 3);
            assertSame(x, withTail(sumRef, a, n), "add out==a n=" + n);
            x = b.clone();
            backend.mul(n, a, x, x);
            assertSame(x, withTail(prodRef, b, n), "mul out==b n=" + n);
            x = a.clone();
            backend.add(n, x, x, x);
            float[] twice = a.clone();
            for (int i = 0; i < n; i++) {
                twice[i] = a[i] + a[i];
            }
            assertSame(x, twice, "add a==b==out n=" + n);
            x = a.clone();
            backend.scale(n, alpha, x, x);
            assertSame(x, withTail(scaledRef, a, n), "scale out==x n=" + n);
        }
    }

    /** {@code values[0..n)} followed by {@code tail[n..]}: what an in-place op leaves in the array. */
    private static float[] withTail(float[] values, float[] tail, int n) {
        float[] r = tail.clone();
        System.arraycopy(values, 0, r, 0, n);
        return r;
    }

    @Test
    void reluKeepsNanAndNegativeZeroLikeTheDefaultAndPyTorch() {
        // torch.relu(tensor([nan, -0., -inf])) = [nan, -0., 0.]: only values below zero become +0.
        SplittableRandom rnd = new SplittableRandom(SEED + 11);
        for (int n : LENGTHS) {
            float[] x = random(rnd, n);
            for (int i = 0; i < n; i += 5) {
                x[i] = i % 3 == 0 ? Float.NaN : (i % 3 == 1 ? -0f : Float.NEGATIVE_INFINITY);
            }
            float[] expected = x.clone();
            for (int i = 0; i < n; i++) {
                expected[i] = x[i] < 0f ? 0f : x[i];
            }
            float[] out = new float[n + 3];
            System.arraycopy(x, n, out, n, 3);
            backend.relu(n, x, out);
            assertSame(out, expected, "relu n=" + n);
            backend.relu(n, x, x);
            assertSame(x, expected, "relu in place n=" + n);
        }
    }

    @Test
    void rowVectorBroadcastAndColumnSums() {
        SplittableRandom rnd = new SplittableRandom(SEED + 12);
        for (int rows : new int[] {0, 1, 3, 17}) {
            for (int cols : LENGTHS) {
                float[] matrix = random(rnd, rows * cols);
                float[] row = random(rnd, cols);
                float[] expected = matrix.clone();
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        expected[r * cols + c] += row[c];
                    }
                }
                backend.addRowVector(rows, cols, row, matrix);
                assertSame(matrix, expected, "addRowVector " + rows + "x" + cols);

                float[] sums = random(rnd, cols); // stale values must be overwritten
                float[] sumsRef = sums.clone();
                java.util.Arrays.fill(sumsRef, 0, cols, 0f);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        sumsRef[c] += matrix[r * cols + c];
                    }
                }
                backend.sumRows(rows, cols, matrix, sums);
                assertSame(sums, sumsRef, "sumRows " + rows + "x" + cols);
            }
        }
    }

    @Test
    void noWorkIsLeftQueuedAfterAGemm() {
        // parallelFor waits for its helpers: running it many times must not leave failures behind.
        List<String> failures = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            Problem p = new Problem(r % 2 == 0, r % 3 == 0, 200 + r, 190 + 3 * r, 150, 1f, 0f, 1, SEED + 200 + r);
            try {
                p.check(p.run(Path.BACKEND, backend), "repeat " + r);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures, is(empty()));
    }
}
