package nnlab.backend.opencl;

/** Host-side copies between BLAS-style strided matrices and the dense buffers the kernels read. */
final class Packing {

    private static final int BLOCK = 32;

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
     * Copies a {@code [rows, cols]} matrix into {@code dst} with row stride {@code ldDst}, either as is
     * ({@code transpose == false}: {@code dst[r*ldDst + c] = X[r][c]}, where {@code X} is stored
     * {@code [rows, cols]}) or from its transpose ({@code transpose == true}: {@code X} is stored
     * {@code [cols, rows]} and {@code dst[r*ldDst + c] = X[c][r]}). {@code X[i][j] = src[offset + i*ld + j]}.
     */
    static void pack(boolean transpose, int rows, int cols, float[] src, int offset, int ld, float[] dst, int ldDst) {
        if (!transpose) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(src, offset + r * ld, dst, r * ldDst, cols);
            }
            return;
        }
        // Blocked transpose: both the reads and the writes stay within a few cache lines per block.
        for (int r0 = 0; r0 < rows; r0 += BLOCK) {
            int r1 = Math.min(rows, r0 + BLOCK);
            for (int c0 = 0; c0 < cols; c0 += BLOCK) {
                int c1 = Math.min(cols, c0 + BLOCK);
                for (int c = c0; c < c1; c++) {
                    int s = offset + c * ld;
                    for (int r = r0; r < r1; r++) {
                        dst[r * ldDst + c] = src[s + r];
                    }
                }
            }
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
