package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * 2-D average pooling over a batch of images, as {@code torch.nn.AvgPool2d} with its defaults
 * {@code ceil_mode=False}, {@code count_include_pad=True}:
 * <pre>
 *   out[n][c][y][x] = (1 / k^2) * sum_{i, j in [0, k)} in[n][c][y*s - p + i][x*s - p + j]
 * </pre>
 * where positions in the zero padding add 0 but still count in the divisor {@code k^2}.
 *
 * <p>Shapes: input {@code [N, C, H, W]}, output {@code [N, C, H_out, W_out]} with
 * {@code H_out = floor((H + 2p - k) / s) + 1} (likewise {@code W_out}). No parameters.
 *
 * <p>Backward: every input element of a window receives the window's gradient divided by the divisor,
 * {@code dx[window] += dY / k^2}; overlapping windows add up.
 *
 * <p>Defaults: {@code stride = kernelSize}, {@code padding = 0}; padding may be at most {@code kernelSize / 2}.
 * Same in train and eval mode.
 */
public class AvgPool2d extends Module {

    private final PoolWindow window;

    /** Cache for backward: the input shape. */
    private int[] inputShape;

    /** {@code AvgPool2d(kernelSize)}: stride = kernel size, no padding (non-overlapping windows). */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /** {@code AvgPool2d(kernelSize, stride)}, no padding. */
    public AvgPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0);
    }

    /**
     * @param kernelSize window height and width ({@code >= 1})
     * @param stride     step between windows ({@code >= 1})
     * @param padding    implicit zero border on each side ({@code 0 <= padding <= kernelSize / 2})
     */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this.window = PoolWindow.of(repr(kernelSize, stride, padding), kernelSize, stride, padding);
    }

    @Override
    protected Tensor doForward(Tensor x) {
        int[] outShape = window.outputShape(describe(), x);
        int planes = outShape[0] * outShape[1];
        int height = x.dim(2);
        int width = x.dim(3);
        int outH = outShape[2];
        int outW = outShape[3];
        Tensor y = Tensor.zeros(outShape);
        float[] in = x.data();
        float[] out = y.data();
        for (int plane = 0; plane < planes; plane++) {
            int inBase = plane * height * width;
            for (int oy = 0; oy < outH; oy++) {
                int y0 = window.start(oy);
                int y1 = paddedEnd(y0, height);
                for (int ox = 0; ox < outW; ox++) {
                    int x0 = window.start(ox);
                    int x1 = paddedEnd(x0, width);
                    int divisor = (y1 - y0) * (x1 - x0); // count_include_pad=True: padding counts
                    float sum = 0f;
                    for (int iy = Math.max(y0, 0); iy < Math.min(y1, height); iy++) {
                        for (int ix = Math.max(x0, 0); ix < Math.min(x1, width); ix++) {
                            sum += in[inBase + iy * width + ix];
                        }
                    }
                    out[(plane * outH + oy) * outW + ox] = sum / divisor;
                }
            }
        }
        inputShape = x.shape();
        return y;
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        int planes = inputShape[0] * inputShape[1];
        int height = inputShape[2];
        int width = inputShape[3];
        int outH = gradOut.dim(2);
        int outW = gradOut.dim(3);
        Tensor dx = Tensor.zeros(inputShape);
        float[] dIn = dx.data();
        float[] dOut = gradOut.data();
        for (int plane = 0; plane < planes; plane++) {
            int inBase = plane * height * width;
            for (int oy = 0; oy < outH; oy++) {
                int y0 = window.start(oy);
                int y1 = paddedEnd(y0, height);
                for (int ox = 0; ox < outW; ox++) {
                    int x0 = window.start(ox);
                    int x1 = paddedEnd(x0, width);
                    float share = dOut[(plane * outH + oy) * outW + ox] / ((y1 - y0) * (x1 - x0));
                    for (int iy = Math.max(y0, 0); iy < Math.min(y1, height); iy++) {
                        for (int ix = Math.max(x0, 0); ix < Math.min(x1, width); ix++) {
                            dIn[inBase + iy * width + ix] += share;
                        }
                    }
                }
            }
        }
        return dx;
    }

    /**
     * End (exclusive) of the window starting at {@code start}, counting the padding but not beyond it, as
     * PyTorch's {@code min(start + k, size + padding)}; with {@code ceil_mode=False} this is always {@code start + k}.
     */
    private int paddedEnd(int start, int size) {
        return Math.min(start + window.kernel(), size + window.padding());
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + window.kernel() + ", stride=" + window.stride() + ", padding=" + window.padding();
    }

    private static String repr(int kernelSize, int stride, int padding) {
        return "AvgPool2d(kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ")";
    }
}
