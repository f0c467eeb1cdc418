package nnlab.nn.loss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * How the loss tests run {@link GradCheck}, and a record of the worst relative error per case.
 *
 * <p><b>Step.</b> A loss returns its value as a float, so every evaluation of the objective carries a rounding
 * error of about {@code 2^-24 |L|}; the difference quotient turns it into a gradient error of about
 * {@code 2^-24 |L| / h}, while GradCheck judges small elements against 1% of the gradient's RMS. With the
 * default {@code h = 2^-8} that noise reached relative errors of 0.17 (cross-entropy, N = 8, C = 8, 1000 seeds).
 * The losses are smooth (analytic away from BCE's ends), so a larger step costs little truncation error
 * ({@code O(h^4)}): measured worst errors over 1000 seeds of weighted, smoothed cross-entropy were 0.17, 0.037,
 * 0.010, 0.0043, 0.0055, 0.078 for {@code h = 2^-8, 2^-6, 2^-4, 2^-3, 2^-2, 2^-1}. {@link #STEP} = {@code 2^-3}
 * is the minimum (BCE-with-logits: 0.0029 at {@code 2^-3}, 0.0061 at {@code 2^-4}). BCE on probabilities has
 * derivatives {@code ~ 1/x^5} that grow near 0 and 1; its inputs are drawn from {@code [0.25, 0.75]} and
 * checked with {@link #BCE_STEP} = {@code 2^-6} (1000 seeds: 0.016, 0.0035, 0.0069 for {@code 2^-5, 2^-6, 2^-7}).
 * The tolerance stays GradCheck's default.
 *
 * <p>Run with {@code -Dnnlab.gradcheck.report=DIR} to have each test class write its worst errors per case to
 * {@code DIR/<class>.txt} (used for the 1000-seed acceptance run; tests never print).
 */
final class LossGradChecks {

    /** Difference step for the smooth losses on unbounded inputs; see the class comment. */
    static final double STEP = 0x1.0p-3;
    /** Difference step for BCE on probabilities drawn from {@code [0.25, 0.75]}; see the class comment. */
    static final double BCE_STEP = 0x1.0p-6;

    private final Map<String, Double> worst = new TreeMap<>();

    /** Checks {@code loss} at {@code (pred, target)} with step {@code h} and the seed, records the result. */
    GradCheckResult check(String caseName, long seed, double h, Loss loss, Tensor pred, Tensor target) {
        GradCheckResult r = GradCheck.with().seed(seed).step(h).loss(loss, pred, target);
        synchronized (worst) {
            worst.merge(caseName, r.worst().relativeError(), Math::max);
        }
        return r;
    }

    /** Records an error measured elsewhere (e.g. a penalty's own check). */
    void record(String caseName, double relativeError) {
        synchronized (worst) {
            worst.merge(caseName, relativeError, Math::max);
        }
    }

    /** Writes the record to {@code -Dnnlab.gradcheck.report} if that property is set. */
    void writeReport(Class<?> testClass) {
        String dir = System.getProperty("nnlab.gradcheck.report");
        if (dir == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        worst.forEach((k, v) -> sb.append(k).append('\t').append(String.format("%.3e", v)).append('\n'));
        try {
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, testClass.getSimpleName() + ".txt"), sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code n} class indices in {@code 0..c-1}, as floats. */
    static Tensor classTargets(RandomGenerator rng, int n, int c) {
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextInt(c);
        }
        return Tensor.vector(t);
    }

    /** Targets in {@code {0, 1}} of the given shape. */
    static Tensor binaryTargets(RandomGenerator rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextBoolean() ? 1f : 0f;
        }
        return t;
    }
}
