package nnlab.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class FeatureTest {

    @Test
    void featuresOfOnePointAreExact() {
        // (x1, x2) = (1.5, -2): exact in float, products exact too
        assertThat(Feature.X1.apply(1.5f, -2f), is(1.5f));
        assertThat(Feature.X2.apply(1.5f, -2f), is(-2f));
        assertThat(Feature.X1_SQUARED.apply(1.5f, -2f), is(2.25f));
        assertThat(Feature.X2_SQUARED.apply(1.5f, -2f), is(4f));
        assertThat(Feature.X1_TIMES_X2.apply(1.5f, -2f), is(-3f));
        assertThat(Feature.SIN_X1.apply(1.5f, -2f), is((float) Math.sin(1.5)));
        assertThat(Feature.SIN_X2.apply(1.5f, -2f), is((float) Math.sin(-2.0)));
        // sin(pi/2 as float) rounds to 1
        assertThat(Feature.SIN_X1.apply((float) (Math.PI / 2), 0f), is(1f));
    }

    @Test
    void labelsAreThePlaygroundNames() {
        assertThat(Arrays.stream(Feature.values()).map(Feature::label).toList(),
                contains("X1", "X2", "X1²", "X2²", "X1X2", "sin(X1)", "sin(X2)"));
    }

    @Test
    void transformMapsRowsToChosenColumnsInOrder() {
        Tensor points = Tensor.of(new float[] {1, 2, -3, 0.5f}, 2, 2);
        Tensor f = Feature.transform(points, Feature.X1_SQUARED, Feature.X1_TIMES_X2, Feature.X2);

        assertArrayEquals(new int[] {2, 3}, f.shape());
        // row 0: (1, 2) -> 1, 2, 2; row 1: (-3, 0.5) -> 9, -1.5, 0.5
        assertArrayEquals(new float[] {1, 2, 2, 9, -1.5f, 0.5f}, f.data());
    }

    @Test
    void transformOfADatasetKeepsTheTargets() {
        TensorDataset ds = ToyDatasets.circle(20, 0, 1);
        TensorDataset f = Feature.transform(ds, Feature.X1_SQUARED, Feature.X2_SQUARED);

        assertArrayEquals(new int[] {20, 2}, f.inputs().shape());
        assertThat(f.targets(), sameInstance(ds.targets()));
        float x = ds.inputs().get(7, 1);
        assertThat(f.inputs().get(7, 1), is((float) ((double) x * x)));
    }

    @Test
    void transformRejectsNonPointInputAndEmptyFeatureList() {
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Feature.transform(Tensor.zeros(4, 3), Feature.X1));
        assertThat(shape.getMessage(), containsString("expects points [N, 2], got [4, 3]"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Feature.transform(Tensor.zeros(4, 2)));
        assertThat(none.getMessage(), containsString("no features chosen"));
    }
}
