package nnlab.tensor;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Seeded random tensors, behind {@link Tensor#rand}, {@link Tensor#uniform} and {@link Tensor#randn}.
 *
 * <p>Elements are drawn in row-major order, one generator call each, so the same generator state always
 * gives the same tensor. Arguments are checked before any number is drawn.
 */
final class TensorRandom {

    private TensorRandom() {
    }

    /** Uniform on {@code [0, 1)}: {@code RandomGenerator.nextFloat()} is exactly that range. */
    static Tensor rand(RandomGenerator rng, int[] shape) {
        requireRng("rand", rng);
        Tensor t = Tensor.allocate("rand", shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = rng.nextFloat();
        }
        return t;
    }

    /** Uniform on {@code [low, high)}: {@code low + (high - low) * u}, computed in double, kept below {@code high}. */
    static Tensor uniform(RandomGenerator rng, float low, float high, int[] shape) {
        requireRng("uniform", rng);
        requireFinite("uniform", "low", low, "pass finite bounds with low < high, e.g. uniform(rng, -0.1f, 0.1f, shape)");
        requireFinite("uniform", "high", high, "pass finite bounds with low < high, e.g. uniform(rng, -0.1f, 0.1f, shape)");
        if (!(low < high)) {
            throw new IllegalArgumentException("uniform: low must be < high, got low=" + low + ", high=" + high
                    + "; swap them, or use full(value, shape) for a constant tensor");
        }
        Tensor t = Tensor.allocate("uniform", shape);
        double width = (double) high - low;
        float below = Math.nextDown(high);
        for (int i = 0; i < t.data.length; i++) {
            float v = (float) (low + width * rng.nextDouble());
            t.data[i] = Math.min(v, below); // rounding to float may reach high; the range is half-open
        }
        return t;
    }

    /** Normal: {@code mean + std * z} with {@code z = rng.nextGaussian()} standard normal. */
    static Tensor randn(RandomGenerator rng, float mean, float std, int[] shape) {
        requireRng("randn", rng);
        requireFinite("randn", "mean", mean, "pass a finite mean, e.g. randn(rng, 0f, 1f, shape)");
        requireFinite("randn", "std", std, "pass a finite std >= 0, e.g. randn(rng, 0f, 1f, shape)");
        if (std < 0f) {
            throw new IllegalArgumentException("randn: std must be >= 0, got " + std
                    + "; the standard deviation is a spread, pass its absolute value");
        }
        Tensor t = Tensor.allocate("randn", shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = (float) (mean + std * rng.nextGaussian());
        }
        return t;
    }

    static void requireFinite(String op, String name, float value, String fix) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(op + ": " + name + " must be finite, got " + value + "; " + fix);
        }
    }

    private static void requireRng(String op, RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException(op + ": random generator is null; pass a seeded one, "
                    + "e.g. Tensor.rng(42)");
        }
    }
}
