package nnlab.backend;

/**
 * A compute backend: the few coarse, heavy operations that everything in nnlab is built from.
 *
 * <p>All matrices are dense, row-major {@code float[]} arrays addressed as in BLAS: a matrix
 * {@code X} with leading dimension {@code ldx} stored from {@code xOffset} has element
 * {@code X[i][j] = x[xOffset + i * ldx + j]}. Implementations:
 * <ul>
 *   <li>{@code cpu} ({@link CpuBackend}): EJML and plain Java; the reference every other backend is tested against.</li>
 *   <li>{@code simd} ({@link nnlab.backend.simd.SimdBackend}): register-blocked kernels on the JDK Vector API.</li>
 *   <li>{@code opencl} ({@link nnlab.backend.opencl.OpenClBackend}): Aparapi kernels on an OpenCL device.</li>
 * </ul>
 * Pick one with {@link Backends#current()} (which honours {@code NNLAB_BACKEND} / {@code -Dnnlab.backend}).
 *
 * <p>Element-wise and reduction operations have plain-Java default implementations here; a backend
 * overrides them only where it is faster. Backends are thread-safe for concurrent calls unless their
 * javadoc says otherwise, and hold native resources that {@link #close()} releases.
 */
public interface Backend extends AutoCloseable {

    /** Short name used for selection: {@code cpu}, {@code simd} or {@code opencl}. */
    String name();

    /** One line that tells a person what actually runs, e.g. {@code "OpenCL: pthread-AMD EPYC (PoCL 3.1, CPU)"}. */
    String description();

    /**
     * How many hardware threads (or OpenCL compute units) one large call uses; benchmarks report it.
     * Defaults to 1.
     */
    default int parallelism() {
        return 1;
    }

    /**
     * General matrix multiply, {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(X)} is
     * {@code X} or its transpose.
     *
     * <p>Shapes: {@code op(A)} is {@code [m, k]}, {@code op(B)} is {@code [k, n]}, {@code C} is {@code [m, n]}.
     * So {@code A} is stored as {@code [m, k]} (or {@code [k, m]} when {@code transA}), with row stride
     * {@code lda}; likewise {@code B} is {@code [k, n]} (or {@code [n, k]} when {@code transB}).
     * As in BLAS, when {@code beta == 0} the old contents of {@code C} are not read (NaN in C does not
     * propagate). When {@code k == 0} the product is zero and {@code C = beta * C}.
     *
     * @throws IllegalArgumentException when a dimension is negative, a leading dimension is too small,
     *         or an array is too short for the described matrix (checked by {@link GemmChecks})
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float alpha, float[] a, int aOffset, int lda,
              float[] b, int bOffset, int ldb,
              float beta, float[] c, int cOffset, int ldc);

    /** Convenience for packed matrices: {@code lda}, {@code ldb}, {@code ldc} are the stored row lengths, offsets 0. */
    default void gemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, float[] b, float beta, float[] c) {
        gemm(transA, transB, m, n, k, alpha, a, 0, transA ? m : k, b, 0, transB ? k : n, beta, c, 0, n);
    }

    /**
     * Unfolds one image into the column matrix used by convolution-as-GEMM.
     *
     * <p>Input {@code image[imageOffset ..]} is {@code [C, H, W]}; output {@code columns} is
     * {@code [C*kH*kW, outH*outW]} (see {@link ConvGeometry#columnRows()} / {@link ConvGeometry#columnCols()}):
     * <pre>columns[(c*kH + i)*kW + j][oy*outW + ox] = image[c][oy*strideH - padH + i*dilationH][ox*strideW - padW + j*dilationW]</pre>
     * with zero where the index falls in the padding. Every element of {@code columns} is written.
     */
    void im2col(ConvGeometry g, float[] image, int imageOffset, float[] columns);

    /**
     * The adjoint of {@link #im2col}: scatters a column matrix back onto one image, <b>adding</b> into
     * {@code image[imageOffset ..]} (which the caller zeroes first if it wants a fresh gradient).
     * Shapes as in {@link #im2col}; padding positions are dropped.
     */
    void col2im(ConvGeometry g, float[] columns, float[] image, int imageOffset);

    // ---------------------------------------------------------------- element-wise (plain-Java defaults)

    /** {@code y[i] += alpha * x[i]} for {@code i < n} (BLAS saxpy). */
    default void axpy(int n, float alpha, float[] x, float[] y) {
        for (int i = 0; i < n; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** {@code out[i] = a[i] + b[i]}; {@code out} may alias {@code a} or {@code b}. */
    default void add(int n, float[] a, float[] b, float[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] + b[i];
        }
    }

    /** {@code out[i] = a[i] * b[i]}; {@code out} may alias {@code a} or {@code b}. */
    default void mul(int n, float[] a, float[] b, float[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i];
        }
    }

    /** {@code out[i] = alpha * x[i]}; {@code out} may alias {@code x}. */
    default void scale(int n, float alpha, float[] x, float[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = alpha * x[i];
        }
    }

    /** Bias broadcast: {@code matrix[r][c] += row[c]} for a packed {@code [rows, cols]} matrix. */
    default void addRowVector(int rows, int cols, float[] row, float[] matrix) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                matrix[base + c] += row[c];
            }
        }
    }

    /** Column sums (bias gradient): {@code out[c] = sum_r matrix[r][c]} for a packed {@code [rows, cols]} matrix. */
    default void sumRows(int rows, int cols, float[] matrix, float[] out) {
        java.util.Arrays.fill(out, 0, cols, 0f);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c] += matrix[base + c];
            }
        }
    }

    /** {@code out[i] = max(x[i], 0)}, NaN staying NaN as in PyTorch; {@code out} may alias {@code x}. */
    default void relu(int n, float[] x, float[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = x[i] < 0f ? 0f : x[i];
        }
    }

    /**
     * ReLU's backward pass: {@code dx[i] = x[i] <= 0 ? 0 : dy[i]}, as PyTorch's {@code threshold_backward}
     * (a NaN input passes the gradient through); {@code dx} may alias {@code dy}.
     */
    default void reluBackward(int n, float[] dy, float[] x, float[] dx) {
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] <= 0f ? 0f : dy[i];
        }
    }

    // ---------------------------------------------------------------- convolution built on im2col + GEMM

    /**
     * 2-D convolution forward for a batch (cross-correlation, as PyTorch's {@code conv2d}):
     * {@code y[n][o] = sum_c W[o][c] * x[n][c] + bias[o]}.
     *
     * <p>Shapes: {@code x [N, C, H, W]}, {@code weight [O, C, kH, kW]}, {@code bias [O]} or {@code null},
     * output {@code y [N, O, outH, outW]} (overwritten). Implemented per image as
     * {@code y_n = W_[O, C*kH*kW] * im2col(x_n)}.
     */
    default void conv2dForward(ConvGeometry g, int batch, int outChannels,
                               float[] x, float[] weight, float[] bias, float[] y) {
        int rows = g.columnRows();
        int cols = g.columnCols();
        float[] columns = new float[rows * cols];
        for (int n = 0; n < batch; n++) {
            im2col(g, x, n * g.imageSize(), columns);
            int yOff = n * outChannels * cols;
            gemm(false, false, outChannels, cols, rows, 1f, weight, 0, rows, columns, 0, cols, 0f, y, yOff, cols);
            if (bias != null) {
                for (int o = 0; o < outChannels; o++) {
                    float bo = bias[o];
                    int base = yOff + o * cols;
                    for (int p = 0; p < cols; p++) {
                        y[base + p] += bo;
                    }
                }
            }
        }
    }

    /**
     * Gradient of {@link #conv2dForward} with respect to its input:
     * {@code dx_n = col2im(W^T * dy_n)}. {@code dx [N, C, H, W]} is overwritten.
     */
    default void conv2dBackwardData(ConvGeometry g, int batch, int outChannels,
                                    float[] dy, float[] weight, float[] dx) {
        int rows = g.columnRows();
        int cols = g.columnCols();
        float[] columns = new float[rows * cols];
        java.util.Arrays.fill(dx, 0, batch * g.imageSize(), 0f);
        for (int n = 0; n < batch; n++) {
            gemm(true, false, rows, cols, outChannels, 1f, weight, 0, rows, dy, n * outChannels * cols, cols,
                    0f, columns, 0, cols);
            col2im(g, columns, dx, n * g.imageSize());
        }
    }

    /**
     * Gradient of {@link #conv2dForward} with respect to the weights, <b>accumulated</b> into
     * {@code dWeight [O, C, kH, kW]}: {@code dW += sum_n dy_n * im2col(x_n)^T}. Bias gradient, if
     * {@code dBias} is not null, accumulates {@code dBias[o] += sum_{n,p} dy[n][o][p]}.
     */
    default void conv2dBackwardFilter(ConvGeometry g, int batch, int outChannels,
                                      float[] x, float[] dy, float[] dWeight, float[] dBias) {
        int rows = g.columnRows();
        int cols = g.columnCols();
        float[] columns = new float[rows * cols];
        for (int n = 0; n < batch; n++) {
            im2col(g, x, n * g.imageSize(), columns);
            int dyOff = n * outChannels * cols;
            gemm(false, true, outChannels, rows, cols, 1f, dy, dyOff, cols, columns, 0, cols, 1f, dWeight, 0, rows);
            if (dBias != null) {
                for (int o = 0; o < outChannels; o++) {
                    float s = 0f;
                    int base = dyOff + o * cols;
                    for (int p = 0; p < cols; p++) {
                        s += dy[base + p];
                    }
                    dBias[o] += s;
                }
            }
        }
    }

    /** Releases native resources (OpenCL kernels and buffers, thread pools). Idempotent; never throws. */
    @Override
    default void close() {
    }
}
