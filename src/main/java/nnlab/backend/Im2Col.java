package nnlab.backend;

/**
 * Plain-Java im2col / col2im, shared by the CPU-side backends. See {@link Backend#im2col} for the layout:
 * row {@code (c*kH + i)*kW + j} of the column matrix holds, for every output pixel {@code (oy, ox)},
 * the input value under kernel tap {@code (i, j)} of channel {@code c}, or 0 in the padding.
 */
public final class Im2Col {

    private Im2Col() {
    }

    /** Checks that the arrays are large enough for geometry {@code g}. */
    public static void check(ConvGeometry g, float[] image, int imageOffset, float[] columns) {
        if (imageOffset < 0 || (long) imageOffset + g.imageSize() > image.length) {
            throw new IllegalArgumentException("im2col: image [" + g.channels() + ", " + g.height() + ", " + g.width()
                    + "] at offset " + imageOffset + " does not fit in an array of " + image.length);
        }
        long need = (long) g.columnRows() * g.columnCols();
        if (columns.length < need) {
            throw new IllegalArgumentException("im2col: column matrix [" + g.columnRows() + ", " + g.columnCols()
                    + "] needs " + need + " elements, got an array of " + columns.length);
        }
    }

    /** {@code columns = im2col(image)}; every element of the column matrix is written. */
    public static void im2col(ConvGeometry g, float[] image, int imageOffset, float[] columns) {
        check(g, image, imageOffset, columns);
        int outH = g.outHeight();
        int outW = g.outWidth();
        int cols = outH * outW;
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int channelBase = imageOffset + c * g.height() * g.width();
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, row++) {
                    int dst = row * cols;
                    for (int oy = 0; oy < outH; oy++) {
                        int y = oy * g.strideH() - g.padH() + i * g.dilationH();
                        boolean rowInside = y >= 0 && y < g.height();
                        for (int ox = 0; ox < outW; ox++) {
                            int x = ox * g.strideW() - g.padW() + j * g.dilationW();
                            columns[dst++] = rowInside && x >= 0 && x < g.width()
                                    ? image[channelBase + y * g.width() + x] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** {@code image += col2im(columns)}: each column entry is added to the input pixel it was read from. */
    public static void col2im(ConvGeometry g, float[] columns, float[] image, int imageOffset) {
        check(g, image, imageOffset, columns);
        int outH = g.outHeight();
        int outW = g.outWidth();
        int cols = outH * outW;
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int channelBase = imageOffset + c * g.height() * g.width();
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, row++) {
                    int src = row * cols;
                    for (int oy = 0; oy < outH; oy++) {
                        int y = oy * g.strideH() - g.padH() + i * g.dilationH();
                        if (y < 0 || y >= g.height()) {
                            src += outW;
                            continue;
                        }
                        for (int ox = 0; ox < outW; ox++, src++) {
                            int x = ox * g.strideW() - g.padW() + j * g.dilationW();
                            if (x >= 0 && x < g.width()) {
                                image[channelBase + y * g.width() + x] += columns[src];
                            }
                        }
                    }
                }
            }
        }
    }
}
