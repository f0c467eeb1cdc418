package nnlab.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM micro-kernel: one {@code MR x NR} tile of {@code C} from one packed A micro-panel and one
 * packed B micro-panel (see {@link SimdGemm} for how they are packed).
 *
 * <p>With {@code L} float lanes per vector ({@code L = 16} with AVX-512), the tile is {@code MR = 8} rows by
 * {@code NR = 2 L} columns (8 x 32). Its 8 x 2 = 16 accumulators live in vector registers for the whole
 * {@code k} loop; each step of that loop
 * <ol>
 *   <li>loads one row of the B micro-panel: two vectors {@code b0, b1} ({@code NR} consecutive floats),</li>
 *   <li>for each of the {@code MR} rows {@code r}: broadcasts the scalar {@code A[r][p]} to all lanes and
 *       does two fused multiply-adds {@code c_r0 += a_r * b0}, {@code c_r1 += a_r * b1}.</li>
 * </ol>
 * That is 16 FMAs (512 flops with AVX-512) for 2 vector loads and 8 broadcasts: the loads are cheap next
 * to the FMAs, which is the whole point of register blocking. 16 accumulators + 2 B vectors + 1 broadcast
 * use 19 of the 32 AVX-512 registers, so the JIT does not have to spill. A 12 x 32 tile (24 accumulators)
 * measured no faster on Zen 4, which issues one 512-bit FMA per cycle: 8 x 32 already keeps the FMA unit
 * busy about 85% of the time on one core (about 95 of 115 GFLOP/s).
 *
 * <p>The code is unrolled by hand: the JIT keeps named locals in registers, but not an array of vectors.
 */
final class SimdMicroKernel {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Float lanes per vector. */
    static final int L = S.length();
    /** Rows of the register tile. */
    static final int MR = 8;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;

    private SimdMicroKernel() {
    }

    /**
     * {@code tile = Apanel * Bpanel}, an {@code MR x NR} row-major tile, where the A micro-panel holds
     * {@code A[r][p]} at {@code a[aOff + p*MR + r]} and the B micro-panel holds {@code B[p][j]} at
     * {@code b[bOff + p*NR + j]}, for {@code p < kc}.
     *
     * <p>The caller merges the tile into C ({@link SimdGemm}): keeping alpha, beta and C's layout out of
     * this method keeps it small enough for the JIT to inline every Vector API call in it, which it must
     * do for the vectors to stay in registers (a vector passed to a method that is not inlined is boxed
     * into a heap object, and the kernel becomes many times slower).
     */
    static void multiply(int kc, float[] a, int aOff, float[] b, int bOff, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * MR;
            int bi = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector ar;
            ar = FloatVector.broadcast(S, a[ai + 0]);
            c00 = ar.fma(b0, c00);
            c01 = ar.fma(b1, c01);
            ar = FloatVector.broadcast(S, a[ai + 1]);
            c10 = ar.fma(b0, c10);
            c11 = ar.fma(b1, c11);
            ar = FloatVector.broadcast(S, a[ai + 2]);
            c20 = ar.fma(b0, c20);
            c21 = ar.fma(b1, c21);
            ar = FloatVector.broadcast(S, a[ai + 3]);
            c30 = ar.fma(b0, c30);
            c31 = ar.fma(b1, c31);
            ar = FloatVector.broadcast(S, a[ai + 4]);
            c40 = ar.fma(b0, c40);
            c41 = ar.fma(b1, c41);
            ar = FloatVector.broadcast(S, a[ai + 5]);
            c50 = ar.fma(b0, c50);
            c51 = ar.fma(b1, c51);
            ar = FloatVector.broadcast(S, a[ai + 6]);
            c60 = ar.fma(b0, c60);
            c61 = ar.fma(b1, c61);
            ar = FloatVector.broadcast(S, a[ai + 7]);
            c70 = ar.fma(b0, c70);
            c71 = ar.fma(b1, c71);
        }
        c00.intoArray(tile, 0 * L);
        c01.intoArray(tile, 1 * L);
        c10.intoArray(tile, 2 * L);
        c11.intoArray(tile, 3 * L);
        c20.intoArray(tile, 4 * L);
        c21.intoArray(tile, 5 * L);
        c30.intoArray(tile, 6 * L);
        c31.intoArray(tile, 7 * L);
        c40.intoArray(tile, 8 * L);
        c41.intoArray(tile, 9 * L);
        c50.intoArray(tile, 10 * L);
        c51.intoArray(tile, 11 * L);
        c60.intoArray(tile, 12 * L);
        c61.intoArray(tile, 13 * L);
        c70.intoArray(tile, 14 * L);
        c71.intoArray(tile, 15 * L);
    }
}
