package nnlab.nn.layers;

import static nnlab.testing.FloatArrayMatchers.withinBounds;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnlab.backend.Backend;
import nnlab.backend.Backends;
import nnlab.backend.ConvGeometry;
import nnlab.backend.CpuBackend;
import nnlab.backend.opencl.OpenClAssumptions;
import nnlab.backend.opencl.OpenClBackend;
import nnlab.backend.simd.SimdSupport;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import nnlab.testing.TestSeeds;
import nnlab.testing.Tolerances;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Conv2d runs forward and backward on {@link Backends#current()}, and gives the same output and gradients on
 * {@code cpu}, {@code simd} and {@code opencl} (skipped without OpenCL, failed where {@code NNLAB_REQUIRE_OPENCL=1}).
 *
 * <p>Bound: each backend computes every output as some float32 summation of its {@code k} products, so each is
 * within {@code gamma_k * M} of the exact value, where {@code M} is the same computation on absolute values
 * (Higham, eq. 3.5; {@link Tolerances#gemmRelativeBound}); two backends therefore differ by at most twice that.
 * {@code k} is {@code C*kH*kW + 1} for the output (bias included), {@code O + kH*kW} for dx (a GEMM over output
 * channels, then col2im adds up to {@code kH*kW} columns) and {@code N*(H_out*W_out + 1)} for dW and db.
 * The bound is a worst case, so the test cannot flake.
 */
class Conv2dBackendsTest {

    /** Layer, input and upstream gradient of one comparison. */
    private record Setup(Conv2d conv, Tensor x, Tensor dy) {
    }

    /** What one backend produced. */
    private record Result(Tensor y, Tensor dx, Tensor dw, Tensor db) {
    }

    @Test
    void forwardAndBackwardRunOnTheCurrentBackend() {
        CountingBackend counting = new CountingBackend();
        Conv2d conv = Conv2d.builder(2, 3, 3).padding(1).rng(Tensor.rng(1)).build();
        try (BackendScope on = BackendScope.use(counting)) {
            conv.forward(Tensor.ones(2, 2, 4, 4));
            conv.backward(Tensor.ones(2, 3, 4, 4));
            assertThat(Backends.current(), is(sameInstance(counting)));
        }
        assertThat(counting.calls, is(List.of("conv2dForward", "conv2dBackwardFilter", "conv2dBackwardData")));
        assertThat(Backends.current() == counting, is(false));
    }

    @Test
    void simdAgreesWithCpu() {
        Assumptions.assumeTrue(SimdSupport.available(), "the JVM lacks --add-modules jdk.incubator.vector");
        try (Backend simd = Backends.create("simd")) {
            compareWithCpu(simd);
        }
    }

    @Test
    void openClAgreesWithCpuAndReallyRunsOnTheDevice() {
        OpenClAssumptions.assumeOpenCl();
        try (OpenClBackend opencl = (OpenClBackend) Backends.create("opencl")) {
            compareWithCpu(opencl);
            for (String kernel : List.of("gemm", "im2col", "col2im")) {
                assertTrue(opencl.lastExecution(kernel).proven(), () -> opencl.lastExecution(kernel).toString());
            }
        }
    }

    private static void compareWithCpu(Backend other) {
        for (Setup s : setups()) {
            Result expected = run(new CpuBackend(), s);
            Result actual = run(other, s);
            Result magnitude = magnitudes(s);
            ConvGeometry g = s.conv.geometry(s.x.dim(2), s.x.dim(3));
            int kernelArea = g.kernelH() * g.kernelW();
            int pixelSums = s.x.dim(0) * (g.columnCols() + 1);
            String what = other.name() + " vs cpu, " + s.conv + " on " + Arrays.toString(s.x.shape());
            assertThat(what + ": output", actual.y.data(),
                    withinBounds(expected.y.data(), bounds(magnitude.y, g.columnRows() + 1)));
            assertThat(what + ": dx", actual.dx.data(),
                    withinBounds(expected.dx.data(), bounds(magnitude.dx, s.conv.outChannels() + kernelArea)));
            assertThat(what + ": dW", actual.dw.data(), withinBounds(expected.dw.data(), bounds(magnitude.dw, pixelSums)));
            assertThat(what + ": db", actual.db.data(), withinBounds(expected.db.data(), bounds(magnitude.db, pixelSums)));
        }
    }

    /** Random configurations from the gradient-check cases, plus one large enough to span several GEMM tiles. */
    private static List<Setup> setups() {
        List<Setup> setups = new ArrayList<>();
        GradCheckSeeds.forCase(331).limit(10).forEach(seed -> {
            ConvPoolCases.Case c = ConvPoolCases.conv(seed);
            Conv2d conv = (Conv2d) c.module();
            setups.add(new Setup(conv, c.input(), upstream(conv, c.input(), Tensor.rng(seed + 1))));
        });
        RandomGenerator rng = Tensor.rng(TestSeeds.of(332));
        Conv2d big = Conv2d.builder(8, 70, 3).stride(2).padding(1).rng(rng).build();
        Tensor x = Tensor.uniform(rng, -1f, 1f, 3, 8, 23, 19);
        setups.add(new Setup(big, x, upstream(big, x, rng)));
        return setups;
    }

    private static Tensor upstream(Conv2d conv, Tensor x, RandomGenerator rng) {
        ConvGeometry g = conv.geometry(x.dim(2), x.dim(3));
        return Tensor.uniform(rng, -1f, 1f, x.dim(0), conv.outChannels(), g.outHeight(), g.outWidth());
    }

    private static Result run(Backend backend, Setup s) {
        try (BackendScope on = BackendScope.use(backend)) {
            s.conv.zeroGrad();
            Tensor y = s.conv.forward(s.x);
            Tensor dx = s.conv.backward(s.dy);
            Tensor db = s.conv.bias() == null ? Tensor.zeros(0) : s.conv.bias().grad().copy();
            return new Result(y, dx, s.conv.weight().grad().copy(), db);
        }
    }

    /** The same computation on |x|, |W|, |b| and |dY| (on cpu): the magnitude each rounding error is relative to. */
    private static Result magnitudes(Setup s) {
        Conv2d like = s.conv;
        ConvGeometry g = like.geometry(s.x.dim(2), s.x.dim(3));
        Conv2d abs = Conv2d.builder(like.inChannels(), like.outChannels(), g.kernelH(), g.kernelW())
                .stride(g.strideH(), g.strideW()).padding(g.padH(), g.padW()).dilation(g.dilationH(), g.dilationW())
                .bias(like.bias() != null).rng(Tensor.rng(0)).build();
        abs.weight().value().copyFrom(like.weight().value().abs());
        if (like.bias() != null) {
            abs.bias().value().copyFrom(like.bias().value().abs());
        }
        return run(new CpuBackend(), new Setup(abs, s.x.abs(), s.dy.abs()));
    }

    private static double[] bounds(Tensor magnitude, int terms) {
        float[] m = magnitude.data();
        double[] bound = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            bound[i] = 2 * Tolerances.gemmRelativeBound(terms) * m[i] + Tolerances.ABSOLUTE_FLOOR;
        }
        return bound;
    }

    /** The cpu backend's operations, recording which convolution entry points the layer calls. */
    private static final class CountingBackend implements Backend {
        final List<String> calls = new ArrayList<>();
        private final CpuBackend cpu = new CpuBackend();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String description() {
            return "cpu, counting convolution calls";
        }

        @Override
        public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOffset,
                         int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
            cpu.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        }

        @Override
        public void im2col(ConvGeometry g, float[] image, int imageOffset, float[] columns) {
            cpu.im2col(g, image, imageOffset, columns);
        }

        @Override
        public void col2im(ConvGeometry g, float[] columns, float[] image, int imageOffset) {
            cpu.col2im(g, columns, image, imageOffset);
        }

        @Override
        public void conv2dForward(ConvGeometry g, int batch, int outChannels, float[] x, float[] weight,
                                  float[] bias, float[] y) {
            calls.add("conv2dForward");
            Backend.super.conv2dForward(g, batch, outChannels, x, weight, bias, y);
        }

        @Override
        public void conv2dBackwardData(ConvGeometry g, int batch, int outChannels, float[] dy, float[] weight,
                                       float[] dx) {
            calls.add("conv2dBackwardData");
            Backend.super.conv2dBackwardData(g, batch, outChannels, dy, weight, dx);
        }

        @Override
        public void conv2dBackwardFilter(ConvGeometry g, int batch, int outChannels, float[] x, float[] dy,
                                         float[] dWeight, float[] dBias) {
            calls.add("conv2dBackwardFilter");
            Backend.super.conv2dBackwardFilter(g, batch, outChannels, x, dy, dWeight, dBias);
        }
    }
}
