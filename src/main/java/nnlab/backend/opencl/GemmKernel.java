package nnlab.backend.opencl;

/**
 * Register-blocked GEMM kernel: {@code C = alpha * op(A) * op(B) + beta * C} on host-packed operands.
 *
 * <p><b>Data layout</b> (prepared by {@link OpenClBackend#gemm}, which packs on the host so that
 * transposes, offsets and leading dimensions never reach the device; see {@link Packing#packPanels}).
 * Each operand is cut into panels as wide as one work-group reads, {@code panelM} rows of {@code op(A)}
 * and {@code panelN} columns of {@code op(B)} (32 and 64 with 8 x 8 groups), each stored step by step:
 * <ul>
 *   <li>{@code a[(g*k + p)*panelM + r] = op(A)[g*panelM + r][p]};</li>
 *   <li>{@code b[(g*k + p)*panelN + q] = op(B)[p][g*panelN + q]};</li>
 *   <li>{@code c}: {@code C}, packed {@code [m, n]}; read only when {@code beta != 0}.</li>
 * </ul>
 * Two access patterns matter, and this layout serves both. Across the work items of a group, one step
 * reads adjacent addresses (coalesced: a GPU warp, or PoCL's vectorisation across work items, loads
 * them at once). Along {@code k}, a group walks one sequential stream. Measured on PoCL: plain row-major
 * operands (coalesced, but each step jumps a whole row and a new memory page) fell from 65 GFLOP/s at
 * 1024^3 to 13 at 2048^3; one panel per work item (sequential, not coalesced) held 19 everywhere; group
 * panels keep the speed at every size, provided the panel offset is computed from the group and local
 * ids (an affine index): written as {@code j0 / panelN} and {@code j0 % panelN} it measured 16, because
 * PoCL could no longer vectorise across work items. Rows and columns past {@code m} and {@code n} are zero in the
 * panels and feed only entries of {@code C} that are never stored.
 *
 * <p><b>Work decomposition.</b> Work item {@code (tj, ti)} (global ids 0 and 1) computes the
 * {@value #TILE_M} x {@value #TILE_N} tile {@code C[4*ti .. 4*ti+3][8*tj .. 8*tj+7]} in 32 private float
 * accumulators: per step {@code p} it loads 4 values of A and 8 of B (contiguous) and does 32
 * multiply-adds, so each loaded value is used 8 or 4 times from registers. Edge tiles are handled by the
 * bounds-guarded {@link #store}; work items past the last tile (the range is rounded up to whole
 * work-groups, see {@link KernelSlot#range2D}) do nothing.
 *
 * <p><b>Why no {@code @Local} tiling.</b> Work-group shared-memory tiling (16x16 {@code @Local} blocks
 * with barriers) measured 1-2 GFLOP/s on PoCL, where "local memory" is ordinary memory and barriers
 * are expensive; register blocking measured 17-38 GFLOP/s there and is also a sound GPU strategy.
 */
final class GemmKernel extends OpenClKernel {

    /** Rows of C per work item. */
    static final int TILE_M = 4;
    /** Columns of C per work item. */
    static final int TILE_N = 8;

    float[] a = new float[1];
    float[] b = new float[1];
    float[] c = new float[1];
    int m;
    int n;
    int k;
    /** Rows of op(A) per packed panel: work-group height x {@link #TILE_M} (32 with 8 x 8 groups). */
    int panelM;
    /** Columns of op(B) per packed panel: work-group width x {@link #TILE_N} (64 with 8 x 8 groups). */
    int panelN;
    float alpha;
    float beta;

    @Override
    public void run() {
        int j0 = getGlobalId(0) * 8;
        int i0 = getGlobalId(1) * 4;
        if (i0 < m && j0 < n) {
            float c00 = 0f; float c01 = 0f; float c02 = 0f; float c03 = 0f; float c04 = 0f; float c05 = 0f; float c06 = 0f; float c07 = 0f;
            float c10 = 0f; float c11 = 0f; float c12 = 0f; float c13 = 0f; float c14 = 0f; float c15 = 0f; float c16 = 0f; float c17 = 0f;
            float c20 = 0f; float c21 = 0f; float c22 = 0f; float c23 = 0f; float c24 = 0f; float c25 = 0f; float c26 = 0f; float c27 = 0f;
            float c30 = 0f; float c31 = 0f; float c32 = 0f; float c33 = 0f; float c34 = 0f; float c35 = 0f; float c36 = 0f; float c37 = 0f;
            // Affine in the local id, so the compiler sees the stride between neighbouring work items.
            int aPanel = getGroupId(1) * panelM * k + getLocalId(1) * 4;
            int bPanel = getGroupId(0) * panelN * k + getLocalId(0) * 8;
            for (int p = 0; p < k; p++) {
                int ab = aPanel + p * panelM;
                int bb = bPanel + p * panelN;
                float a0 = a[ab + 0];
                float a1 = a[ab + 1];
                float a2 = a[ab + 2];
                float a3 = a[ab + 3];
                float b0 = b[bb + 0];
                float b1 = b[bb + 1];
                float b2 = b[bb + 2];
                float b3 = b[bb + 3];
                float b4 = b[bb + 4];
                float b5 = b[bb + 5];
                float b6 = b[bb + 6];
                float b7 = b[bb + 7];
                c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3; c04 += a0 * b4; c05 += a0 * b5; c06 += a0 * b6; c07 += a0 * b7;
                c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3; c14 += a1 * b4; c15 += a1 * b5; c16 += a1 * b6; c17 += a1 * b7;
                c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3; c24 += a2 * b4; c25 += a2 * b5; c26 += a2 * b6; c27 += a2 * b7;
                c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3; c34 += a3 * b4; c35 += a3 * b5; c36 += a3 * b6; c37 += a3 * b7;
            }
            store(i0 + 0, j0 + 0, c00); store(i0 + 0, j0 + 1, c01); store(i0 + 0, j0 + 2, c02); store(i0 + 0, j0 + 3, c03); store(i0 + 0, j0 + 4, c04); store(i0 + 0, j0 + 5, c05); store(i0 + 0, j0 + 6, c06); store(i0 + 0, j0 + 7, c07);
            store(i0 + 1, j0 + 0, c10); store(i0 + 1, j0 + 1, c11); store(i0 + 1, j0 + 2, c12); store(i0 + 1, j0 + 3, c13); store(i0 + 1, j0 + 4, c14); store(i0 + 1, j0 + 5, c15); store(i0 + 1, j0 + 6, c16); store(i0 + 1, j0 + 7, c17);
            store(i0 + 2, j0 + 0, c20); store(i0 + 2, j0 + 1, c21); store(i0 + 2, j0 + 2, c22); store(i0 + 2, j0 + 3, c23); store(i0 + 2, j0 + 4, c24); store(i0 + 2, j0 + 5, c25); store(i0 + 2, j0 + 6, c26); store(i0 + 2, j0 + 7, c27);
            store(i0 + 3, j0 + 0, c30); store(i0 + 3, j0 + 1, c31); store(i0 + 3, j0 + 2, c32); store(i0 + 3, j0 + 3, c33); store(i0 + 3, j0 + 4, c34); store(i0 + 3, j0 + 5, c35); store(i0 + 3, j0 + 6, c36); store(i0 + 3, j0 + 7, c37);
        }
    }

    /** {@code C[i][j] = alpha * acc + beta * C[i][j]} inside the matrix; C is not read when beta is 0. */
    private void store(int i, int j, float acc) {
        if (i < m && j < n) {
            int idx = i * n + j;
            float v = alpha * acc;
            if (beta != 0f) {
                v = v + beta * c[idx];
            }
            c[idx] = v;
        }
    }
}
