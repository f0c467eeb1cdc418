package lab00;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.grading.Graded;
import nnlab.grading.GradesFiles;
import nnlab.grading.GradingSeed;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hidden tests of {@code VectorOps}: random inputs drawn from the grading seed, expected values from double loops. */
@GradesFiles("VectorOps.java")
class VectorOpsHiddenTest {

    private static float[] randomVector(RandomGenerator rng, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) (rng.nextGaussian() * 3);
        }
        return v;
    }

    private static double exactDot(float[] a, float[] b) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += (double) a[i] * b[i];
        }
        return total;
    }

    @Test
    @Graded(points = 1, number = "0.1", name = "sum: the worked example still works")
    void sumOfTheWorkedExample() {
        RandomGenerator rng = GradingSeed.rng("sum");
        float[] x = randomVector(rng, 1 + rng.nextInt(100));
        double expected = 0;
        for (float v : x) {
            expected += v;
        }
        assertThat("sum of a random vector", (double) VectorOps.sum(x), closeTo(expected, 1e-5 * (1 + Math.abs(expected))));
    }

    @Test
    @Tag("lab00.1")
    @Graded(points = 2, number = "1.1", name = "dot: random vectors of random lengths")
    void dotMatchesExactSumOnRandomVectors() {
        RandomGenerator rng = GradingSeed.rng("dot");
        for (int trial = 0; trial < 20; trial++) {
            int n = rng.nextInt(200);
            float[] a = randomVector(rng, n);
            float[] b = randomVector(rng, n);
            double expected = exactDot(a, b);
            assertThat("dot of two random vectors of length " + n, (double) VectorOps.dot(a, b),
                    closeTo(expected, 1e-5 * (1 + Math.abs(expected))));
        }
    }

    @Test
    @Tag("lab00.1")
    @Graded(points = 1, number = "1.2", name = "dot: lengths that differ are refused")
    void dotRefusesDifferentLengths() {
        RandomGenerator rng = GradingSeed.rng("dot-lengths");
        int n = 1 + rng.nextInt(20);
        assertThrows(IllegalArgumentException.class, () -> VectorOps.dot(new float[n], new float[n + 1]),
                "dot(length " + n + ", length " + (n + 1) + ") must throw IllegalArgumentException");
    }

    @Test
    @Tag("lab00.2")
    @Graded(points = 2, number = "2.1", name = "matVec: random matrices")
    void matVecMatchesRowDotProducts() {
        RandomGenerator rng = GradingSeed.rng("matVec");
        for (int trial = 0; trial < 10; trial++) {
            int m = 1 + rng.nextInt(30);
            int n = 1 + rng.nextInt(30);
            float[][] w = new float[m][];
            for (int i = 0; i < m; i++) {
                w[i] = randomVector(rng, n);
            }
            float[] x = randomVector(rng, n);
            float[] y = VectorOps.matVec(w, x);
            assertEquals(m, y.length, "matVec of a " + m + "x" + n + " matrix must return " + m + " values");
            for (int i = 0; i < m; i++) {
                double expected = exactDot(w[i], x);
                assertThat("y[" + i + "] of a " + m + "x" + n + " matrix", (double) y[i],
                        closeTo(expected, 1e-5 * (1 + Math.abs(expected))));
            }
        }
    }
}
