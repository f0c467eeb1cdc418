package nnlab.backend.opencl;

/**
 * col2im on the device, written as a <b>gather</b>: one work item per image element {@code (c, y, x)},
 * which sums every column entry that im2col read from that pixel and adds the sum to the pixel. No two
 * work items write the same element, so no atomics are needed.
 *
 * <p>Kernel tap {@code (i, j)} read pixel {@code (y, x)} at output position {@code (oy, ox)} iff
 * <pre>oy*strideH = y + padH - i*dilationH  and  ox*strideW = x + padW - j*dilationW,  0 &lt;= oy &lt; outH, 0 &lt;= ox &lt; outW</pre>
 * so for each tap the work item tests divisibility instead of scanning. Taps are visited in the same
 * ascending {@code (i, j)} order, starting from the pixel's old value, as the plain-Java
 * {@link nnlab.backend.Im2Col#col2im} adds them, so the two agree exactly. Work items past
 * {@code total} (the range is rounded up to whole work-groups) do nothing.
 */
final class Col2ImKernel extends ConvKernel {

    @Override
    public void run() {
        int gid = getGlobalId(0);
        if (gid < total) {
            int plane = height * width;
            int c = gid / plane;
            int rem = gid - c * plane;
            int y = rem / width;
            int x = rem - y * width;
            int cols = outH * outW;
            float sum = image[gid];
            for (int i = 0; i < kernelH; i++) {
                int ty = y + padH - i * dilationH;
                if (ty >= 0 && ty % strideH == 0 && ty / strideH < outH) {
                    int oy = ty / strideH;
                    for (int j = 0; j < kernelW; j++) {
                        int tx = x + padW - j * dilationW;
                        if (tx >= 0 && tx % strideW == 0 && tx / strideW < outW) {
                            int row = (c * kernelH + i) * kernelW + j;
                            sum = sum + columns[row * cols + oy * outW + tx / strideW];
                        }
                    }
                }
            }
            image[gid] = sum;
        }
    }
}
