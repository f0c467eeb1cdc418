package nnlab.testing;

import java.util.stream.LongStream;

/**
 * Seeds for gradient-check tests. A normal run checks {@link #DEFAULT_COUNT} seeds per case; the acceptance run
 * that proves a check never fails on correct code uses 1000:
 * {@code mvn -o test -Dtest='nnlab.nn.**' -Dnnlab.test.jvm.flags=-Dnnlab.gradcheck.seeds=1000}.
 */
public final class GradCheckSeeds {

    /** Seeds per case in a normal test run. */
    public static final int DEFAULT_COUNT = 10;

    private GradCheckSeeds() {
    }

    /** How many seeds to check: {@code -Dnnlab.gradcheck.seeds}, default {@value #DEFAULT_COUNT}. */
    public static int count() {
        return Integer.getInteger("nnlab.gradcheck.seeds", DEFAULT_COUNT);
    }

    /** The seeds for one case, derived from the case number and {@link TestSeeds#base()}. */
    public static LongStream forCase(long caseSeed) {
        return LongStream.range(0, count()).map(i -> TestSeeds.of(caseSeed * 100_003L + i));
    }
}
