package nnlab.backend.simd;

import nnlab.backend.Backend;
import nnlab.backend.CpuBackend;

/**
 * Development probe (not a test): times the element-wise ops of {@link SimdBackend} against the plain-Java
 * defaults (as run by {@link CpuBackend}), best of 20000 calls. Usage: {@code SimdElementwiseProbe n}, n a
 * multiple of 128 (addRowVector / sumRows use a [128, n/128] matrix).
 */
public final class SimdElementwiseProbe {

    private SimdElementwiseProbe() {
    }

    private interface Op {
        void run(Backend backend);
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int rows = 128;
        int cols = n / rows;
        float[] x = new float[n];
        float[] y = new float[n];
        float[] out = new float[n];
        float[] row = new float[cols];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
            y[i] = (float) rnd.nextDouble(-1, 1);
        }
        String[] names = {"axpy", "add", "mul", "scale", "addRowVector", "sumRows", "relu"};
        Op[] ops = {
            b -> b.axpy(n, 0.5f, x, y),
            b -> b.add(n, x, y, out),
            b -> b.mul(n, x, y, out),
            b -> b.scale(n, 0.7f, x, out),
            b -> b.addRowVector(rows, cols, row, out),
            b -> b.sumRows(rows, cols, x, row),
            b -> b.relu(n, x, out),
        };
        try (Backend cpu = new CpuBackend(); Backend simd = new SimdBackend()) {
            Backend[] backends = {cpu, simd};
            for (int o = 0; o < ops.length; o++) {
                long[] best = new long[2];
                for (int round = 0; round < 3; round++) { // the last round runs fully JIT-compiled code
                    for (int bi = 0; bi < 2; bi++) {
                        best[bi] = Long.MAX_VALUE;
                        for (int rep = 0; rep < 20000; rep++) {
                            long t0 = System.nanoTime();
                            ops[o].run(backends[bi]);
                            best[bi] = Math.min(best[bi], System.nanoTime() - t0);
                        }
                    }
                }
                System.out.printf("%-13s n=%d  default %8d ns  simd %8d ns  speedup %.2f%n",
                        names[o], n, best[0], best[1], (double) best[0] / best[1]);
            }
        }
    }
}
