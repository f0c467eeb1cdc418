package nnlab.backend.opencl;

import nnlab.backend.ConvGeometry;

/**
 * What {@link Im2ColKernel} and {@link Col2ImKernel} share: the two buffers and the convolution geometry,
 * as primitive fields (kernels may hold only primitives and arrays, so no {@link ConvGeometry} object).
 */
abstract class ConvKernel extends OpenClKernel {

    /** One packed {@code [C, H, W]} image. */
    float[] image = new float[1];
    /** The column matrix {@code [C*kH*kW, outH*outW]}. */
    float[] columns = new float[1];
    int height;
    int width;
    int kernelH;
    int kernelW;
    int strideH;
    int strideW;
    int padH;
    int padW;
    int dilationH;
    int dilationW;
    int outH;
    int outW;
    /** Work items that do work: the elements of the output (column matrix for im2col, image for col2im). */
    int total;

    /** Copies {@code g} into the kernel's fields (host side, before {@code execute}). */
    void setGeometry(ConvGeometry g, int workItems) {
        height = g.height();
        width = g.width();
        kernelH = g.kernelH();
        kernelW = g.kernelW();
        strideH = g.strideH();
        strideW = g.strideW();
        padH = g.padH();
        padW = g.padW();
        dilationH = g.dilationH();
        dilationW = g.dilationW();
        outH = g.outHeight();
        outW = g.outWidth();
        total = workItems;
    }
}
