package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * 2-D max pooling over a batch of images, as {@code torch.nn.MaxPool2d} (with {@code dilation=1},
 * {@code ceil_mode=False}):
 * <pre>
 *   out[n][c][y][x] = max_{i, j in [0, k)} in[n][c][y*s - p + i][x*s - p + j]
 * </pre>
 * where positions in the padding count as {@code -inf} (they are never chosen).
 *
 * <p>Shapes: input {@code [N, C, H, W]}, output {@code [N, C, H_out, W_out]} with
 * {@code H_out = floor((H + 2p - k) / s) + 1} (likewise {@code W_out}). No parameters.
 *
 * <p>Backward: each output's gradient goes to the one input element that was the maximum of its window,
 * {@code dx[argmax] += dY}; overlapping windows ({@code s < k}) can send several gradients to one element.
 * Ties go to the <em>first</em> maximum in PyTorch's scan order (row by row, left to right); a NaN in a window
 * wins over numbers, as in PyTorch. Forward caches the index of each maximum for backward.
 *
 * <p>Defaults: {@code stride = kernelSize}, {@code padding = 0}; padding may be at most {@code kernelSize / 2}.
 * Same in train and eval mode.
 */
public class MaxPool2d extends Module {

    private final PoolWindow window;

    /** Cache for backward: flat input index of each output's maximum, and the windows of the last input. */
    private int[] argmax;
    private PoolGrid grid;

    /** {@code MaxPool2d(kernelSize)}: stride = kernel size, no padding (non-overlapping windows). */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /** {@code MaxPool2d(kernelSize, stride)}, no padding. */
    public MaxPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0);
    }

    /**
     * @param kernelSize window height and width ({@code >= 1})
     * @param stride     step between windows ({@code >= 1})
     * @param padding    implicit {@code -inf} border on each side ({@code 0 <= padding <= kernelSize / 2})
     */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this.window = PoolWindow.of(repr(kernelSize, stride, padding), kernelSize, stride, padding);
    }

    @Override
    protected Tensor doForward(Tensor x) {
        grid = window.grid(describe(), x);
        Tensor y = Tensor.zeros(grid.outputShape());
        float[] in = x.data();
        float[] out = y.data();
        argmax = new int[out.length];
        if (window.kernel() == 2 && window.stride() == 2 && window.padding() == 0) {
            grid.max2x2(in, out, argmax);
        } else {
            grid.max(in, out, argmax);
        }
        return y;
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        Tensor dx = Tensor.zeros(grid.inputShape());
        float[] dIn = dx.data();
        float[] dOut = gradOut.data();
        for (int i = 0; i < dOut.length; i++) {
            dIn[argmax[i]] += dOut[i];
        }
        return dx;
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + window.kernel() + ", stride=" + window.stride() + ", padding=" + window.padding()
                + ", dilation=1, ceil_mode=False";
    }

    private static String repr(int kernelSize, int stride, int padding) {
        return "MaxPool2d(kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ")";
    }
}
