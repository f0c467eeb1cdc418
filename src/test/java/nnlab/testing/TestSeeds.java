package nnlab.testing;

/**
 * Seeds for randomised tests. Every test is deterministic for a given seed; run the suite with
 * {@code -Dnnlab.test.jvm.flags=-Dnnlab.test.seed=N} to try other data (numerical tests are checked with
 * several seeds before they are trusted).
 */
public final class TestSeeds {

    private TestSeeds() {
    }

    /** The base seed: {@code -Dnnlab.test.seed}, default 0 (the data the committed expectations were checked on). */
    public static long base() {
        return Long.getLong("nnlab.test.seed", 0L);
    }

    /** A seed for one test case: the base mixed with the case's own number. */
    public static long of(long caseSeed) {
        return base() * 1_000_003L + caseSeed;
    }
}
