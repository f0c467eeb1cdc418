package nnlab.nn.layers;

import static nnlab.tensor.TensorMatchers.closeTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.nn.GradCheck;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckLog;
import nnlab.testing.GradCheckSeeds;
import nnlab.testing.TestSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SoftmaxTest {

    @Test
    void knownValuesAlongTheClassDimension() {
        // softmax([0, ln 3]) = [1/4, 3/4]; softmax([ln 2, ln 2]) = [1/2, 1/2]
        float ln2 = (float) Math.log(2);
        Tensor x = Tensor.of(new float[] {0f, (float) Math.log(3), ln2, ln2}, 2, 2);
        assertThat(new Softmax(1).forward(x), closeTo(Tensor.of(new float[] {0.25f, 0.75f, 0.5f, 0.5f}, 2, 2), 1e-6, 0));
    }

    @Test
    void largeLogitsGiveTheSameResultAsShiftedOnes() {
        // softmax is shift invariant; without max subtraction exp(1000) = inf and the result would be NaN
        Tensor big = new Softmax(1).forward(Tensor.of(new float[] {1000f, 1001f, 1002f}, 1, 3));
        Tensor small = new Softmax(1).forward(Tensor.of(new float[] {0f, 1f, 2f}, 1, 3));
        assertThat(big, closeTo(small, 1e-6, 0));
    }

    @Test
    void everyLineAlongDimSumsToOne() {
        Tensor x = Tensor.randn(Tensor.rng(TestSeeds.of(41)), 0f, 5f, 3, 4, 5);
        for (int dim : new int[] {0, 1, 2, -1}) {
            Tensor y = new Softmax(dim).forward(x);
            int d = dim < 0 ? dim + 3 : dim;
            assertThat("dim " + dim, y.sum(d), closeTo(Tensor.ones(sumShape(d)), 1e-6, 0));
        }
    }

    private static int[] sumShape(int d) {
        int[] full = {3, 4, 5};
        int[] out = new int[2];
        for (int k = 0, j = 0; k < 3; k++) {
            if (k != d) {
                out[j++] = full[k];
            }
        }
        return out;
    }

    @Test
    void negativeDimCountsFromTheEnd() {
        Tensor x = Tensor.randn(Tensor.rng(TestSeeds.of(42)), 0f, 2f, 2, 3, 4);
        assertThat(new Softmax(-1).forward(x), equalTo(new Softmax(2).forward(x)));
        assertThat(new Softmax(-2).forward(x), equalTo(new Softmax(1).forward(x)));
    }

    @Test
    void backwardOfAConstantGradientIsZero() {
        // the outputs of a line sum to 1, so moving along (1, ..., 1) changes nothing: dx = y (c - c) = 0
        Softmax f = new Softmax(1);
        f.forward(Tensor.randn(Tensor.rng(TestSeeds.of(43)), 0f, 2f, 3, 5));
        assertThat(f.backward(Tensor.full(0.7f, 3, 5)), closeTo(Tensor.zeros(3, 5), 0, 1e-7));
    }

    @Test
    void dimOutOfRangeIsAnErrorNamingTheValidRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Softmax(2).forward(Tensor.ones(4, 10)));
        assertThat(e.getMessage(), containsString("Softmax(dim=2): dim 2 is out of range for input [4, 10]; use a dim in [-2, 1]"));
        assertThat(new Softmax(1).toString(), is("Softmax(dim=1)"));
    }

    @Test
    void backwardMatchesNumericalGradient() {
        GradCheckSeeds.forCase(41).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int[] shape = randomShape(rng);
            Tensor x = Tensor.randn(rng, 0f, 1f, shape);
            GradCheckLog.assertPassed("Softmax", GradCheck.with().seed(seed)
                    .module(new Softmax(randomDim(rng, shape.length)), x));
        });
    }

    @Test
    void backwardMatchesNumericalGradientOnLargeLogits() {
        GradCheckSeeds.forCase(42).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int c = 2 + rng.nextInt(8);
            GradCheckLog.assertPassed("Softmax large logits", GradCheck.with().seed(seed)
                    .module(new Softmax(1), largeLogits(rng, 1 + rng.nextInt(4), c)));
        });
    }

    /**
     * Rows {@code [n, c]} with an offset in [100, 1000) per row and a spread of N(0, 1) around it. The gradient
     * checks use a spread of N(0, 1) as well: a wider one often lets one class take nearly all the probability,
     * and then every gradient of the row falls to the float32 noise of the numeric estimate.
     */
    static Tensor largeLogits(RandomGenerator rng, int n, int c) {
        Tensor x = Tensor.randn(rng, 0f, 1f, n, c);
        for (int i = 0; i < n; i++) {
            float offset = 100f + 900f * (float) rng.nextDouble();
            for (int j = 0; j < c; j++) {
                x.data()[i * c + j] += offset;
            }
        }
        return x;
    }

    /** A random shape with 1 to 4 dimensions of sizes 1..5 (at most 100 elements). */
    static int[] randomShape(RandomGenerator rng) {
        int[] shape = new int[1 + rng.nextInt(4)];
        for (int k = 0; k < shape.length; k++) {
            shape[k] = 1 + rng.nextInt(shape.length == 1 ? 10 : 5 - shape.length / 2);
        }
        return shape;
    }

    /** A valid dim for {@code ndim} dimensions, negative half the time. */
    static int randomDim(RandomGenerator rng, int ndim) {
        int d = rng.nextInt(ndim);
        return rng.nextBoolean() ? d : d - ndim;
    }
}
