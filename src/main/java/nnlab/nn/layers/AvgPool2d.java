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

    /** Cache for backward: the windows of the last input. */
    private PoolGrid grid;

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
        grid = window.grid(describe(), x);
        // out = sum of the window / k^2; padding adds 0 but counts in k^2 (count_include_pad=True)
        return grid.average(x);
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        // dx[window] += dY / k^2
        return grid.averageBackward(gradOut);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + window.kernel() + ", stride=" + window.stride() + ", padding=" + window.padding();
    }

    private static String repr(int kernelSize, int stride, int padding) {
        return "AvgPool2d(kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ")";
    }
}
