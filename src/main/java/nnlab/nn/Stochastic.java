package nnlab.nn;

/**
 * A module whose training-mode forward draws random numbers, such as Dropout. {@link #reseed(long)} restarts
 * its generator, so that forwards after equal reseeds are identical: {@link GradCheck} does this before every
 * evaluation, since a numerical derivative needs the same function each time.
 */
public interface Stochastic {

    /** Restarts this module's random generator from {@code seed}. */
    void reseed(long seed);
}
