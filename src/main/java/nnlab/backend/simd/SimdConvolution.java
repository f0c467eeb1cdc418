package nnlab.backend.simd;

import java.util.Arrays;
import nnlab.backend.ConvGeometry;
import nnlab.backend.Im2Col;

/**
 * The three convolution passes of the {@code simd} backend, spread over the worker threads image by image.
 *
 * <p>The products are the same as {@link nnlab.backend.Backend}'s defaults (im2col, then one GEMM per
 * image), but each worker thread takes whole images: it builds the image's column matrix in its own
 * buffer and runs the image's product on its own thread ({@link SimdBackend#gemmOnCallingThread}). A
 * convolution's per-image products are small (for MNIST's second layer 64 x 196 x 288), too small to
 * split one of them across threads with profit, and this way im2col and col2im run in parallel too.
 *
 * <p>Results do not depend on the number of threads: forward and input gradient write disjoint images,
 * and the filter gradient is summed in {@link #FILTER_PARTS} fixed groups of images, then the groups in
 * order.
 */
final class SimdConvolution {

    /**
     * The filter gradient {@code sum_n dY_n cols(x_n)^T} is accumulated in this many partial sums (fixed,
     * so the rounding does not change with the thread count), each over a contiguous group of images.
     */
    static final int FILTER_PARTS = 16;

    /** Per-thread column matrix, grown on demand. */
    private static final ThreadLocal<float[][]> COLUMNS = ThreadLocal.withInitial(() -> new float[1][0]);

    private SimdConvolution() {
    }

    private static float[] columns(ConvGeometry g) {
        float[][] holder = COLUMNS.get();
        int need = g.columnRows() * g.columnCols();
        if (holder[0].length < need) {
            holder[0] = new float[need];
        }
        return holder[0];
    }

    /** {@code y_n = W * im2col(x_n) + bias}, for every image {@code n}; see {@link nnlab.backend.Backend#conv2dForward}. */
    static void forward(SimdThreads threads, ConvGeometry g, int batch, int outChannels,
                        float[] x, float[] weight, float[] bias, float[] y) {
        int rows = g.columnRows();
        int cols = g.columnCols();
        threads.parallelFor(batch, n -> {
            float[] columns = columns(g);
            Im2Col.im2col(g, x, n * g.imageSize(), columns);
            int yOff = n * outChannels * cols;
            SimdBackend.gemmOnCallingThread(false, false, outChannels, cols, rows, 1f, weight, 0, rows,
                    columns, 0, cols, 0f, y, yOff, cols);
            if (bias != null) {
                for (int o = 0; o < outChannels; o++) {
                    float bo = bias[o];
                    int base = yOff + o * cols;
                    for (int p = 0; p < cols; p++) {
                        y[base + p] += bo;
                    }
                }
            }
        });
    }

    /** {@code dx_n = col2im(W^T dY_n)}, overwriting {@code dx}; see {@link nnlab.backend.Backend#conv2dBackwardData}. */
    static void backwardData(SimdThreads threads, ConvGeometry g, int batch, int outChannels,
                             float[] dy, float[] weight, float[] dx) {
        int rows = g.columnRows();
        int cols = g.columnCols();
        threads.parallelFor(batch, n -> {
            float[] columns = columns(g);
            SimdBackend.gemmOnCallingThread(true, false, rows, cols, outChannels, 1f, weight, 0, rows,
                    dy, n * outChannels * cols, cols, 0f, columns, 0, cols);
            Arrays.fill(dx, n * g.imageSize(), (n + 1) * g.imageSize(), 0f);
            Im2Col.col2im(g, columns, dx, n * g.imageSize());
        });
    }

    /**
     * {@code dW += sum_n dY_n im2col(x_n)^T} and {@code dBias[o] += sum_{n,p} dY[n][o][p]} (if not null);
     * see {@link nnlab.backend.Backend#conv2dBackwardFilter}.
     */
    static void backwardFilter(SimdThreads threads, ConvGeometry g, int batch, int outChannels,
                               float[] x, float[] dy, float[] dWeight, float[] dBias) {
        int rows = g.columnRows();
        int cols = g.columnCols();
        int weights = outChannels * rows;
        int parts = Math.min(batch, FILTER_PARTS);
        float[] partial = new float[parts * weights];
        float[] partialBias = dBias == null ? null : new float[parts * outChannels];
        threads.parallelFor(parts, part -> {
            float[] columns = columns(g);
            int first = (int) ((long) batch * part / parts);
            int end = (int) ((long) batch * (part + 1) / parts);
            for (int n = first; n < end; n++) {
                Im2Col.im2col(g, x, n * g.imageSize(), columns);
                int dyOff = n * outChannels * cols;
                SimdBackend.gemmOnCallingThread(false, true, outChannels, rows, cols, 1f, dy, dyOff, cols,
                        columns, 0, cols, 1f, partial, part * weights, rows);
                if (partialBias != null) {
                    for (int o = 0; o < outChannels; o++) {
                        float s = 0f;
                        int base = dyOff + o * cols;
                        for (int p = 0; p < cols; p++) {
                            s += dy[base + p];
                        }
                        partialBias[part * outChannels + o] += s;
                    }
                }
            }
        });
        for (int part = 0; part < parts; part++) {
            int base = part * weights;
            for (int i = 0; i < weights; i++) {
                dWeight[i] += partial[base + i];
            }
            if (dBias != null) {
                for (int o = 0; o < outChannels; o++) {
                    dBias[o] += partialBias[part * outChannels + o];
                }
            }
        }
    }
}
