package nnlab.backend.opencl;

/** Host-side copies between BLAS-style strided matrices and the dense buffers the kernels read. */
final class Packing {

    private Packing() {
    }

    /**
     * {@code buf} if it holds at least {@code need} floats and is not much larger (so that a copy to the
     * device does not move a lot of unused memory), else a new array of {@code need} floats.
     */
    static float[] reuse(float[] buf, int need) {
        int size = Math.max(need, 1);
        if (buf != null && buf.length >= size && buf.length <= 2L * size + 4096) {
            return buf;
        }
        return new float[size];
    }

    /**
     * Copies a {@code [rows, cols]} matrix between strided storages:
     * {@code dst[dstOffset + r*ldDst + c] = src[srcOffset + r*ldSrc + c]}.
     */
    static void copyRows(int rows, int cols, float[] src, int srcOffset, int ldSrc,
                         float[] dst, int dstOffset, int ldDst) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, srcOffset + r * ldSrc, dst, dstOffset + r * ldDst, cols);
        }
    }

    /**
     * Packs a logical {@code [outer, k]} matrix {@code X} into tile panels for {@link GemmKernel}:
     * {@code dst[(t*k + p)*tile + r] = X[t*tile + r][p]}, zero where {@code t*tile + r >= outer}. So the
     * {@code tile} values a work-group needs at step {@code p} are adjacent, and its whole panel
     * ({@code k * tile} floats) is one sequential stream, as in the BLIS packed format.
     *
     * <p>{@code X[i][p]} is {@code src[offset + i*ld + p]} when {@code rowMajor}, else {@code src[offset + p*ld + i]}.
     * For {@code A}: {@code X = op(A)}, row-major unless {@code transA}. For {@code B}: {@code X = op(B)^T},
     * row-major only when {@code transB}.
     */
    static void packPanels(boolean rowMajor, int outer, int k, float[] src, int offset, int ld, float[] dst, int tile) {
        int tiles = (outer + tile - 1) / tile;
        for (int t = 0; t < tiles; t++) {
            int base = t * k * tile;
            int rows = Math.min(tile, outer - t * tile);
            if (rowMajor) {
                for (int r = 0; r < rows; r++) {
                    int s = offset + (t * tile + r) * ld;
                    for (int p = 0; p < k; p++) {
                        dst[base + p * tile + r] = src[s + p];
                    }
                }
            } else {
                for (int p = 0; p < k; p++) {
                    System.arraycopy(src, offset + p * ld + t * tile, dst, base + p * tile, rows);
                }
            }
            for (int r = rows; r < tile; r++) {
                for (int p = 0; p < k; p++) {
                    dst[base + p * tile + r] = 0f;
                }
            }
        }
    }
}
