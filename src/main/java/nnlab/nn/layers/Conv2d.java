package nnlab.nn.layers;

import java.util.Arrays;
import nnlab.backend.Backend;
import nnlab.backend.Backends;
import nnlab.backend.ConvGeometry;
import nnlab.nn.Module;
import nnlab.nn.Parameter;
import nnlab.tensor.Generators;
import nnlab.tensor.Init;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * 2-D convolution over a batch of images, as {@code torch.nn.Conv2d} (a cross-correlation, {@code groups=1},
 * zero padding):
 * <pre>
 *   out[n][o][y][x] = bias[o] + sum_{c, i, j} weight[o][c][i][j] * in[n][c][y*sH - pH + i*dH][x*sW - pW + j*dW]
 * </pre>
 * where input positions outside {@code [0, H) x [0, W)} read as zero.
 *
 * <p>Shapes:
 * <ul>
 *   <li>input {@code [N, C_in, H, W]}, output {@code [N, C_out, H_out, W_out]} with
 *       {@code H_out = floor((H + 2*pH - dH*(kH-1) - 1) / sH) + 1} (likewise {@code W_out});</li>
 *   <li>weight {@code [C_out, C_in, kH, kW]}, bias {@code [C_out]}.</li>
 * </ul>
 *
 * <p>Backward, for upstream gradient {@code dY [N, C_out, H_out, W_out]}, with {@code cols(x_n)} the im2col matrix
 * {@code [C_in*kH*kW, H_out*W_out]} of image {@code n} and {@code W_mat} the weight as {@code [C_out, C_in*kH*kW]}:
 * <pre>
 *   dW   += sum_n dY_n cols(x_n)^T      (skipped when the weight is frozen)
 *   db   += sum_{n, y, x} dY[n][o][y][x] (skipped when the bias is frozen)
 *   dx_n  = col2im(W_mat^T dY_n)
 * </pre>
 * All three run on the compute backend ({@link Backends#current()}: {@link Backend#conv2dForward},
 * {@link Backend#conv2dBackwardData}, {@link Backend#conv2dBackwardFilter}), built on im2col + GEMM.
 *
 * <p>Defaults: stride 1, padding 0, dilation 1, bias on. Initialisation (PyTorch's):
 * {@code weight = kaimingUniform(a = sqrt(5))}, i.e. {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))} with
 * {@code fanIn = C_in*kH*kW}, and {@code bias ~ U(-1/sqrt(fanIn), 1/sqrt(fanIn))}. Same in train and eval mode.
 *
 * <pre>{@code
 * Conv2d conv = new Conv2d(3, 16, 3);                                      // 3x3, stride 1, no padding
 * Conv2d down = Conv2d.builder(16, 32, 3).stride(2).padding(1).build();    // halves H and W
 * Conv2d wide = Conv2d.builder(1, 4, 3, 5).dilation(2).bias(false).rng(Tensor.rng(7)).build();
 * }</pre>
 */
public class Conv2d extends Module {

    private final int inChannels;
    private final int outChannels;
    private final int kernelH;
    private final int kernelW;
    private final int strideH;
    private final int strideW;
    private final int padH;
    private final int padW;
    private final int dilationH;
    private final int dilationW;
    private final Parameter weight;
    private final Parameter bias;

    /** Cache for backward: the input of the last forward and its geometry. */
    private Tensor input;
    private ConvGeometry inputGeometry;

    /**
     * {@code Conv2d(in, out, kernelSize)}: square kernel, stride 1, no padding, no dilation, with bias,
     * initialised from the {@linkplain Generators#defaultGenerator() default generator}.
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(builder(inChannels, outChannels, kernelSize));
    }

    /** {@code Conv2d(in, out, kernelSize, stride, padding)} with bias, from the default generator. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(builder(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
    }

    /** Builds from a {@link Conv2dBuilder}; see {@link #builder(int, int, int)}. */
    protected Conv2d(Conv2dBuilder b) {
        String name = "Conv2d(" + b.inChannels + ", " + b.outChannels + ", kernel_size=" + pair(b.kernelH, b.kernelW)
                + ")";
        requireAtLeast(name, "in_channels", b.inChannels, b.inChannels, 1);
        requireAtLeast(name, "out_channels", b.outChannels, b.outChannels, 1);
        requireAtLeast(name, "kernel_size", b.kernelH, b.kernelW, 1);
        requireAtLeast(name, "stride", b.strideH, b.strideW, 1);
        requireAtLeast(name, "padding", b.padH, b.padW, 0);
        requireAtLeast(name, "dilation", b.dilationH, b.dilationW, 1);
        this.inChannels = b.inChannels;
        this.outChannels = b.outChannels;
        this.kernelH = b.kernelH;
        this.kernelW = b.kernelW;
        this.strideH = b.strideH;
        this.strideW = b.strideW;
        this.padH = b.padH;
        this.padW = b.padW;
        this.dilationH = b.dilationH;
        this.dilationW = b.dilationW;
        RandomGenerator rng = b.rng != null ? b.rng : Generators.defaultGenerator();
        this.weight = registerParameter("weight",
                new Parameter(Tensor.zeros(outChannels, inChannels, kernelH, kernelW)));
        Init.kaimingUniform(weight.value(), Math.sqrt(5), rng);
        if (b.bias) {
            double bound = 1 / Math.sqrt(Init.fanIn(weight.value()));
            this.bias = registerParameter("bias",
                    new Parameter(Init.uniform(Tensor.zeros(outChannels), -bound, bound, rng)));
        } else {
            this.bias = null;
        }
    }

    /** A builder for {@code Conv2d(in, out, kernelSize)} with a square kernel; set the other options on it. */
    public static Conv2dBuilder builder(int inChannels, int outChannels, int kernelSize) {
        return new Conv2dBuilder(inChannels, outChannels, kernelSize, kernelSize);
    }

    /** A builder for a {@code kernelH x kernelW} kernel, as {@code kernel_size=(kH, kW)}. */
    public static Conv2dBuilder builder(int inChannels, int outChannels, int kernelH, int kernelW) {
        return new Conv2dBuilder(inChannels, outChannels, kernelH, kernelW);
    }

    /** {@code weight [C_out, C_in, kH, kW]}. */
    public Parameter weight() {
        return weight;
    }

    /** {@code bias [C_out]}, or {@code null} without bias. */
    public Parameter bias() {
        return bias;
    }

    /** {@code C_in}. */
    public int inChannels() {
        return inChannels;
    }

    /** {@code C_out}. */
    public int outChannels() {
        return outChannels;
    }

    /** The geometry this layer uses on one image of {@code height x width} pixels. */
    public ConvGeometry geometry(int height, int width) {
        return new ConvGeometry(inChannels, height, width, kernelH, kernelW, strideH, strideW, padH, padW,
                dilationH, dilationW);
    }

    @Override
    protected Tensor doForward(Tensor x) {
        if (x.ndim() != 4 || x.dim(1) != inChannels) {
            throw new IllegalArgumentException(describe() + " expects input [N, " + inChannels + ", H, W], got "
                    + Arrays.toString(x.shape()) + "; " + shapeFix(x));
        }
        ConvGeometry g;
        try {
            g = geometry(x.dim(2), x.dim(3));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe() + " cannot run on input " + Arrays.toString(x.shape())
                    + ": " + e.getMessage(), e);
        }
        int batch = x.dim(0);
        Tensor y = Tensor.zeros(batch, outChannels, g.outHeight(), g.outWidth());
        if (batch > 0) {
            Backends.current().conv2dForward(g, batch, outChannels, x.data(), weight.value().data(),
                    bias == null ? null : bias.value().data(), y.data());
        }
        input = x;
        inputGeometry = g;
        return y;
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        Backend backend = Backends.current();
        int batch = input.dim(0);
        Tensor dx = Tensor.zerosLike(input);
        if (batch == 0) {
            return dx;
        }
        float[] dy = gradOut.data();
        boolean biasGrad = bias != null && bias.requiresGrad();
        if (weight.requiresGrad()) {
            backend.conv2dBackwardFilter(inputGeometry, batch, outChannels, input.data(), dy,
                    weight.gradBuffer().data(), biasGrad ? bias.gradBuffer().data() : null);
        } else if (biasGrad) {
            addBiasGradient(dy, batch, inputGeometry.columnCols(), bias.gradBuffer().data());
        }
        backend.conv2dBackwardData(inputGeometry, batch, outChannels, dy, weight.value().data(), dx.data());
        return dx;
    }

    /** {@code dBias[o] += sum over n and pixels of dY[n][o]}, for a frozen weight with a trained bias. */
    private void addBiasGradient(float[] dy, int batch, int pixels, float[] dBias) {
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outChannels; o++) {
                int base = (n * outChannels + o) * pixels;
                float s = 0f;
                for (int p = 0; p < pixels; p++) {
                    s += dy[base + p];
                }
                dBias[o] += s;
            }
        }
    }

    private String shapeFix(Tensor x) {
        if (x.ndim() == 3 && x.dim(0) == inChannels) {
            return "add a batch dimension: x.reshape(1, " + inChannels + ", H, W)";
        }
        if (x.ndim() == 2) {
            return "reshape a single-channel image to [N, 1, H, W] or a flat batch to [N, C, H, W]";
        }
        if (x.ndim() == 4) {
            return "the input has " + x.dim(1) + " channel(s): build Conv2d(" + x.dim(1) + ", " + outChannels
                    + ", ...) or check the previous layer's output channels";
        }
        return "reshape the input to [N, " + inChannels + ", H, W]";
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels).append(", kernel_size=").append(pair(kernelH, kernelW))
                .append(", stride=").append(pair(strideH, strideW));
        if (padH != 0 || padW != 0) {
            s.append(", padding=").append(pair(padH, padW));
        }
        if (dilationH != 1 || dilationW != 1) {
            s.append(", dilation=").append(pair(dilationH, dilationW));
        }
        if (bias == null) {
            s.append(", bias=False");
        }
        return s.toString();
    }

    private static String pair(int h, int w) {
        return "(" + h + ", " + w + ")";
    }

    private static void requireAtLeast(String layer, String what, int h, int w, int min) {
        if (h < min || w < min) {
            throw new IllegalArgumentException(layer + ": " + what + " must be >= " + min + ", got " + pair(h, w));
        }
    }
}
