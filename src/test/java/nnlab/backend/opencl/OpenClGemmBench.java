package nnlab.backend.opencl;

import nnlab.backend.CpuBackend;

import java.util.Random;

/**
 * Measures {@link OpenClBackend#gemm} throughput (not a JUnit test). Run after {@code mvn test-compile}:
 * <pre>java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     nnlab.backend.opencl.OpenClGemmBench [reps]</pre>
 * Add {@code -Dnnlab.opencl.sharedMemory=false} to measure with real host/device copies. Reported time is
 * the whole {@code gemm} call: host packing, transfers, kernel and unpacking; best and median of reps.
 */
public final class OpenClGemmBench {

    private OpenClGemmBench() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (OpenClBackend backend = OpenClBackend.open()) {
            System.out.println(backend.description() + ", sharedMemory=" + OpenClSupport.sharedMemory());
            run(backend, 1024, 1024, 1024, reps);
            run(backend, 128, 1000, 784, reps);
            run(backend, 128, 784, 1000, reps);
            System.out.println("gemm proof: " + backend.lastExecution("gemm"));
            CpuBackend cpu = new CpuBackend();
            run(cpu, 1024, 1024, 1024, Math.max(1, reps / 2));
            run(cpu, 128, 1000, 784, Math.max(1, reps / 2));
        }
    }

    private static void run(nnlab.backend.Backend backend, int m, int n, int k, int reps) {
        Random random = new Random(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextFloat() - 0.5f;
        }
        backend.gemm(false, false, m, n, k, 1f, a, b, 0f, c); // warm-up (first use compiles)
        double[] times = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            backend.gemm(false, false, m, n, k, 1f, a, b, 0f, c);
            times[r] = (System.nanoTime() - t0) * 1e-9;
        }
        java.util.Arrays.sort(times);
        float[] expected = new float[m * n];
        new CpuBackend().gemm(false, false, m, n, k, 1f, a, b, 0f, expected);
        double maxError = 0;
        for (int i = 0; i < expected.length; i++) {
            maxError = Math.max(maxError, Math.abs(expected[i] - c[i]));
        }
        double flops = 2.0 * m * n * k;
        System.out.printf("%-6s %4d x %4d x %4d: best %7.2f GFLOP/s (%.1f ms), median %7.2f GFLOP/s, max |c - cpu| %.2e%n",
                backend.name(), m, n, k, flops / times[0] * 1e-9, times[0] * 1e3, flops / times[reps / 2] * 1e-9, maxError);
    }
}
