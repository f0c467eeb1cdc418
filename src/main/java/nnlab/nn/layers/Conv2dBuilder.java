package nnlab.nn.layers;

import nnlab.tensor.Generators;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The options of a {@link Conv2d}, PyTorch's keyword arguments as fluent setters; get one from
 * {@link Conv2d#builder(int, int, int)} or {@link Conv2d#builder(int, int, int, int)}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>setter</th><th>PyTorch argument</th><th>default</th></tr>
 *   <tr><td>{@link #stride(int)}, {@link #stride(int, int)}</td><td>{@code stride}</td><td>1</td></tr>
 *   <tr><td>{@link #padding(int)}, {@link #padding(int, int)}</td><td>{@code padding} (zeros)</td><td>0</td></tr>
 *   <tr><td>{@link #dilation(int)}, {@link #dilation(int, int)}</td><td>{@code dilation}</td><td>1</td></tr>
 *   <tr><td>{@link #bias(boolean)}</td><td>{@code bias}</td><td>true</td></tr>
 *   <tr><td>{@link #rng(RandomGenerator)}</td><td>(the global generator)</td>
 *       <td>{@link Generators#defaultGenerator()}</td></tr>
 * </table>
 * Two-argument setters take {@code (height, width)}, as PyTorch's tuples. Values are checked by {@link #build()}.
 */
public final class Conv2dBuilder {

    final int inChannels;
    final int outChannels;
    final int kernelH;
    final int kernelW;
    int strideH = 1;
    int strideW = 1;
    int padH;
    int padW;
    int dilationH = 1;
    int dilationW = 1;
    boolean bias = true;
    RandomGenerator rng;

    Conv2dBuilder(int inChannels, int outChannels, int kernelH, int kernelW) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
    }

    /** The same stride in both directions. */
    public Conv2dBuilder stride(int stride) {
        return stride(stride, stride);
    }

    /** Vertical and horizontal stride, as {@code stride=(sH, sW)}. */
    public Conv2dBuilder stride(int strideH, int strideW) {
        this.strideH = strideH;
        this.strideW = strideW;
        return this;
    }

    /** The same zero padding on all four sides. */
    public Conv2dBuilder padding(int padding) {
        return padding(padding, padding);
    }

    /** Zero padding above and below ({@code padH}) and left and right ({@code padW}), as {@code padding=(pH, pW)}. */
    public Conv2dBuilder padding(int padH, int padW) {
        this.padH = padH;
        this.padW = padW;
        return this;
    }

    /** The same dilation (spacing between kernel taps) in both directions. */
    public Conv2dBuilder dilation(int dilation) {
        return dilation(dilation, dilation);
    }

    /** Vertical and horizontal dilation, as {@code dilation=(dH, dW)}. */
    public Conv2dBuilder dilation(int dilationH, int dilationW) {
        this.dilationH = dilationH;
        this.dilationW = dilationW;
        return this;
    }

    /** Whether to learn an additive bias per output channel. */
    public Conv2dBuilder bias(boolean bias) {
        this.bias = bias;
        return this;
    }

    /** The generator for the initial weights (default: {@link Generators#defaultGenerator()}, read at build time). */
    public Conv2dBuilder rng(RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("Conv2d: rng is null; pass e.g. Tensor.rng(42)");
        }
        this.rng = rng;
        return this;
    }

    /**
     * The layer, with freshly initialised parameters.
     *
     * @throws IllegalArgumentException if a size is out of range (channels, kernel, stride, dilation {@code < 1},
     *         padding {@code < 0})
     */
    public Conv2d build() {
        return new Conv2d(this);
    }
}
