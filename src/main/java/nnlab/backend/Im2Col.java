package nnlab.backend;

import java.util.Arrays;

/**
 * Plain-Java im2col / col2im, shared by the CPU-side backends. See {@link Backend#im2col} for the layout:
 * row {@code (c*kH + i)*kW + j} of the column matrix holds, for every output pixel {@code (oy, ox)},
 * the input value under kernel tap {@code (i, j)} of channel {@code c}, or 0 in the padding.
 *
 * <p>For each kernel column {@code j} the output columns {@code ox} whose input column
 * {@code x = ox*strideW - padW + j*dilationW} lies inside the image form one interval
 * {@code [oxBegin, oxEnd)} ({@link #firstInside}, {@link #endInside}); the loops work on that interval
 * without a bounds test per element, and with stride 1 it is one contiguous copy.
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
        int width = g.width();
        int strideW = g.strideW();
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int channelBase = imageOffset + c * g.height() * width;
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, row++) {
                    int xShift = j * g.dilationW() - g.padW();
                    int oxBegin = firstInside(xShift, strideW, outW);
                    int oxEnd = Math.max(oxBegin, endInside(xShift, strideW, width, outW));
                    int dst = row * outH * outW;
                    for (int oy = 0; oy < outH; oy++, dst += outW) {
                        int y = oy * g.strideH() - g.padH() + i * g.dilationH();
                        if (y < 0 || y >= g.height()) {
                            Arrays.fill(columns, dst, dst + outW, 0f);
                            continue;
                        }
                        Arrays.fill(columns, dst, dst + oxBegin, 0f);
                        if (oxEnd > oxBegin) {
                            int src = channelBase + y * width + oxBegin * strideW + xShift;
                            if (strideW == 1) {
                                System.arraycopy(image, src, columns, dst + oxBegin, oxEnd - oxBegin);
                            } else {
                                for (int ox = oxBegin; ox < oxEnd; ox++, src += strideW) {
                                    columns[dst + ox] = image[src];
                                }
                            }
                        }
                        Arrays.fill(columns, dst + oxEnd, dst + outW, 0f);
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
        int width = g.width();
        int strideW = g.strideW();
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int channelBase = imageOffset + c * g.height() * width;
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, row++) {
                    int xShift = j * g.dilationW() - g.padW();
                    int oxBegin = firstInside(xShift, strideW, outW);
                    int oxEnd = Math.max(oxBegin, endInside(xShift, strideW, width, outW));
                    int src = row * outH * outW;
                    for (int oy = 0; oy < outH; oy++, src += outW) {
                        int y = oy * g.strideH() - g.padH() + i * g.dilationH();
                        if (y < 0 || y >= g.height() || oxEnd == oxBegin) {
                            continue;
                        }
                        int dst = channelBase + y * width + oxBegin * strideW + xShift;
                        if (strideW == 1) {
                            int s = src + oxBegin;
                            for (int k = 0, n = oxEnd - oxBegin; k < n; k++) {
                                image[dst + k] += columns[s + k];
                            }
                        } else {
                            for (int ox = oxBegin; ox < oxEnd; ox++, dst += strideW) {
                                image[dst] += columns[src + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    /** The first output column {@code ox} with {@code ox*stride + xShift >= 0}, at most {@code outW}. */
    static int firstInside(int xShift, int stride, int outW) {
        if (xShift >= 0) {
            return 0;
        }
        return Math.min(outW, (-xShift + stride - 1) / stride);
    }

    /** One past the last output column {@code ox < outW} with {@code ox*stride + xShift < width}. */
    static int endInside(int xShift, int stride, int width, int outW) {
        int room = width - xShift; // need ox*stride < room
        if (room <= 0) {
            return 0;
        }
        return Math.min(outW, (room + stride - 1) / stride);
    }
}
