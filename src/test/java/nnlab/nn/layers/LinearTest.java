package nnlab.nn.layers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.testing.GradCheckSeeds;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LinearTest {

    @Test
    void forwardIsInputTimesWeightTransposedPlusBias() {
        Linear linear = new Linear(2, 3, true, Tensor.rng(1));
        linear.weight().value().copyFrom(Tensor.fromArray(new float[][] {{1, 2}, {3, 4}, {5, 6}}));
        linear.bias().value().copyFrom(Tensor.vector(0.5f, -1f, 2f));
        Tensor y = linear.forward(Tensor.fromArray(new float[][] {{1, 1}, {2, -1}}));
        // by hand: [1,1]·W^T = [3, 7, 11], [2,-1]·W^T = [0, 2, 4]; plus bias
        assertThat(y, is(Tensor.fromArray(new float[][] {{3.5f, 6f, 13f}, {0.5f, 1f, 6f}})));
    }

    @Test
    void backwardAccumulatesHandComputedGradients() {
        Linear linear = new Linear(2, 1, true, Tensor.rng(1));
        linear.weight().value().copyFrom(Tensor.fromArray(new float[][] {{2, -3}}));
        Tensor x = Tensor.fromArray(new float[][] {{1, 2}, {3, 4}});
        Tensor dy = Tensor.fromArray(new float[][] {{1}, {10}});
        linear.forward(x);
        Tensor dx = linear.backward(dy);
        // dW = dY^T x = [1*1 + 10*3, 1*2 + 10*4]; db = 1 + 10; dx = dY W
        assertThat(linear.weight().grad(), is(Tensor.fromArray(new float[][] {{31, 42}})));
        assertThat(linear.bias().grad(), is(Tensor.vector(11)));
        assertThat(dx, is(Tensor.fromArray(new float[][] {{2, -3}, {20, -30}})));
        linear.forward(x);
        linear.backward(dy);
        assertThat("gradients accumulate until zeroGrad", linear.bias().grad(), is(Tensor.vector(22)));
        linear.zeroGrad();
        assertThat(linear.bias().grad(), is(Tensor.vector(0)));
    }

    @Test
    void backwardMatchesNumericalGradientOnRandomShapes() {
        GradCheckSeeds.forCase(1).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int n = 1 + rng.nextInt(6);
            int in = 1 + rng.nextInt(9);
            int out = 1 + rng.nextInt(9);
            Linear linear = new Linear(in, out, rng.nextBoolean(), rng);
            Tensor x = Tensor.randn(rng, 0f, 1f, n, in);
            GradCheckResult r = GradCheck.checkModule(linear, x, seed);
            assertThat(r.message(), r.passed(), is(true));
        });
    }

    @Test
    void frozenWeightsGetNoGradientButInputGradientFlows() {
        Linear linear = new Linear(3, 2, true, Tensor.rng(2));
        linear.requiresGrad(false);
        Tensor x = Tensor.randn(Tensor.rng(3), 0f, 1f, 4, 3);
        linear.forward(x);
        Tensor dx = linear.backward(Tensor.ones(4, 2));
        assertThat(linear.weight().grad(), is(nullValue()));
        assertThat(linear.bias().grad(), is(nullValue()));
        assertThat(dx, is(Tensor.ones(4, 2).matmul(linear.weight().value())));
    }

    @Test
    void defaultInitIsUniformWithinOneOverSqrtFanIn() {
        Linear linear = new Linear(400, 50, true, Tensor.rng(4));
        double bound = 1 / Math.sqrt(400);
        assertThat((double) linear.weight().value().abs().max(), lessThanOrEqualTo(bound));
        assertThat((double) linear.bias().value().abs().max(), lessThanOrEqualTo(bound));
        // U(-b, b): E[w^2] = b^2/3, Var[w^2] = b^4/5 - b^4/9 = 4b^4/45; 20000 draws, 6 standard errors
        double meanSquare = linear.weight().value().pow(2).mean();
        assertThat(meanSquare, closeTo(bound * bound / 3, 6 * Math.sqrt(4.0 / 45 / 20000) * bound * bound));
    }

    @Test
    void wrongInputShapeSaysWhatWasExpectedAndSuggestsFlatten() {
        Linear linear = new Linear(784, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> linear.forward(Tensor.zeros(128, 28, 28)));
        assertThat(e.getMessage(), is("Linear(in_features=784, out_features=10, bias=true) expects input [N, 784], "
                + "got [128, 28, 28]; flatten first (new Flatten() or x.flatten(1))"));
    }

    @Test
    void printsLikePyTorch() {
        assertThat(new Linear(4, 2, false, Tensor.rng(0)).toString(),
                containsString("Linear(in_features=4, out_features=2, bias=false)"));
    }
}
