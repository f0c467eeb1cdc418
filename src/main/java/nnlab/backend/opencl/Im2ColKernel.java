package nnlab.backend.opencl;

/**
 * im2col on the device: one work item per element of the column matrix.
 *
 * <p>Input {@code image} is one packed {@code [C, H, W]} image (the host copies the caller's slice into a
 * kept buffer); output {@code columns} is {@code [C*kH*kW, outH*outW]}, every element written:
 * <pre>columns[r][q] = image[c][oy*strideH - padH + i*dilationH][ox*strideW - padW + j*dilationW]   (0 in the padding)
 * with r = (c*kH + i)*kW + j, q = oy*outW + ox</pre>
 * The global range is rounded up to whole work-groups ({@link KernelSlot#range}), so work items with
 * {@code gid >= total} do nothing.
 */
final class Im2ColKernel extends ConvKernel {

    @Override
    public void run() {
        int gid = getGlobalId(0);
        if (gid < total) {
            int cols = outH * outW;
            int r = gid / cols;
            int q = gid - r * cols;
            int taps = kernelH * kernelW;
            int c = r / taps;
            int t = r - c * taps;
            int i = t / kernelW;
            int j = t - i * kernelW;
            int oy = q / outW;
            int ox = q - oy * outW;
            int y = oy * strideH - padH + i * dilationH;
            int x = ox * strideW - padW + j * dilationW;
            float v = 0f;
            if (y >= 0 && y < height && x >= 0 && x < width) {
                v = image[(c * height + y) * width + x];
            }
            columns[gid] = v;
        }
    }
}
