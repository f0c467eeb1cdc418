package nnlab.nn.planted;

import nnlab.nn.layers.Linear;
import nnlab.tensor.Tensor;

/**
 * Base of the planted {@link Linear} bugs: a biased {@code Linear(in, out)} seeded with {@code seed} that keeps the
 * input of the last forward, so that a subclass can write its own (wrong) backward from it.
 */
abstract class PlantedLinear extends Linear {

    /** The input of the last forward, {@code [N, in]}. */
    protected Tensor x;

    PlantedLinear(int in, int out, long seed) {
        super(in, out, true, Tensor.rng(seed));
    }

    @Override
    protected Tensor doForward(Tensor input) {
        x = input;
        return super.doForward(input);
    }
}
