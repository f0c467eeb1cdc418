package nnlab.backend.simd;

import java.util.Arrays;
import java.util.SplittableRandom;
import nnlab.backend.Backend;
import nnlab.backend.CpuBackend;

/**
 * Quick GEMM throughput probe for development (not a test, not the real benchmark: that is
 * {@code nnlab bench gemm}). Usage:
 * <pre>java --add-modules jdk.incubator.vector -cp ... nnlab.backend.simd.SimdGemmProbe [reps] [MxNxK[:TN] ...] [--simd-only]</pre>
 * For each shape, after at least 1.5 s of warm-up, prints the best and median GFLOP/s (flops = 2*m*n*k) of simd and cpu.
 */
public final class SimdGemmProbe {

    private SimdGemmProbe() {
    }

    public static void main(String[] args) {
        int reps = 10;
        boolean simdOnly = false;
        java.util.List<int[]> shapes = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--simd-only")) {
                simdOnly = true;
            } else if (arg.contains("x")) {
                shapes.add(parse(arg));
            } else {
                reps = Integer.parseInt(arg);
            }
        }
        if (shapes.isEmpty()) {
            for (String s : new String[] {"1024x1024x1024", "128x1000x784", "256x256x256", "512x512x512", "2048x2048x2048"}) {
                shapes.add(parse(s));
            }
        }
        try (Backend simd = new SimdBackend(); Backend cpu = new CpuBackend()) {
            System.out.println(simd.description());
            for (int[] s : shapes) {
                boolean ta = s[3] != 0;
                boolean tb = s[4] != 0;
                double[] g = measure(simd, ta, tb, s[0], s[1], s[2], reps);
                String line = String.format("%5dx%5dx%5d %s%s  simd best %7.1f median %7.1f", s[0], s[1], s[2],
                        ta ? "T" : "N", tb ? "T" : "N", g[0], g[1]);
                if (!simdOnly) {
                    double[] e = measure(cpu, ta, tb, s[0], s[1], s[2], Math.max(3, reps / 2));
                    line += String.format("   cpu best %6.1f median %6.1f   ratio(best) %5.2f", e[0], e[1], g[0] / e[0]);
                }
                System.out.println(line);
            }
        }
    }

    /** {@code MxNxK} or {@code MxNxK:TN} (transA, transB) as {m, n, k, transA, transB}. */
    private static int[] parse(String arg) {
        String[] parts = arg.split(":");
        int[] mnk = Arrays.stream(parts[0].split("x")).mapToInt(Integer::parseInt).toArray();
        String t = parts.length > 1 ? parts[1] : "NN";
        return new int[] {mnk[0], mnk[1], mnk[2], t.charAt(0) == 'T' ? 1 : 0, t.charAt(1) == 'T' ? 1 : 0};
    }

    /** {best, median} GFLOP/s of {@code C = op(A) * op(B)} with op(A) m x k and op(B) k x n. */
    static double[] measure(Backend backend, boolean ta, boolean tb, int m, int n, int k, int reps) {
        SplittableRandom rnd = new SplittableRandom(42);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextDouble(-1, 1);
        }
        double flops = 2.0 * m * n * k;
        // Warm up for at least 5 calls and 1.5 s, so that the JIT has compiled the hot loops.
        long warmEnd = System.nanoTime() + 1_500_000_000L;
        for (int i = 0; i < 5 || System.nanoTime() < warmEnd; i++) {
            backend.gemm(ta, tb, m, n, k, 1f, a, b, 0f, c);
        }
        int runs = (int) Math.max(reps, Math.min(500, reps * 2e8 / flops));
        double[] gflops = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            backend.gemm(ta, tb, m, n, k, 1f, a, b, 0f, c);
            gflops[r] = flops / (System.nanoTime() - t0);
        }
        Arrays.sort(gflops);
        return new double[] {gflops[runs - 1], gflops[runs / 2]};
    }
}
