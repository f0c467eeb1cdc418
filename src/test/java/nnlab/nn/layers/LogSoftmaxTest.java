package nnlab.nn.layers;

import static nnlab.tensor.TensorMatchers.closeTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.nn.GradCheck;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckLog;
import nnlab.testing.GradCheckSeeds;
import nnlab.testing.TestSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LogSoftmaxTest {

    @Test
    void knownValues() {
        // log softmax([0, ln 3]) = [ln 1/4, ln 3/4]
        Tensor y = new LogSoftmax(1).forward(Tensor.of(new float[] {0f, (float) Math.log(3)}, 1, 2));
        assertThat(y, closeTo(Tensor.of(new float[] {(float) Math.log(0.25), (float) Math.log(0.75)}, 1, 2), 1e-6, 0));
    }

    @Test
    void extremeLogitsStayFinite() {
        // [-1000, 0, 1000]: log-sum-exp is 1000 (+ e^-1000, lost), so y = x - 1000 exactly
        Tensor y = new LogSoftmax(-1).forward(Tensor.vector(-1000f, 0f, 1000f));
        assertThat(y, closeTo(Tensor.vector(-2000f, -1000f, 0f), 0, 0));
    }

    @Test
    void exponentialIsTheSoftmax() {
        Tensor x = Tensor.randn(Tensor.rng(TestSeeds.of(51)), 0f, 3f, 2, 3, 4);
        for (int dim : new int[] {0, 1, -1}) {
            assertThat("dim " + dim, new LogSoftmax(dim).forward(x).exp(),
                    closeTo(new Softmax(dim).forward(x), 1e-5, 1e-7));
        }
    }

    @Test
    void backwardIsGradientMinusSoftmaxTimesItsSum() {
        // dx = dy - softmax * sum(dy): for x = [0, ln 3] (softmax [1/4, 3/4]) and dy = [1, 0]: [3/4, -3/4]
        LogSoftmax f = new LogSoftmax(1);
        f.forward(Tensor.of(new float[] {0f, (float) Math.log(3)}, 1, 2));
        assertThat(f.backward(Tensor.of(new float[] {1f, 0f}, 1, 2)),
                closeTo(Tensor.of(new float[] {0.75f, -0.75f}, 1, 2), 1e-6, 0));
    }

    @Test
    void dimOutOfRangeIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LogSoftmax(-3).forward(Tensor.ones(4, 10)));
        assertThat(e.getMessage(), containsString("dim -3 is out of range for input [4, 10]; use a dim in [-2, 1]"));
        assertThat(new LogSoftmax(1).toString(), is("LogSoftmax(dim=1)"));
    }

    @Test
    void backwardMatchesNumericalGradient() {
        GradCheckSeeds.forCase(51).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int[] shape = SoftmaxTest.randomShape(rng);
            Tensor x = Tensor.randn(rng, 0f, 1f, shape);
            LogSoftmax f = new LogSoftmax(SoftmaxTest.randomDim(rng, shape.length));
            GradCheckLog.assertPassed("LogSoftmax", GradCheck.with().seed(seed).module(f, x));
        });
    }

    @Test
    void backwardMatchesNumericalGradientOnLargeLogits() {
        GradCheckSeeds.forCase(52).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            Tensor x = SoftmaxTest.largeLogits(rng, 1 + rng.nextInt(4), 2 + rng.nextInt(8));
            GradCheckLog.assertPassed("LogSoftmax large logits", GradCheck.with().seed(seed)
                    .module(new LogSoftmax(1), x));
        });
    }
}
