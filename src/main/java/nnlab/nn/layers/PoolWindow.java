package nnlab.nn.layers;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * The square window of {@link MaxPool2d} and {@link AvgPool2d}: kernel size, stride and implicit padding, with
 * PyTorch's checks and output size ({@code ceil_mode=False}, {@code dilation=1}):
 * <pre>
 *   out = floor((in + 2*padding - kernel) / stride) + 1
 * </pre>
 * Output position {@code o} covers input rows {@code o*stride - padding ..  o*stride - padding + kernel - 1}.
 */
record PoolWindow(int kernel, int stride, int padding) {

    /** Checks the sizes as PyTorch does; {@code layer} names the pool in the message. */
    static PoolWindow of(String layer, int kernel, int stride, int padding) {
        if (kernel < 1) {
            throw new IllegalArgumentException(layer + ": kernel_size must be >= 1, got " + kernel);
        }
        if (stride < 1) {
            throw new IllegalArgumentException(layer + ": stride must be >= 1, got " + stride);
        }
        if (padding < 0 || padding > kernel / 2) {
            throw new IllegalArgumentException(layer + ": padding must be between 0 and half the kernel size ("
                    + kernel / 2 + "), got " + padding + "; as in PyTorch, a window may not lie mostly in the padding");
        }
        return new PoolWindow(kernel, stride, padding);
    }

    /** {@code floor((size + 2*padding - kernel) / stride) + 1}; may be less than 1 for a too small input. */
    int outputSize(int size) {
        return Math.floorDiv(size + 2 * padding - kernel, stride) + 1;
    }

    /** First input row (or column) of window {@code o}, possibly negative (in the padding). */
    int start(int o) {
        return o * stride - padding;
    }

    /**
     * Checks that {@code x} is {@code [N, C, H, W]} and large enough, and returns the output shape
     * {@code [N, C, outH, outW]}; {@code layer} names the pool in the messages.
     */
    int[] outputShape(String layer, Tensor x) {
        requireImageBatch(layer, x);
        int outH = outputSize(x.dim(2));
        int outW = outputSize(x.dim(3));
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException(layer + " on input " + Arrays.toString(x.shape())
                    + " gives output size " + outH + "x" + outW + ", which is too small; the padded input "
                    + (x.dim(2) + 2 * padding) + "x" + (x.dim(3) + 2 * padding) + " must be at least "
                    + kernel + "x" + kernel + ": use a smaller kernel or a larger input");
        }
        return new int[] {x.dim(0), x.dim(1), outH, outW};
    }

    /**
     * The windows over {@code x} (checked as by {@link #outputShape}): window {@code o} spans
     * {@code start(o) .. min(start(o) + kernel, size + padding) - 1}, as PyTorch counts it, padding included.
     */
    PoolGrid grid(String layer, Tensor x) {
        int[] outShape = outputShape(layer, x);
        int height = x.dim(2);
        int width = x.dim(3);
        return new PoolGrid(x.shape(), outShape[2], this::start, oy -> Math.min(start(oy) + kernel, height + padding),
                outShape[3], this::start, ox -> Math.min(start(ox) + kernel, width + padding));
    }

    /** Checks that {@code x} is a batch of images {@code [N, C, H, W]}. */
    static void requireImageBatch(String layer, Tensor x) {
        if (x.ndim() != 4) {
            throw new IllegalArgumentException(layer + " expects input [N, C, H, W], got " + Arrays.toString(x.shape())
                    + (x.ndim() == 3 ? "; add a batch dimension: x.reshape(1, C, H, W)"
                    : "; reshape it to [N, C, H, W]"));
        }
    }
}
