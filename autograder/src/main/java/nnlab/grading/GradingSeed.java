package nnlab.grading;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The seed of a grading run, for hidden tests that draw their inputs at random: inputs a student cannot know in
 * advance (hard-coding the outputs of the public tests' inputs earns nothing), yet the same in every regrade of the
 * same submission, so that scores are reproducible.
 *
 * <pre>{@code
 * RandomGenerator rng = GradingSeed.rng("dot");          // one stream per test, independent of test order
 * float[] a = randomVector(rng, 1 + rng.nextInt(50));
 * }</pre>
 *
 * <p>The runner passes the seed to every test JVM as the system property {@value #PROPERTY} (and records it in
 * {@code results.json}'s {@code extra_data}); without it (a test run from the IDE) the seed is {@value #DEFAULT}.
 */
public final class GradingSeed {

    /** The system property that carries the seed into the test JVM. */
    public static final String PROPERTY = "nnlab.grading.seed";

    /** The seed when {@value #PROPERTY} is not set. */
    public static final long DEFAULT = 20260901L;

    private GradingSeed() {
    }

    /**
     * The seed of this grading run.
     *
     * @throws IllegalStateException if {@value #PROPERTY} is set but is not a whole number
     */
    public static long value() {
        String text = System.getProperty(PROPERTY);
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + text + " is not a whole number; the runner"
                    + " passes the seed given to nnlab-grade --seed", e);
        }
    }

    /**
     * A random generator for one named stream of this grading run: the same name and seed give the same numbers,
     * different names give independent ones, whatever order the tests run in.
     *
     * @param stream a name for the stream, usually the test's, e.g. {@code "dot"}
     */
    public static RandomGenerator rng(String stream) {
        long mixed = value() * 0x9E3779B97F4A7C15L + stream.hashCode();
        return new Well19937c(new int[] {(int) (mixed >>> 32), (int) mixed, stream.length()});
    }
}
