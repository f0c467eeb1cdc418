package nnlab.backend;

import static nnlab.testing.FloatArrayMatchers.closeTo;
import static nnlab.testing.FloatArrayMatchers.withinBounds;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import nnlab.testing.GemmOracle;
import nnlab.testing.TestSeeds;
import nnlab.testing.Tolerances;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Backend} must meet, checked against exact references: {@link ReferenceGemm}
 * (double accumulation) for GEMM and {@link Im2Col} for the unfolding. A backend's test class extends
 * this and supplies {@link #createBackend()}; the backend is created once per class and closed after.
 *
 * <p>Shapes deliberately include 1, 7, 129 and sizes that are multiples of no tile size, every
 * transpose combination, several alpha/beta pairs, and non-zero offsets with padded leading dimensions.
 * The GEMM bound is {@link Tolerances#gemmRelativeBound(int)}, a worst-case rounding bound, so these
 * tests hold for any summation order and cannot flake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendContractTest {

    /** The backend under test; called once per test class. */
    protected abstract Backend createBackend();

    protected Backend backend;

    @BeforeAll
    void openBackend() {
        backend = createBackend();
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    // ------------------------------------------------------------------ GEMM

    static Stream<Arguments> gemmCases() {
        int[][] shapes = {
            {1, 1, 1}, {1, 7, 129}, {7, 1, 129}, {129, 7, 1}, {7, 7, 7}, {129, 129, 129},
            {33, 65, 17}, {64, 64, 64}, {100, 3, 250}, {5, 300, 9}, {128, 100, 78}, {257, 129, 300},
        };
        float[][] alphaBeta = {{1f, 0f}, {-0.5f, 2f}, {2f, 1f}};
        List<Arguments> cases = new ArrayList<>();
        int seed = 1;
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                float[] ab = alphaBeta[(seed) % alphaBeta.length];
                cases.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, ab[0], ab[1], seed++));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4} alpha={5} beta={6}")
    @MethodSource("gemmCases")
    void gemmMatchesReferenceForPackedMatrices(int m, int n, int k, boolean transA, boolean transB,
                                               float alpha, float beta, int seed) {
        checkGemm(m, n, k, transA, transB, alpha, beta, 0, 0, 0, 0, seed);
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4} alpha={5} beta={6}")
    @MethodSource("gemmCases")
    void gemmMatchesReferenceWithOffsetsAndPaddedLeadingDimensions(int m, int n, int k, boolean transA,
                                                                   boolean transB, float alpha, float beta, int seed) {
        checkGemm(m, n, k, transA, transB, alpha, beta, 5, 3, 11, 2, seed + 1000);
    }

    @Test
    void gemmWithBetaZeroDoesNotReadC() {
        int m = 9;
        int n = 13;
        int k = 7;
        SplittableRandom rng = new SplittableRandom(TestSeeds.of(42));
        float[] a = random(rng, m * k);
        float[] b = random(rng, k * n);
        float[] c = new float[m * n];
        java.util.Arrays.fill(c, Float.NaN);
        Matcher<float[]> product = GemmOracle.matchesGemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        backend.gemm(false, false, m, n, k, 1f, a, b, 0f, c);
        assertThat(c, product);
    }

    @Test
    void gemmWithEmptyInnerDimensionScalesC() {
        float[] c = {1f, 2f, 3f, 4f, 5f, 6f};
        backend.gemm(false, false, 2, 3, 0, 1f, new float[0], 0, 1, new float[0], 0, 3, 0.5f, c, 0, 3);
        assertThat(c, closeTo(new float[] {0.5f, 1f, 1.5f, 2f, 2.5f, 3f}, 0.0));
    }

    @Test
    void gemmWithNoRowsOrColumnsLeavesArraysUntouched() {
        float[] c = {7f};
        backend.gemm(false, false, 0, 1, 3, 1f, new float[0], 0, 3, new float[3], 0, 1, 0f, c, 0, 1);
        backend.gemm(false, false, 1, 0, 3, 1f, new float[3], 0, 3, new float[0], 0, 1, 0f, c, 0, 1);
        assertThat(c[0], is(7f));
    }

    @Test
    void gemmRejectsAnArrayTooShortForItsShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend.gemm(false, false, 4, 4, 4, 1f, new float[15], new float[16], 0f, new float[16]));
        assertThat(e.getMessage(), containsString("matrix A"));
        assertThat(e.getMessage(), containsString("needs 16 elements"));
    }

    @Test
    void gemmRejectsALeadingDimensionShorterThanTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend.gemm(false, true, 2, 2, 3, 1f, new float[6], 0, 3, new float[6], 0, 2,
                        0f, new float[4], 0, 2));
        assertThat(e.getMessage(), containsString("leading dimension of B"));
    }

    @Test
    void gemmRejectsNegativeDimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend.gemm(false, false, -1, 2, 2, 1f, new float[4], new float[4], 0f, new float[4]));
        assertThat(e.getMessage(), containsString("m=-1"));
    }

    private void checkGemm(int m, int n, int k, boolean transA, boolean transB, float alpha, float beta,
                           int offA, int offB, int offC, int pad, int seed) {
        SplittableRandom rng = new SplittableRandom(TestSeeds.of(seed));
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        int lda = aCols + pad;
        int ldb = bCols + pad;
        int ldc = n + pad;
        float[] a = random(rng, offA + aRows * lda);
        float[] b = random(rng, offB + bRows * ldb);
        float[] c = random(rng, offC + m * ldc);
        Matcher<float[]> product = GemmOracle.matchesGemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb,
                beta, c, offC, ldc);
        backend.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
        assertThat(c, product);
    }

    // ------------------------------------------------------------------ im2col / col2im

    static Stream<ConvGeometry> geometries() {
        return Stream.of(
                ConvGeometry.of(1, 1, 1, 1, 1, 0),
                ConvGeometry.of(1, 7, 7, 3, 1, 1),
                ConvGeometry.of(3, 5, 9, 3, 2, 1),
                ConvGeometry.of(2, 8, 8, 1, 1, 0),
                new ConvGeometry(3, 13, 11, 5, 3, 2, 1, 2, 0, 1, 1),
                new ConvGeometry(2, 10, 9, 3, 3, 1, 2, 2, 2, 2, 2),
                ConvGeometry.of(4, 28, 28, 5, 1, 2));
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void im2colMatchesThePlainJavaReference(ConvGeometry g) {
        SplittableRandom rng = new SplittableRandom(TestSeeds.of(g.hashCode()));
        int offset = 3;
        float[] image = random(rng, offset + g.imageSize());
        float[] expected = new float[g.columnRows() * g.columnCols()];
        Im2Col.im2col(g, image, offset, expected);
        float[] actual = random(rng, expected.length);
        backend.im2col(g, image, offset, actual);
        assertThat(actual, closeTo(expected, 0.0));
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void col2imAddsIntoTheImageLikeThePlainJavaReference(ConvGeometry g) {
        SplittableRandom rng = new SplittableRandom(TestSeeds.of(g.hashCode() + 1));
        float[] columns = random(rng, g.columnRows() * g.columnCols());
        float[] start = random(rng, 2 + g.imageSize());
        float[] expected = start.clone();
        Im2Col.col2im(g, columns, expected, 2);
        float[] actual = start.clone();
        backend.col2im(g, columns, actual, 2);
        // col2im sums up to kH*kW column entries per pixel onto the old value, in an order that may differ from
        // the reference: bound relative to the sum of magnitudes, as for GEMM.
        float[] magnitude = abs(start);
        Im2Col.col2im(g, abs(columns), magnitude, 2);
        assertThat(actual, withinBounds(expected,
                relativeTo(magnitude, Tolerances.gemmRelativeBound(g.kernelH() * g.kernelW() + 1))));
    }

    /** Batch sizes for the convolution tests: small, and larger than the simd backend's 16 filter-gradient groups. */
    static Stream<Integer> convolutionBatches() {
        return Stream.of(2, 37);
    }

    @ParameterizedTest(name = "batch {0}")
    @MethodSource("convolutionBatches")
    void conv2dForwardMatchesADirectConvolution(int batch) {
        ConvGeometry g = new ConvGeometry(3, 9, 8, 3, 2, 2, 1, 1, 1, 1, 1);
        int outChannels = 4;
        SplittableRandom rng = new SplittableRandom(TestSeeds.of(7));
        float[] x = random(rng, batch * g.imageSize());
        float[] w = random(rng, outChannels * g.columnRows());
        float[] bias = random(rng, outChannels);
        float[] y = new float[batch * outChannels * g.columnCols()];
        backend.conv2dForward(g, batch, outChannels, x, w, bias, y);
        float[] expected = DirectConvolution.forward(g, batch, outChannels, x, w, bias);
        // Each output is a sum of C*kH*kW products plus the bias: the GEMM bound, relative to the sum of magnitudes
        // (not to the result, which may cancel to almost nothing).
        float[] magnitude = DirectConvolution.forward(g, batch, outChannels, abs(x), abs(w), abs(bias));
        assertThat(y, withinBounds(expected, relativeTo(magnitude, Tolerances.gemmRelativeBound(g.columnRows() + 1))));
    }

    @ParameterizedTest(name = "batch {0}")
    @MethodSource("convolutionBatches")
    void conv2dBackwardPassesAreTheAdjointsOfTheForwardPass(int batch) {
        // <conv(x, w), dy> = <x, dx(dy, w)> = <w, dw(x, dy)>, bias off: each side is the same trilinear sum.
        ConvGeometry g = new ConvGeometry(2, 7, 6, 3, 3, 2, 1, 1, 0, 1, 1);
        int outChannels = 5;
        SplittableRandom rng = new SplittableRandom(TestSeeds.of(11));
        float[] x = random(rng, batch * g.imageSize());
        float[] w = random(rng, outChannels * g.columnRows());
        float[] dy = random(rng, batch * outChannels * g.columnCols());
        float[] y = new float[dy.length];
        backend.conv2dForward(g, batch, outChannels, x, w, null, y);
        float[] dx = random(rng, x.length); // overwritten, whatever it held
        backend.conv2dBackwardData(g, batch, outChannels, dy, w, dx);
        float[] dw = new float[w.length];
        float[] db = new float[outChannels];
        backend.conv2dBackwardFilter(g, batch, outChannels, x, dy, dw, db);
        double forward = dot(y, dy);
        assertThat(Math.abs(dot(x, dx) - forward) <= 1e-4 * norm1(y, dy), is(true));
        assertThat(Math.abs(dot(w, dw) - forward) <= 1e-4 * norm1(y, dy), is(true));
        double[] sum = new double[outChannels];
        double[] magnitude = new double[outChannels];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outChannels; o++) {
                for (int p = 0; p < g.columnCols(); p++) {
                    float v = dy[(n * outChannels + o) * g.columnCols() + p];
                    sum[o] += v;
                    magnitude[o] += Math.abs(v);
                }
            }
        }
        float[] expectedDb = new float[outChannels];
        double[] bounds = new double[outChannels];
        for (int o = 0; o < outChannels; o++) {
            expectedDb[o] = (float) sum[o];
            bounds[o] = Tolerances.gemmRelativeBound(batch * g.columnCols()) * magnitude[o] + Tolerances.ABSOLUTE_FLOOR;
        }
        assertThat(db, withinBounds(expectedDb, bounds));
    }

    // ------------------------------------------------------------------ element-wise

    @Test
    void elementwiseOpsMatchScalarLoopsIncludingAliasing() {
        int n = 1037;
        SplittableRandom rng = new SplittableRandom(TestSeeds.of(3));
        float[] a = random(rng, n);
        float[] b = random(rng, n);
        float[] sum = new float[n];
        float[] prod = new float[n];
        float[] scaled = new float[n];
        float[] axpy = b.clone();
        float[] relu = new float[n];
        for (int i = 0; i < n; i++) {
            sum[i] = a[i] + b[i];
            prod[i] = a[i] * b[i];
            scaled[i] = -1.5f * a[i];
            axpy[i] += 0.25f * a[i];
            relu[i] = Math.max(a[i], 0f);
        }
        float[] out = new float[n];
        backend.add(n, a, b, out);
        assertThat(out, closeTo(sum, 0.0));
        backend.mul(n, a, b, out);
        assertThat(out, closeTo(prod, 0.0));
        backend.scale(n, -1.5f, a, out);
        assertThat(out, closeTo(scaled, 0.0));
        float[] y = b.clone();
        backend.axpy(n, 0.25f, a, y);
        assertThat(y, closeTo(axpy, Tolerances.ELEMENTWISE_RELATIVE));
        float[] aliased = a.clone();
        backend.relu(n, aliased, aliased);
        assertThat(aliased, closeTo(relu, 0.0));
        float[] dy = random(rng, n);
        float[] reluGrad = new float[n];
        for (int i = 0; i < n; i++) {
            reluGrad[i] = a[i] > 0f ? dy[i] : 0f;
        }
        backend.reluBackward(n, dy, a, out);
        assertThat(out, closeTo(reluGrad, 0.0));
        aliased = a.clone();
        backend.add(n, aliased, b, aliased);
        assertThat(aliased, closeTo(sum, 0.0));
    }

    @Test
    void reluKeepsNanAndNegativeZeroAndPassesTheGradientOfNanAsPyTorchDoes() {
        // torch.relu(tensor([nan, -0., 0., -1., 2.])) = [nan, -0., 0., 0., 2.]; its backward passes dy where x is NaN.
        // 19 copies: the pattern lands in both the vector body and the scalar tail of a vectorised loop.
        float[] pattern = {Float.NaN, -0f, 0f, -1f, 2f};
        int n = pattern.length * 19;
        float[] x = new float[n];
        float[] dy = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = pattern[i % pattern.length];
            dy[i] = i + 1;
        }
        float[] y = new float[n];
        backend.relu(n, x, y);
        float[] dx = new float[n];
        backend.reluBackward(n, dy, x, dx);
        for (int i = 0; i < n; i++) {
            String at = "element " + i + " (x = " + x[i] + ")";
            assertThat("relu " + at, Float.floatToRawIntBits(y[i]),
                    is(Float.floatToRawIntBits(i % pattern.length == 3 ? 0f : x[i])));
            float expectedGrad = (i % pattern.length == 0 || i % pattern.length == 4) ? dy[i] : 0f;
            assertThat("reluBackward " + at, dx[i], is(expectedGrad));
        }
    }

    @Test
    void rowBroadcastAndColumnSumsMatchScalarLoops() {
        int rows = 37;
        int cols = 131;
        SplittableRandom rng = new SplittableRandom(TestSeeds.of(5));
        float[] m = random(rng, rows * cols);
        float[] row = random(rng, cols);
        float[] expected = m.clone();
        double[] sums = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                expected[r * cols + c] += row[c];
                sums[c] += m[r * cols + c];
            }
        }
        float[] actual = m.clone();
        backend.addRowVector(rows, cols, row, actual);
        assertThat(actual, closeTo(expected, 0.0));
        float[] colSums = new float[cols];
        backend.sumRows(rows, cols, m, colSums);
        double[] bound = new double[cols];
        float[] expectedSums = new float[cols];
        for (int c = 0; c < cols; c++) {
            expectedSums[c] = (float) sums[c];
            double mag = 0;
            for (int r = 0; r < rows; r++) {
                mag += Math.abs(m[r * cols + c]);
            }
            bound[c] = Tolerances.gemmRelativeBound(rows) * mag + Tolerances.ABSOLUTE_FLOOR;
        }
        assertThat(colSums, withinBounds(expectedSums, bound));
    }

    // ------------------------------------------------------------------ helpers

    static float[] random(SplittableRandom rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    /** Bounds {@code rel * magnitude[i]} (plus the absolute floor), for sums checked against their sum of magnitudes. */
    private static double[] relativeTo(float[] magnitude, double rel) {
        double[] bounds = new double[magnitude.length];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = rel * magnitude[i] + Tolerances.ABSOLUTE_FLOOR;
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

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double norm1(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs((double) a[i] * b[i]);
        }
        return Math.max(s, 1.0);
    }
}
