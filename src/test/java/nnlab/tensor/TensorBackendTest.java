package nnlab.tensor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import nnlab.backend.Backend;
import nnlab.backend.Backends;
import nnlab.backend.ConvGeometry;
import nnlab.backend.CpuBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The heavy tensor operations run on {@link nnlab.backend.Backends#current()}, so that a faster backend speeds them up.
 * A recording backend (the CPU backend plus a call log) is installed for each test and removed after it.
 */
class TensorBackendTest {

    private Backend previous;
    private RecordingBackend recorder;

    @BeforeEach
    void installRecorder() {
        previous = Backends.current();
        recorder = new RecordingBackend();
        Backends.use(recorder);
    }

    @AfterEach
    void restoreBackend() {
        Backends.use(previous);
    }

    @Test
    void useMakesTheRecorderTheCurrentBackend() {
        assertSame(recorder, Backends.current());
    }

    @Test
    void matmulRunsOnTheBackendGemm() {
        Tensor.ones(2, 3).matmul(Tensor.ones(3, 4));
        assertThat(recorder.calls, contains("gemm"));
    }

    @Test
    void addOfEqualShapesAndOfABiasRunOnTheBackend() {
        Tensor x = Tensor.ones(2, 3);
        x.add(x);
        x.add(Tensor.ones(3));
        assertThat(recorder.calls, contains("add", "addRowVector"));
    }

    @Test
    void optimizerStyleUpdatesRunOnTheBackend() {
        Tensor w = Tensor.ones(4);
        w.addScaledInPlace(-0.1f, Tensor.ones(4));
        w.scaleInPlace(0.5f);
        w.mulInPlace(w);
        assertThat(recorder.calls, contains("axpy", "scale", "mul"));
    }

    @Test
    void reluAndTheBiasGradientColumnSumRunOnTheBackend() {
        Tensor x = Tensor.ones(2, 3);
        x.relu();
        assertEquals(Tensor.full(2f, 3), x.sum(0));
        assertThat(recorder.calls, contains("relu", "sumRows"));
    }

    @Test
    void plainJavaOpsDoNotTouchTheBackend() {
        Tensor.ones(2, 3).exp().sum(1);
        assertThat(recorder.calls, empty());
    }

    /** The CPU backend, logging the name of every call. */
    private static final class RecordingBackend implements Backend {
        final List<String> calls = new ArrayList<>();
        private final CpuBackend cpu = new CpuBackend();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String description() {
            return "CPU backend that records its calls (test)";
        }

        @Override
        public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                         float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
            calls.add("gemm");
            cpu.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        }

        @Override
        public void im2col(ConvGeometry g, float[] image, int imageOffset, float[] columns) {
            calls.add("im2col");
            cpu.im2col(g, image, imageOffset, columns);
        }

        @Override
        public void col2im(ConvGeometry g, float[] columns, float[] image, int imageOffset) {
            calls.add("col2im");
            cpu.col2im(g, columns, image, imageOffset);
        }

        @Override
        public void axpy(int n, float alpha, float[] x, float[] y) {
            calls.add("axpy");
            cpu.axpy(n, alpha, x, y);
        }

        @Override
        public void add(int n, float[] a, float[] b, float[] out) {
            calls.add("add");
            cpu.add(n, a, b, out);
        }

        @Override
        public void mul(int n, float[] a, float[] b, float[] out) {
            calls.add("mul");
            cpu.mul(n, a, b, out);
        }

        @Override
        public void scale(int n, float alpha, float[] x, float[] out) {
            calls.add("scale");
            cpu.scale(n, alpha, x, out);
        }

        @Override
        public void addRowVector(int rows, int cols, float[] row, float[] matrix) {
            calls.add("addRowVector");
            cpu.addRowVector(rows, cols, row, matrix);
        }

        @Override
        public void sumRows(int rows, int cols, float[] matrix, float[] out) {
            calls.add("sumRows");
            cpu.sumRows(rows, cols, matrix, out);
        }

        @Override
        public void relu(int n, float[] x, float[] out) {
            calls.add("relu");
            cpu.relu(n, x, out);
        }
    }
}
