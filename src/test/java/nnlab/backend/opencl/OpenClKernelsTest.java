package nnlab.backend.opencl;

import nnlab.backend.ConvGeometry;
import nnlab.backend.CpuBackend;
import nnlab.backend.Im2Col;
import nnlab.backend.ReferenceGemm;
import nnlab.testing.GemmOracle;
import nnlab.testing.Tolerances;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenCL kernels against the references ({@link ReferenceGemm}, {@link Im2Col}) on small odd shapes,
 * where index bugs show (OpenCL has no bounds checks), plus proof that the runs happened on OpenCL.
 * Also run by CI with {@code -Dnnlab.test.jvm.flags=-Dnnlab.opencl.sharedMemory=false}, where a missing
 * put/get gives wrong results.
 */
class OpenClKernelsTest {

    private static OpenClBackend backend;

    @BeforeAll
    static void open() {
        if (OpenClSupport.probe().available()) {
            backend = OpenClBackend.open();
        }
    }

    /** Per test, so that without OpenCL every test is reported as skipped (or failed, if required). */
    @BeforeEach
    void needsOpenCl() {
        OpenClAssumptions.assumeOpenCl();
    }

    @AfterAll
    static void close() {
        if (backend != null) {
            backend.close();
        }
    }

    // ---------------------------------------------------------------- GEMM

    static Stream<Arguments> gemmCases() {
        int[][] shapes = {{1, 1, 1}, {7, 7, 7}, {129, 129, 129}, {33, 65, 17}, {17, 33, 65}, {4, 8, 1}, {5, 9, 3},
            {1, 130, 7}, {130, 1, 9}, {3, 2, 300}, {64, 128, 32}, {128, 256, 9}, {31, 63, 5}, {32, 64, 6}};
        // GemmKernel packs op(A) in 32-row and op(B) in 64-column panels (8 x 8 work-groups of 4 x 8 tiles):
        // m around 32 and n around 64 (31/32/33, 63/64/65, 129, 130) cross or fill those panels exactly.
        float[][] scalars = {{1f, 0f}, {-0.75f, 0.5f}, {2f, 1f}};
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                float[] ab = scalars[(s[0] + t) % scalars.length];
                cases.add(Arguments.of(t >= 2, t % 2 == 1, s[0], s[1], s[2], ab[0], ab[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "transA={0} transB={1} m={2} n={3} k={4} alpha={5} beta={6}")
    @MethodSource("gemmCases")
    void gemmMatchesReferenceOnOddShapes(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta) {
        Random random = new Random(31L * m + 7L * n + k + (transA ? 1000 : 0) + (transB ? 2000 : 0));
        checkGemm(random, transA, transB, m, n, k, alpha, beta, 0, 0, 0, 0);
    }

    @ParameterizedTest(name = "transA={0} transB={1}")
    @MethodSource("transposes")
    void gemmHonoursOffsetsAndLeadingDimensions(boolean transA, boolean transB) {
        Random random = new Random(99);
        checkGemm(random, transA, transB, 13, 21, 11, 1.25f, -0.5f, 5, 3, 7, 9);
        checkGemm(random, transA, transB, 9, 40, 129, 1f, 0f, 1, 8, 2, 17);
    }

    static Stream<Arguments> transposes() {
        return Stream.of(Arguments.of(false, false), Arguments.of(false, true), Arguments.of(true, false), Arguments.of(true, true));
    }

    @Test
    void gemmWithBetaZeroDoesNotReadC() {
        Random random = new Random(5);
        int m = 11;
        int n = 19;
        int k = 6;
        float[] a = random(random, m * k);
        float[] b = random(random, k * n);
        float[] c = new float[m * n];
        Arrays.fill(c, Float.NaN);
        Matcher<float[]> product = GemmOracle.matchesGemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        backend.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        for (int i = 0; i < c.length; i++) {
            assertFalse(Float.isNaN(c[i]), "NaN leaked from C at " + i);
        }
        assertThat(c, product);
    }

    @Test
    void gemmLeavesEverythingOutsideCUntouched() {
        Random random = new Random(6);
        int m = 5;
        int n = 10;
        int k = 4;
        int ldc = 13;
        float[] a = random(random, m * k);
        float[] b = random(random, k * n);
        float[] c = random(random, 3 + m * ldc + 4);
        float[] before = c.clone();
        backend.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0.5f, c, 3, ldc);
        for (int idx = 0; idx < c.length; idx++) {
            int rel = idx - 3;
            boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
            if (!inside) {
                assertThat("element " + idx + " outside C changed", c[idx], is(before[idx]));
            }
        }
    }

    @Test
    void gemmAfterALargerCallStillCorrect() {
        // Scratch buffers are reused across calls: a small call after a large one must not see stale data.
        Random random = new Random(8);
        checkGemm(random, false, false, 70, 90, 50, 1f, 0f, 0, 0, 0, 0);
        checkGemm(random, true, true, 9, 7, 5, 1f, 1f, 0, 0, 0, 0);
        checkGemm(random, false, true, 70, 90, 3, -1f, 0.25f, 0, 0, 0, 0);
    }

    @Test
    void gemmDegenerateShapes() {
        float[] c = {1f, 2f, 3f, 4f};
        backend.gemm(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0.5f, c, 0, 2);
        assertArrayEquals(new float[] {0.5f, 1f, 1.5f, 2f}, c);
        backend.gemm(false, false, 0, 2, 3, 1f, new float[0], 0, 3, new float[6], 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[] {0.5f, 1f, 1.5f, 2f}, c);
    }

    @Test
    void gemmRunsOnOpenClAndProvesIt() {
        Random random = new Random(10);
        checkGemm(random, false, false, 33, 65, 17, 1f, 0f, 0, 0, 0, 0);
        ExecutionProof proof = backend.lastExecution("gemm");
        assertTrue(proof.executed());
        assertTrue(proof.ranOnOpenCl(), proof.toString());
        assertThat(proof.toString(), proof.executionEvents(), greaterThan(0));
        assertThat(proof.failedDevices(), is(empty()));
        assertThat(proof.failure(), is(nullValue()));
        assertTrue(proof.proven());
        assertThat(proof.device(), is(backend.device().name()));
    }

    @Test
    void concurrentGemmCallsAreSerializedCorrectly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(100 + seed);
                    checkGemm(random, seed % 2 == 0, seed % 3 == 0, 20 + seed, 31 - seed, 9 + seed, 1f, 0.5f, 0, 0, 0, 0);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------- im2col / col2im

    static Stream<ConvGeometry> geometries() {
        return Stream.of(
                ConvGeometry.of(1, 1, 1, 1, 1, 0),                       // 1x1 everything
                ConvGeometry.of(3, 7, 7, 1, 1, 0),                       // 1x1 kernel
                ConvGeometry.of(2, 9, 9, 3, 2, 1),                       // stride 2, padding
                new ConvGeometry(3, 8, 5, 3, 2, 1, 2, 2, 0, 1, 1),       // non-square everything
                new ConvGeometry(2, 11, 10, 3, 3, 1, 1, 2, 2, 2, 2),     // dilation 2
                new ConvGeometry(1, 13, 6, 2, 4, 3, 1, 0, 3, 3, 1),      // stride 3, dilation, wide padding
                ConvGeometry.of(5, 4, 4, 4, 1, 0));                      // kernel = image
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void im2colMatchesReference(ConvGeometry g) {
        Random random = new Random(g.hashCode());
        int offset = 7;
        float[] image = random(random, offset + g.imageSize() + 5);
        float[] expected = new float[g.columnRows() * g.columnCols()];
        Im2Col.im2col(g, image, offset, expected);
        float[] actual = new float[expected.length];
        Arrays.fill(actual, Float.NaN);
        backend.im2col(g, image, offset, actual);
        assertArrayEquals(expected, actual);
        assertTrue(backend.lastExecution("im2col").proven(), backend.lastExecution("im2col").toString());
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void col2imAddsLikeReference(ConvGeometry g) {
        Random random = new Random(g.hashCode() + 1);
        int offset = 3;
        float[] columns = random(random, g.columnRows() * g.columnCols());
        float[] image = random(random, offset + g.imageSize() + 4);
        float[] expected = image.clone();
        Im2Col.col2im(g, columns, expected, offset);
        float[] actual = image.clone();
        backend.col2im(g, columns, actual, offset);
        // Each pixel sums at most kH*kW column entries onto its old value, in the reference's order.
        for (int i = 0; i < expected.length; i++) {
            double tol = (g.kernelH() * g.kernelW() + 1) * Tolerances.FLOAT_UNIT_ROUNDOFF * 2
                    * (Math.abs(expected[i]) + g.kernelH() * g.kernelW()) + Tolerances.ABSOLUTE_FLOOR;
            assertThat("image[" + i + "]", (double) Math.abs(expected[i] - actual[i]), lessThanOrEqualTo(tol));
        }
        assertTrue(backend.lastExecution("col2im").proven(), backend.lastExecution("col2im").toString());
    }

    @Test
    void convolutionThroughKernelsMatchesCpu() {
        ConvGeometry g = new ConvGeometry(3, 9, 8, 3, 3, 2, 1, 1, 1, 1, 1);
        int batch = 2;
        int out = 5;
        Random random = new Random(12);
        float[] x = random(random, batch * g.imageSize());
        float[] w = random(random, out * g.columnRows());
        float[] bias = random(random, out);
        float[] expected = new float[batch * out * g.columnCols()];
        float[] actual = new float[expected.length];
        new CpuBackend().conv2dForward(g, batch, out, x, w, bias, expected);
        backend.conv2dForward(g, batch, out, x, w, bias, actual);
        for (int i = 0; i < expected.length; i++) {
            assertThat("y[" + i + "]", (double) Math.abs(expected[i] - actual[i]), lessThanOrEqualTo(1e-5 * (1 + Math.abs(expected[i]))));
        }
    }

    // ---------------------------------------------------------------- life cycle

    @Test
    void closeIsIdempotentAndLaterUseFails() {
        OpenClBackend own = OpenClBackend.open();
        own.gemm(false, false, 2, 2, 2, 1f, new float[4], new float[4], 0f, new float[4]);
        own.close();
        own.close();
        assertThrows(IllegalStateException.class,
                () -> own.gemm(false, false, 2, 2, 2, 1f, new float[4], new float[4], 0f, new float[4]));
    }

    @Test
    void namesTheDevice() {
        assertThat(backend.name(), is("opencl"));
        assertTrue(backend.description().startsWith("OpenCL: " + backend.device().name() + " ("), backend.description());
        assertTrue(backend.description().endsWith(", " + backend.device().type() + ")"), backend.description());
        assertThrows(IllegalArgumentException.class, () -> backend.lastExecution("nope"));
    }

    // ---------------------------------------------------------------- helpers

    /** One GEMM with every matrix embedded in a larger array at an offset and with padded rows. */
    private static void checkGemm(Random random, boolean transA, boolean transB, int m, int n, int k,
                                  float alpha, float beta, int offset, int extraA, int extraB, int extraC) {
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        int lda = aCols + extraA;
        int ldb = bCols + extraB;
        int ldc = n + extraC;
        float[] a = random(random, offset + aRows * lda);
        float[] b = random(random, offset + bRows * ldb);
        float[] c = random(random, offset + m * ldc);
        Matcher<float[]> product = GemmOracle.matchesGemm(transA, transB, m, n, k, alpha, a, offset, lda, b, offset,
                ldb, beta, c, offset, ldc);
        backend.gemm(transA, transB, m, n, k, alpha, a, offset, lda, b, offset, ldb, beta, c, offset, ldc);
        assertThat(c, product);
    }

    private static float[] random(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextFloat() * 2f - 1f;
        }
        return x;
    }
}
