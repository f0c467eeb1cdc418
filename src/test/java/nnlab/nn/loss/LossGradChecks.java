package nnlab.nn.loss;

import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckLog;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Gradient checks and random targets for the loss tests. Each check is recorded in {@link GradCheckLog} under its
 * case name, so that {@code -Dnnlab.gradcheck.report=FILE} reports the losses with the layers.
 */
final class LossGradChecks {

    private LossGradChecks() {
    }

    /** {@code GradCheck.checkLoss(loss, pred, target)}, recorded under {@code caseName}. */
    static GradCheckResult check(String caseName, Loss loss, Tensor pred, Tensor target) {
        return GradCheckLog.record(caseName, GradCheck.checkLoss(loss, pred, target));
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
