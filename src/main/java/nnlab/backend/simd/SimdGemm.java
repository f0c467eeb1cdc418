package nnlab.backend.simd;

import static nnlab.backend.simd.SimdMicroKernel.L;
import static nnlab.backend.simd.SimdMicroKernel.MR;
import static nnlab.backend.simd.SimdMicroKernel.NR;
import static nnlab.backend.simd.SimdMicroKernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Packed, cache-blocked GEMM in the style of GotoBLAS / BLIS, for one block of {@code C}.
 *
 * <p>Five loops around the {@link SimdMicroKernel micro-kernel}, each sized for one level of the memory
 * hierarchy (sizes for {@code L = 16} float lanes, i.e. AVX-512, where {@code MR x NR = 8 x 32}):
 * <pre>
 * for jc in 0..n step NC              5th loop: a column panel of B and C
 *   for pc in 0..k step KC            4th loop: a KC-deep slice of the product
 *     pack B[pc:pc+KC, jc:jc+NC] into Bp      (KC x NC = 384 x 2048, 3 MB: L3)
 *     for ic in 0..m step MC          3rd loop
 *       pack A[ic:ic+MC, pc:pc+KC] into Ap    (MC x KC = 128 x 384, 192 KB: L2)
 *       for jr in 0..NC step NR       2nd loop: one B micro-panel (KC x NR, 48 KB: L1 / L2), reused MC/MR times
 *         for ir in 0..MC step MR     1st loop: one A micro-panel (MR x KC, 12 KB: L1, streamed from L2)
 *           micro-kernel: C[ic+ir.., jc+jr..] (MR x NR) += Ap micro-panel * Bp micro-panel
 * </pre>
 * Each element of Bp is used {@code MC} times and each element of Ap {@code NC} times while it is in
 * cache, so main memory only has to deliver a few bytes per hundred flops. The sizes were chosen by
 * measurement on Zen 4 (1 MB L2 per core), where anything from {@code KC = 128 .. 512} and
 * {@code MC = 64 .. 256} was within 5%: the kernel is limited by FMA throughput, not by the caches.
 * They are not critical on other CPUs either, as long as Ap fits in L2.
 *
 * <p><b>Packing</b> copies each block into the exact order the micro-kernel reads it: {@code Ap} is a
 * sequence of {@code MR}-row micro-panels, each stored column by column ({@code MR} consecutive floats per
 * {@code p}); {@code Bp} is a sequence of {@code NR}-column micro-panels, each stored row by row
 * ({@code NR} consecutive floats per {@code p}). So the kernel's reads are purely sequential, whatever
 * the transposes, offsets and leading dimensions of the caller's matrices: packing is the only code that
 * knows about them. Ragged edges are padded with zeros to whole micro-panels, so the kernel always
 * computes a full tile. The kernel writes its tile to a small scratch array; merging it into {@code C}
 * ({@code C = alpha * tile + beta * C}, only the valid part on the edges) is a separate step.
 *
 * <p>{@code beta} is applied by the first {@code KC} slice only; later slices accumulate ({@code beta = 1}).
 * When {@code beta == 0} {@code C} is never read, so NaN there cannot propagate. Pack buffers belong to
 * the calling thread ({@link ThreadLocal}, about 3 MB per thread that has run a large GEMM), so concurrent
 * calls never share mutable state.
 */
final class SimdGemm {

    // The block sizes can be overridden for experiments, e.g. -Dnnlab.simd.kc=256.
    /** Rows of op(A) packed at once (a multiple of {@code MR}). */
    static final int MC = Math.max(1, Integer.getInteger("nnlab.simd.mc", 128) / MR) * MR;
    /** Depth of one packed slice. */
    static final int KC = Math.max(1, Integer.getInteger("nnlab.simd.kc", 384));
    /** Columns of op(B) packed at once (a multiple of {@code NR}). */
    static final int NC = Math.max(1, Integer.getInteger("nnlab.simd.nc", 2048) / NR) * NR;

    private SimdGemm() {
    }

    /** Per-thread pack buffers, grown on demand and reused across calls. */
    private static final class Workspace {
        float[] a = new float[0];
        float[] b = new float[0];
        float[] row = new float[0];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /**
     * {@code C[i0:i1, j0:j1] = alpha * op(A)[i0:i1, :] * op(B)[:, j0:j1] + beta * C[i0:i1, j0:j1]}; arguments
     * as in {@link nnlab.backend.Backend#gemm}, already checked, with {@code i0 < i1}, {@code j0 < j1} and {@code k > 0}.
     */
    static void gemmBlock(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k,
                          float alpha, float[] a, int aOffset, int lda,
                          float[] b, int bOffset, int ldb,
                          float beta, float[] c, int cOffset, int ldc) {
        Workspace ws = WORKSPACE.get();
        // Even split of k and m into blocks, so there is no thin last block.
        int kc0 = ceilDiv(k, ceilDiv(k, KC));
        int mcMax = roundUp(ceilDiv(i1 - i0, ceilDiv(i1 - i0, MC)), MR);
        int ncMax = Math.min(NC, roundUp(j1 - j0, NR));
        if (ws.a.length < mcMax * kc0) {
            ws.a = new float[mcMax * kc0];
        }
        if (ws.b.length < ncMax * kc0) {
            ws.b = new float[ncMax * kc0];
        }
        float[] ap = ws.a;
        float[] bp = ws.b;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += kc0) {
                int kc = Math.min(kc0, k - pc);
                float betaNow = pc == 0 ? beta : 1f;
                packB(transB, b, bOffset, ldb, pc, jc, kc, nc, bp);
                for (int ic = i0; ic < i1; ic += mcMax) {
                    int mc = Math.min(mcMax, i1 - ic);
                    packA(transA, a, aOffset, lda, ic, pc, mc, kc, ap);
                    macroKernel(mc, nc, kc, alpha, ap, bp, betaNow, c, cOffset + ic * ldc + jc, ldc, ws.tile);
                }
            }
        }
    }

    /** Loops 2 and 1: every {@code MR x NR} tile of the {@code mc x nc} block of C at {@code c[cIdx]}. */
    private static void macroKernel(int mc, int nc, int kc, float alpha, float[] ap, float[] bp,
                                    float beta, float[] c, int cIdx, int ldc, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                SimdMicroKernel.multiply(kc, ap, ir * kc, bp, jr * kc, tile);
                int mr = Math.min(MR, mc - ir);
                int ct = cIdx + ir * ldc + jr;
                if (mr == MR && nr == NR) {
                    mergeTile(tile, c, ct, ldc, alpha, beta);
                } else {
                    mergeEdgeTile(tile, mr, nr, c, ct, ldc, alpha, beta);
                }
            }
        }
    }

    /** {@code C[0..MR, 0..NR] = alpha * tile + beta * C} at {@code c[ct]}, not reading C when {@code beta == 0}. */
    private static void mergeTile(float[] tile, float[] c, int ct, int ldc, float alpha, float beta) {
        for (int r = 0; r < MR; r++) {
            for (int j = 0; j < NR; j += L) {
                int ci = ct + r * ldc + j;
                FloatVector v = FloatVector.fromArray(S, tile, r * NR + j).mul(alpha);
                if (beta == 1f) {
                    v = v.add(FloatVector.fromArray(S, c, ci));
                } else if (beta != 0f) {
                    v = FloatVector.fromArray(S, c, ci).fma(FloatVector.broadcast(S, beta), v);
                }
                v.intoArray(c, ci);
            }
        }
    }

    /** As {@link #mergeTile}, for the valid {@code mr x nr} corner of a tile on the edge of C. */
    private static void mergeEdgeTile(float[] tile, int mr, int nr, float[] c, int ct, int ldc, float alpha, float beta) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                int ci = ct + r * ldc + j;
                float v = alpha * tile[r * NR + j];
                c[ci] = beta == 0f ? v : Math.fma(beta, c[ci], v);
            }
        }
    }

    /**
     * Packs {@code op(A)[ic:ic+mc, pc:pc+kc]} into {@code MR}-row micro-panels: element {@code (r, p)} of the
     * panel starting at row {@code ir} goes to {@code ap[ir*kc + p*MR + r]}; missing rows are zero.
     */
    static void packA(boolean transA, float[] a, int aOffset, int lda, int ic, int pc, int mc, int kc, float[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            int base = ir * kc;
            if (rows == MR && MR == 8 && transA) {
                // op(A)[i][p] = A[p][i]: the MR values for one p are contiguous in A.
                for (int p = 0; p < kc; p++) {
                    copy8(a, aOffset + (pc + p) * lda + ic + ir, 1, ap, base + p * MR);
                }
            } else if (rows == MR && MR == 8) {
                // A transpose: read MR rows of A side by side (stride lda), write the panel sequentially.
                for (int p = 0; p < kc; p++) {
                    copy8(a, aOffset + (ic + ir) * lda + pc + p, lda, ap, base + p * MR);
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * MR + r] = transA ? a[aOffset + (pc + p) * lda + ic + ir + r]
                                                       : a[aOffset + (ic + ir + r) * lda + pc + p];
                    }
                }
            }
            for (int r = rows; r < MR; r++) {
                for (int p = 0; p < kc; p++) {
                    ap[base + p * MR + r] = 0f;
                }
            }
        }
    }

    /**
     * {@code dst[d + r] = src[s + r * stride]} for {@code r < 8}: one column of a full A micro-panel when
     * {@code MR == 8}, unrolled by hand (a loop or {@code System.arraycopy} of 8 floats costs more in
     * overhead than in copying).
     */
    private static void copy8(float[] src, int s, int stride, float[] dst, int d) {
        dst[d] = src[s];
        dst[d + 1] = src[s + stride];
        dst[d + 2] = src[s + 2 * stride];
        dst[d + 3] = src[s + 3 * stride];
        dst[d + 4] = src[s + 4 * stride];
        dst[d + 5] = src[s + 5 * stride];
        dst[d + 6] = src[s + 6 * stride];
        dst[d + 7] = src[s + 7 * stride];
    }

    /**
     * Packs {@code op(B)[pc:pc+kc, jc:jc+nc]} into {@code NR}-column micro-panels: element {@code (p, j)} of the
     * panel starting at column {@code jr} goes to {@code bp[jr*kc + p*NR + j]}; missing columns are zero.
     */
    static void packB(boolean transB, float[] b, int bOffset, int ldb, int pc, int jc, int kc, int nc, float[] bp) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int base = jr * kc;
            if (transB) {
                // op(B)[p][j] = B[j][p]: a transpose, done in strips of 16 p's so that the NR x 16 source
                // values and the 16 x NR destination rows stay in L1 while the strip is copied.
                for (int p0 = 0; p0 < kc; p0 += 16) {
                    int pEnd = Math.min(kc, p0 + 16);
                    for (int j = 0; j < cols; j++) {
                        int src = bOffset + (jc + jr + j) * ldb + pc;
                        for (int p = p0; p < pEnd; p++) {
                            bp[base + p * NR + j] = b[src + p];
                        }
                    }
                }
            } else if (cols == NR) {
                for (int p = 0; p < kc; p++) {
                    int src = bOffset + (pc + p) * ldb + jc + jr;
                    FloatVector.fromArray(S, b, src).intoArray(bp, base + p * NR);
                    FloatVector.fromArray(S, b, src + L).intoArray(bp, base + p * NR + L);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOffset + (pc + p) * ldb + jc + jr, bp, base + p * NR, cols);
                }
            }
            if (cols < NR) {
                for (int p = 0; p < kc; p++) {
                    java.util.Arrays.fill(bp, base + p * NR + cols, base + (p + 1) * NR, 0f);
                }
            }
        }
    }

    /**
     * GEMM for one or two rows (matrix-vector products), where packing would cost more than it saves and a
     * micro-tile would be mostly empty rows: each row of C is built in a scratch row as {@code sum_p A[i][p] * B[p][:]} (vectorised along the row), then merged into C.
     * With {@code transB} the needed rows of op(B) are not contiguous, so op(B) is first copied.
     * Arguments as in {@link nnlab.backend.Backend#gemm}, already checked, with {@code m, n, k > 0}.
     */
    static void small(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOffset, int lda,
                      float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
        Workspace ws = WORKSPACE.get();
        int need = transB ? n + k * n : n;
        if (ws.row.length < need) {
            ws.row = new float[need];
        }
        float[] row = ws.row;
        float[] bRows = b;
        int bBase = bOffset;
        int bStride = ldb;
        if (transB) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    row[n + p * n + j] = b[bOffset + j * ldb + p];
                }
            }
            bRows = row;
            bBase = n;
            bStride = n;
        }
        int bound = S.loopBound(n);
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0, n, 0f);
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                int src = bBase + p * bStride;
                FloatVector av = FloatVector.broadcast(S, aip);
                int j = 0;
                for (; j < bound; j += L) {
                    av.fma(FloatVector.fromArray(S, bRows, src + j), FloatVector.fromArray(S, row, j)).intoArray(row, j);
                }
                for (; j < n; j++) {
                    row[j] = Math.fma(aip, bRows[src + j], row[j]);
                }
            }
            int ci = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                float v = alpha * row[j];
                c[ci + j] = beta == 0f ? v : v + beta * c[ci + j];
            }
        }
    }

    /**
     * GEMM as dot products, for {@code C = alpha * A * B^T + beta * C} (not transA, transB) with one or two
     * rows or columns, e.g. a batch-1 {@code y = x W^T}: every {@code C[i][j]} is the dot product of two
     * stored rows, row {@code i} of A and row {@code j} of B, both read contiguously (no copy, no packing).
     * Arguments as in {@link nnlab.backend.Backend#gemm}, already checked, with {@code m, n, k > 0}.
     */
    static void dots(int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                     float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        int bound = S.loopBound(k);
        for (int i = 0; i < m; i++) {
            int ai = aOffset + i * lda;
            for (int j = 0; j < n; j++) {
                int bj = bOffset + j * ldb;
                FloatVector acc = FloatVector.zero(S);
                int p = 0;
                for (; p < bound; p += L) {
                    acc = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), acc);
                }
                float sum = acc.reduceLanes(VectorOperators.ADD);
                for (; p < k; p++) {
                    sum = Math.fma(a[ai + p], b[bj + p], sum);
                }
                int ci = cOffset + i * ldc + j;
                float v = alpha * sum;
                c[ci] = beta == 0f ? v : Math.fma(beta, c[ci], v);
            }
        }
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    static int roundUp(int x, int multiple) {
        return ceilDiv(x, multiple) * multiple;
    }
}
