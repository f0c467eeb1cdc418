package nnlab.nn;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.nn.layers.Linear;
import nnlab.nn.layers.ReLU;
import nnlab.testing.GradCheckSeeds;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SequentialTest {

    @Test
    void setReplacesTheHeadKeepingItsName() {
        Sequential model = new Sequential(new Linear(4, 8, true, Tensor.rng(1)), new ReLU(), new Linear(8, 10, true, Tensor.rng(2)));
        Linear head = new Linear(8, 3, true, Tensor.rng(3));
        model.set(2, head);
        assertThat(model.get(2), is(sameInstance(head)));
        assertThat(model.namedParameters().keySet(), contains("0.weight", "0.bias", "2.weight", "2.bias"));
        assertThat(model.forward(Tensor.ones(5, 4)).shape(), is(new int[] {5, 3}));
    }

    @Test
    void indexOutOfRangeNamesTheValidRange() {
        Sequential model = new Sequential(new ReLU());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> model.get(3));
        assertThat(e.getMessage(), containsString("it has 1 modules (0..0)"));
    }

    @Test
    void mlpBackwardMatchesNumericalGradient() {
        GradCheckSeeds.forCase(3).forEach(seed -> {
            RandomGenerator rng = Tensor.rng(seed);
            // two Linear layers: backward must chain through Sequential in reverse order (smooth, so any input works)
            Sequential mlp = new Sequential(new Linear(5, 7, true, rng), new Linear(7, 3, true, rng));
            GradCheckResult r = GradCheck.checkModule(mlp, Tensor.randn(rng, 0f, 1f, 1 + rng.nextInt(4), 5), seed);
            assertThat(r.message(), r.passed(), is(true));
        });
    }
}
