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

    interface Op { void run(Backend b); }
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int rows = 128, cols = n / rows;
        float[] x = new float[n], y = new float[n], out = new float[n], row = new float[cols];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) { x[i] = (float) r.nextDouble(-1, 1); y[i] = (float) r.nextDouble(-1, 1); }
        String[] names = {"axpy", "add", "mul", "scale", "addRowVector", "sumRows", "relu"};
        Op[] ops = {b -> b.axpy(n, 0.5f, x, y), b -> b.add(n, x, y, out), b -> b.mul(n, x, y, out),
            b -> b.scale(n, 0.7f, x, out), b -> b.addRowVector(rows, cols, row, out), b -> b.sumRows(rows, cols, x, row),
            b -> b.relu(n, x, out)};
        Backend[] bs = {new CpuBackend(), new SimdBackend()};
        for (int o = 0; o < ops.length; o++) {
            double[] best = new double[2];
            for (int round = 0; round < 3; round++) {
                for (int bi = 0; bi < 2; bi++) {
                    long bt = Long.MAX_VALUE;
                    for (int rep = 0; rep < 20000; rep++) {
                        long t0 = System.nanoTime();
                        ops[o].run(bs[bi]);
                        bt = Math.min(bt, System.nanoTime() - t0);
                    }
                    best[bi] = bt;
                }
            }
            System.out.printf("%-13s n=%d  default %8.0f ns  simd %8.0f ns  speedup %.2f%n", names[o], n, best[0], best[1], best[0] / best[1]);
        }
    }
}
