package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.nn.Stochastic;
import nnlab.tensor.Generators;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Randomly zeroes elements during training, as {@code torch.nn.Dropout(p=0.5)} (inverted dropout).
 *
 * <p><b>Training mode.</b> Each element is kept independently with probability {@code 1 - p} and scaled by
 * {@code 1/(1-p)}, so that every element keeps its expectation:
 * <pre>
 *   m_i ~ Bernoulli(1 - p),   y_i = x_i * m_i / (1 - p),   E[y_i] = x_i
 * </pre>
 * The scaled mask {@code m / (1-p)} is kept for backward: {@code dx = dy * m / (1-p)}. With {@code p = 1}
 * every element is dropped and the output and gradient are zeros (as PyTorch); with {@code p = 0} the layer is
 * the identity.
 *
 * <p><b>Evaluation mode.</b> The identity: {@code y = x} and {@code dx = dy}; the input and gradient tensors
 * themselves are returned (no copy), as PyTorch does. No random numbers are drawn.
 *
 * <p><b>Shapes.</b> Any; the output has the input's shape.
 *
 * <p><b>Randomness.</b> Mask element {@code i} (row-major order) is kept iff {@code u_i >= p}, where
 * {@code u_i = rng.nextDouble()}. A generator passed to the constructor (or a seed) makes the masks
 * reproducible: two Dropouts with the same seed draw the same masks. Without one, each forward draws from
 * {@link Generators#defaultGenerator()} at the time of the forward, so {@code Generators.manualSeed} affects it
 * as {@code torch.manual_seed} does. {@link #reseed(long)} switches to a fresh generator with that seed.
 * PyTorch's own masks come from a different generator and cannot be reproduced bit for bit.
 */
public class Dropout extends Module implements Stochastic {

    private final double p;
    /** The generator for masks; {@code null} means the default generator, looked up at each forward. */
    private RandomGenerator rng;

    /** Cache for backward: the scaled mask {@code m / (1-p)} of the last training-mode forward. */
    private float[] scaledMask;

    /** {@code Dropout(p = 0.5)} drawing from the default generator. */
    public Dropout() {
        this(0.5);
    }

    /**
     * Dropout with drop probability {@code p}, drawing from the default generator.
     *
     * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
     */
    public Dropout(double p) {
        this.p = checkProbability(p);
        this.rng = null;
    }

    /**
     * Dropout with drop probability {@code p} drawing masks from {@code rng}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= p <= 1}, or if {@code rng} is null
     */
    public Dropout(double p, RandomGenerator rng) {
        this.p = checkProbability(p);
        if (rng == null) {
            throw new IllegalArgumentException("Dropout: rng is null; pass a generator such as Tensor.rng(seed), "
                    + "or use new Dropout(p) for the default generator");
        }
        this.rng = rng;
    }

    /**
     * Dropout with drop probability {@code p} and its own generator {@code Tensor.rng(seed)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
     */
    public Dropout(double p, long seed) {
        this(p, Tensor.rng(seed));
    }

    private static double checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p
                    + "; p is the probability of dropping an element, e.g. 0.5");
        }
        return p;
    }

    /** The drop probability {@code p}. */
    public double p() {
        return p;
    }

    @Override
    public void reseed(long seed) {
        rng = Tensor.rng(seed);
    }

    @Override
    protected Tensor doForward(Tensor x) {
        if (!isTraining()) {
            scaledMask = null;
            return x;
        }
        RandomGenerator gen = rng != null ? rng : Generators.defaultGenerator();
        float keptScale = p < 1 ? (float) (1 / (1 - p)) : 0f;
        float[] in = x.data();
        scaledMask = new float[in.length];
        Tensor y = Tensor.zerosLike(x);
        float[] out = y.data();
        for (int i = 0; i < in.length; i++) {
            scaledMask[i] = gen.nextDouble() >= p ? keptScale : 0f;
            out[i] = in[i] * scaledMask[i];
        }
        return y;
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        if (scaledMask == null) { // evaluation mode: the identity
            return gradOut;
        }
        float[] dy = gradOut.data();
        Tensor dx = Tensor.zerosLike(gradOut);
        float[] out = dx.data();
        for (int i = 0; i < out.length; i++) {
            out[i] = dy[i] * scaledMask[i];
        }
        return dx;
    }

    @Override
    protected String extraRepr() {
        return "p=" + PythonRepr.ofFloat(p);
    }
}
