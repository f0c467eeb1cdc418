package nnlab.nn.loss;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MSELossTest {

    private static final double VALUE_TOL = 1e-6;

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void backwardMatchesNumericalGradient(Reduction reduction) {
        GradCheckSeeds.forCase(300 + reduction.ordinal()).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            int[] shape = new int[1 + rng.nextInt(3)];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = 1 + rng.nextInt(5);
            }
            Tensor x = Tensor.randn(rng, 0, 1, shape);
            Tensor y = Tensor.randn(rng, 0, 1, shape);
            LossGradChecks.check("MSE " + reduction, new MSELoss(reduction), x, y).assertPassed();
        });
    }

    @Test
    void averagesOverEveryElement() {
        // differences [1, -2, 0, 3]: squares sum to 14; MEAN over 4 elements = 3.5 (not over the batch of 2)
        Tensor x = Tensor.of(new float[] {1, 0, 5, 3}, 2, 2);
        Tensor y = Tensor.of(new float[] {0, 2, 5, 0}, 2, 2);
        MSELoss mean = new MSELoss();
        assertThat((double) mean.forward(x, y), closeTo(3.5, VALUE_TOL));
        // grad = 2 (x - y) / 4
        assertThat(mean.backward(), is(Tensor.of(new float[] {0.5f, -1f, 0f, 1.5f}, 2, 2)));
        MSELoss sum = new MSELoss(Reduction.SUM);
        assertThat((double) sum.forward(x, y), closeTo(14, VALUE_TOL));
        assertThat(sum.backward(), is(Tensor.of(new float[] {2, -4, 0, 6}, 2, 2)));
    }

    @Test
    void targetOfOtherShapeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MSELoss().forward(Tensor.zeros(4, 1), Tensor.zeros(4)));
        assertThat(e.getMessage(), containsString("MSELoss expects a target of the input's shape; got input [4, 1] "
                + "and target [4]; reshape the target to [4, 1]"));
    }
}
