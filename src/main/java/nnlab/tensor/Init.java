package nnlab.tensor;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * Weight initialisers with PyTorch's formulas ({@code torch.nn.init}), filling a tensor in place from an
 * injected generator. Fans follow PyTorch: for a weight {@code [out, in, k...]},
 * {@code fanIn = in * prod(k)} and {@code fanOut = out * prod(k)}.
 *
 * <table>
 *   <caption>Distributions</caption>
 *   <tr><th>method</th><th>distribution</th></tr>
 *   <tr><td>{@link #kaimingUniform}</td><td>{@code U(-b, b)}, {@code b = gain * sqrt(3 / fanIn)}</td></tr>
 *   <tr><td>{@link #kaimingNormal}</td><td>{@code N(0, std^2)}, {@code std = gain / sqrt(fanIn)}</td></tr>
 *   <tr><td>{@link #xavierUniform}</td><td>{@code U(-b, b)}, {@code b = gain * sqrt(6 / (fanIn + fanOut))}</td></tr>
 *   <tr><td>{@link #xavierNormal}</td><td>{@code N(0, std^2)}, {@code std = gain * sqrt(2 / (fanIn + fanOut))}</td></tr>
 *   <tr><td>{@link #truncatedNormal}</td><td>{@code N(mean, std^2)} restricted to {@code [a, b]}</td></tr>
 * </table>
 *
 * <p>PyTorch's default for Linear and Conv2d weights is {@code kaimingUniform(w, sqrt(5), rng)}, which works
 * out to {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))}; their biases use the same bound. The numbers drawn differ
 * from PyTorch's (a different generator), the distributions do not.
 */
public final class Init {

    private Init() {
    }

    /** {@code fanIn = shape[1] * receptive field}, for tensors of 2 or more dimensions. */
    public static int fanIn(Tensor t) {
        requireMatrixLike("fanIn", t);
        return t.dim(1) * receptiveField(t);
    }

    /** {@code fanOut = shape[0] * receptive field}, for tensors of 2 or more dimensions. */
    public static int fanOut(Tensor t) {
        requireMatrixLike("fanOut", t);
        return t.dim(0) * receptiveField(t);
    }

    /**
     * The gain for the leaky-ReLU family used by Kaiming init: {@code sqrt(2 / (1 + a^2))}; {@code a = 0}
     * is ReLU's {@code sqrt(2)}.
     */
    public static double leakyReluGain(double negativeSlope) {
        return Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope));
    }

    /**
     * {@code torch.nn.init.kaiming_uniform_(t, a, mode='fan_in', nonlinearity='leaky_relu')}:
     * {@code U(-b, b)} with {@code b = leakyReluGain(a) * sqrt(3 / fanIn)}.
     */
    public static Tensor kaimingUniform(Tensor t, double a, RandomGenerator rng) {
        double bound = leakyReluGain(a) * Math.sqrt(3.0 / fanIn(t));
        return uniform(t, -bound, bound, rng);
    }

    /** {@code torch.nn.init.kaiming_normal_(t, a, mode='fan_in')}: {@code N(0, (leakyReluGain(a) / sqrt(fanIn))^2)}. */
    public static Tensor kaimingNormal(Tensor t, double a, RandomGenerator rng) {
        return normal(t, 0, leakyReluGain(a) / Math.sqrt(fanIn(t)), rng);
    }

    /** {@code torch.nn.init.xavier_uniform_(t, gain)}: {@code U(-b, b)}, {@code b = gain * sqrt(6 / (fanIn + fanOut))}. */
    public static Tensor xavierUniform(Tensor t, double gain, RandomGenerator rng) {
        double bound = gain * Math.sqrt(6.0 / (fanIn(t) + fanOut(t)));
        return uniform(t, -bound, bound, rng);
    }

    /** {@code torch.nn.init.xavier_normal_(t, gain)}: {@code N(0, std^2)}, {@code std = gain * sqrt(2 / (fanIn + fanOut))}. */
    public static Tensor xavierNormal(Tensor t, double gain, RandomGenerator rng) {
        return normal(t, 0, gain * Math.sqrt(2.0 / (fanIn(t) + fanOut(t))), rng);
    }

    /** Fills {@code t} with {@code U(low, high)} draws (row-major, one draw each); returns {@code t}. */
    public static Tensor uniform(Tensor t, double low, double high, RandomGenerator rng) {
        requireRng(rng);
        if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("uniform init needs finite low <= high, got [" + low + ", " + high + "]");
        }
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (low + (high - low) * rng.nextDouble());
        }
        return t;
    }

    /** Fills {@code t} with {@code N(mean, std^2)} draws; returns {@code t}. */
    public static Tensor normal(Tensor t, double mean, double std, RandomGenerator rng) {
        requireRng(rng);
        if (!(std >= 0) || !Double.isFinite(mean) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("normal init needs a finite mean and std >= 0, got mean=" + mean
                    + ", std=" + std);
        }
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (mean + std * rng.nextGaussian());
        }
        return t;
    }

    /**
     * {@code torch.nn.init.trunc_normal_(t, mean, std, a, b)}: normal draws restricted to {@code [a, b]}
     * (absolute bounds, PyTorch's defaults are {@code a = -2, b = 2}), by PyTorch's inverse-CDF method:
     * {@code x = mean + std * sqrt(2) * erfinv(u)}, {@code u ~ U(2 Phi(alpha) - 1, 2 Phi(beta) - 1)}, then clamped.
     */
    public static Tensor truncatedNormal(Tensor t, double mean, double std, double a, double b, RandomGenerator rng) {
        requireRng(rng);
        if (!(std > 0) || !(a < b)) {
            throw new IllegalArgumentException("truncatedNormal needs std > 0 and a < b, got std=" + std + ", [a, b] = ["
                    + a + ", " + b + "]");
        }
        double lo = 2 * normalCdf((a - mean) / std) - 1;
        double hi = 2 * normalCdf((b - mean) / std) - 1;
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            double u = lo + (hi - lo) * rng.nextDouble();
            double x = mean + std * Math.sqrt(2) * Erf.erfInv(u);
            d[i] = (float) Math.max(a, Math.min(b, x));
        }
        return t;
    }

    /** Sets every element to {@code value}; returns {@code t}. */
    public static Tensor constant(Tensor t, float value) {
        return t.fill(value);
    }

    private static double normalCdf(double x) {
        return (1 + Erf.erf(x / Math.sqrt(2))) / 2;
    }

    private static int receptiveField(Tensor t) {
        int r = 1;
        for (int i = 2; i < t.ndim(); i++) {
            r *= t.dim(i);
        }
        return r;
    }

    private static void requireMatrixLike(String what, Tensor t) {
        if (t.ndim() < 2) {
            throw new IllegalArgumentException(what + " can not be computed for a tensor with fewer than 2 dimensions"
                    + " (got shape " + java.util.Arrays.toString(t.shape()) + "); fans are defined for weights [out, in, ...]");
        }
    }

    private static void requireRng(RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("initialiser got a null generator; pass Tensor.rng(seed) or "
                    + "Generators.defaultGenerator()");
        }
    }
}
