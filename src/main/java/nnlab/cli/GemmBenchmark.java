package nnlab.cli;

import java.util.Arrays;
import java.util.SplittableRandom;
import nnlab.backend.Backend;
import nnlab.backend.ReferenceGemm;

/**
 * Measures GEMM throughput, {@code C[m, n] = A[m, k] * B[k, n]} in float32, as {@code 2*m*n*k / seconds}.
 *
 * <p>Method: inputs are seeded random values in [-1, 1). Each backend is first warmed up once on a
 * 512^3 product for {@value #BACKEND_WARMUP_SECONDS} s ({@link #warmUp}), so that the JIT has compiled its
 * kernels before anything is timed (a cold Vector API micro-kernel runs 3x slower). Then, per shape, the
 * call is warmed for at least two calls and {@value #WARMUP_SECONDS} s, and timed call by call until at least
 * {@code minSeconds} and {@value #MIN_RUNS} calls have passed. The reported figure is the median call;
 * the best call is kept too. Wall-clock time ({@link System#nanoTime()}) of whole calls, so host-device
 * copies of the OpenCL backend are included, as a user would see them.
 */
public final class GemmBenchmark {

    static final double WARMUP_SECONDS = 0.3;
    static final double BACKEND_WARMUP_SECONDS = 1.5;
    static final int MIN_RUNS = 3;

    /** The textbook triple loop (one thread), the naive-Java baseline every result is compared with. */
    public static final String NAIVE = "naive";

    private GemmBenchmark() {
    }

    /**
     * One measurement.
     *
     * @param backend       backend name ({@code naive} for the triple-loop baseline)
     * @param m             rows of A and C
     * @param n             columns of B and C
     * @param k             the inner dimension
     * @param threads       threads (or compute units) the backend used
     * @param gflops        median GFLOP/s
     * @param bestGflops    fastest call's GFLOP/s
     * @param runs          timed calls
     */
    public record Result(String backend, int m, int n, int k, int threads, double gflops, double bestGflops, int runs) {

        /** One JSON object: keys backend, m, n, k, threads, gflops (the median). */
        public String toJson() {
            return String.format(java.util.Locale.ROOT,
                    "{\"backend\":\"%s\",\"m\":%d,\"n\":%d,\"k\":%d,\"threads\":%d,\"gflops\":%.3f}",
                    backend, m, n, k, threads, gflops);
        }
    }

    /** Runs 512^3 products on {@code backend} for {@code seconds}, so that later measurements see compiled code. */
    public static void warmUp(Backend backend, double seconds) {
        int size = 512;
        SplittableRandom rng = new SplittableRandom(1);
        float[] a = random(rng, size * size);
        float[] b = random(rng, size * size);
        float[] c = new float[size * size];
        long start = System.nanoTime();
        do {
            backend.gemm(false, false, size, size, size, 1f, a, b, 0f, c);
        } while (System.nanoTime() - start < seconds * 1e9);
    }

    /** Measures {@code backend} on one shape; {@code backend == null} measures the naive baseline. */
    public static Result measure(Backend backend, int m, int n, int k, double minSeconds) {
        SplittableRandom rng = new SplittableRandom(20261125L);
        float[] a = random(rng, m * k);
        float[] b = random(rng, k * n);
        float[] c = new float[m * n];
        Runnable call = backend == null
                ? () -> ReferenceGemm.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n)
                : () -> backend.gemm(false, false, m, n, k, 1f, a, b, 0f, c);
        boolean naive = backend == null;
        int warmups = naive ? 0 : 2;
        long warmStart = System.nanoTime();
        for (int i = 0; i < warmups || (!naive && System.nanoTime() - warmStart < WARMUP_SECONDS * 1e9); i++) {
            call.run();
        }
        int minRuns = naive ? 1 : MIN_RUNS;
        double[] seconds = new double[64];
        int runs = 0;
        double total = 0;
        while (runs < minRuns || (total < minSeconds && runs < seconds.length)) {
            long t0 = System.nanoTime();
            call.run();
            double s = (System.nanoTime() - t0) / 1e9;
            seconds[runs++] = s;
            total += s;
        }
        double[] timed = Arrays.copyOf(seconds, runs);
        Arrays.sort(timed);
        double median = runs % 2 == 1 ? timed[runs / 2] : (timed[runs / 2 - 1] + timed[runs / 2]) / 2;
        double flops = 2.0 * m * n * k;
        return new Result(naive ? NAIVE : backend.name(), m, n, k, naive ? 1 : backend.parallelism(),
                flops / median / 1e9, flops / timed[0] / 1e9, runs);
    }

    private static float[] random(SplittableRandom rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }
}
