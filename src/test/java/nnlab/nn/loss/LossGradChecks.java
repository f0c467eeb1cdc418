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
 * Runs {@link GradCheck#checkLoss} for the loss tests and records the worst relative error per case.
 *
 * <p>Run with {@code -Dnnlab.gradcheck.report=DIR} to have each test class write its worst errors per case to
 * {@code DIR/<class>.txt} (used for the 1000-seed acceptance run; tests never print).
 */
final class LossGradChecks {

    private final Map<String, Double> worst = new TreeMap<>();

    /** {@code GradCheck.checkLoss(loss, pred, target)}, recorded under {@code caseName}. */
    GradCheckResult check(String caseName, Loss loss, Tensor pred, Tensor target) {
        GradCheckResult r = GradCheck.checkLoss(loss, pred, target);
        synchronized (worst) {
            worst.merge(caseName, r.worst().relativeError(), Math::max);
        }
        return r;
    }

    /** Records the worst error of a check made elsewhere (e.g. a penalty's). */
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
