package nnlab.tensor;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The default random generator, used when a layer is built without one (weight initialisation, dropout
 * masks), as PyTorch's global generator. It starts from seed 0, so a program that never seeds still gives
 * the same numbers every run; {@link #manualSeed(long)} resets it, as {@code torch.manual_seed(seed)}.
 *
 * <p>Prefer passing your own generator ({@link Tensor#rng(long)}) where a constructor takes one: the result
 * then does not depend on what else drew from the default generator before. The default generator is not
 * thread-safe; build models on one thread.
 */
public final class Generators {

    private static RandomGenerator defaultGenerator = new Well19937c(0L);

    private Generators() {
    }

    /** Re-seeds the default generator, as {@code torch.manual_seed(seed)}. */
    public static synchronized void manualSeed(long seed) {
        defaultGenerator = new Well19937c(seed);
    }

    /** The default generator (shared; each draw advances it). */
    public static synchronized RandomGenerator defaultGenerator() {
        return defaultGenerator;
    }
}
