package nnlab.backend;

/**
 * The geometry of one 2-D convolution over a single {@code [channels, height, width]} image:
 * kernel size, stride, zero padding and dilation, as in PyTorch's {@code Conv2d}.
 *
 * <p>Output size: {@code outH = floor((H + 2*padH - dilationH*(kH-1) - 1) / strideH) + 1}, likewise {@code outW}.
 *
 * @param channels  C, input channels
 * @param height    H, input height
 * @param width     W, input width
 * @param kernelH   kH
 * @param kernelW   kW
 * @param strideH   vertical stride (>= 1)
 * @param strideW   horizontal stride (>= 1)
 * @param padH      zero padding added above and below (>= 0)
 * @param padW      zero padding added left and right (>= 0)
 * @param dilationH vertical spacing between kernel taps (>= 1; 1 = dense kernel)
 * @param dilationW horizontal spacing between kernel taps (>= 1)
 */
public record ConvGeometry(int channels, int height, int width,
                           int kernelH, int kernelW,
                           int strideH, int strideW,
                           int padH, int padW,
                           int dilationH, int dilationW) {

    public ConvGeometry {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("convolution input must be at least [1, 1, 1], got [" + channels + ", "
                    + height + ", " + width + "]");
        }
        if (kernelH < 1 || kernelW < 1) {
            throw new IllegalArgumentException("kernel size must be >= 1, got " + kernelH + "x" + kernelW);
        }
        if (strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("stride must be >= 1, got " + strideH + "x" + strideW);
        }
        if (padH < 0 || padW < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padH + "x" + padW);
        }
        if (dilationH < 1 || dilationW < 1) {
            throw new IllegalArgumentException("dilation must be >= 1, got " + dilationH + "x" + dilationW);
        }
        int effH = dilationH * (kernelH - 1) + 1;
        int effW = dilationW * (kernelW - 1) + 1;
        if (effH > height + 2 * padH || effW > width + 2 * padW) {
            throw new IllegalArgumentException("kernel " + kernelH + "x" + kernelW + " (dilated extent " + effH + "x"
                    + effW + ") does not fit the padded input " + (height + 2 * padH) + "x" + (width + 2 * padW)
                    + "; use a smaller kernel or more padding");
        }
    }

    /** Square kernel, equal stride and padding in both directions, no dilation. */
    public static ConvGeometry of(int channels, int height, int width, int kernel, int stride, int padding) {
        return new ConvGeometry(channels, height, width, kernel, kernel, stride, stride, padding, padding, 1, 1);
    }

    /** Output height, {@code floor((H + 2*padH - dilationH*(kH-1) - 1) / strideH) + 1}. */
    public int outHeight() {
        return (height + 2 * padH - dilationH * (kernelH - 1) - 1) / strideH + 1;
    }

    /** Output width, {@code floor((W + 2*padW - dilationW*(kW-1) - 1) / strideW) + 1}. */
    public int outWidth() {
        return (width + 2 * padW - dilationW * (kernelW - 1) - 1) / strideW + 1;
    }

    /** Rows of the im2col matrix: {@code C * kH * kW}. */
    public int columnRows() {
        return channels * kernelH * kernelW;
    }

    /** Columns of the im2col matrix: {@code outH * outW}. */
    public int columnCols() {
        return outHeight() * outWidth();
    }

    /** Elements in one input image, {@code C * H * W}. */
    public int imageSize() {
        return channels * height * width;
    }
}
