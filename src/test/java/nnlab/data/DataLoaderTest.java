package nnlab.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    /** 10 examples whose input row {@code i} is {@code [i, 10 i]} and whose target is {@code i}. */
    private static TensorDataset numbered(int n) {
        Tensor x = Tensor.zeros(n, 2);
        Tensor y = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            x.set(i, i, 0).set(10 * i, i, 1);
            y.set(i, i);
        }
        return new TensorDataset(x, y);
    }

    private static List<Float> targetsOfEpoch(DataLoader loader) {
        List<Float> seen = new ArrayList<>();
        for (Batch b : loader) {
            for (float t : b.targets().toArray()) {
                seen.add(t);
            }
        }
        return seen;
    }

    @Test
    void withoutShufflingBatchesAreInOrderAndTheLastIsSmaller() {
        DataLoader loader = new DataLoader(numbered(10), 4, false, 0);
        List<int[]> shapes = new ArrayList<>();
        for (Batch b : loader) {
            shapes.add(b.inputs().shape());
        }
        assertThat(shapes.size(), is(3));
        assertThat(shapes.get(2), is(new int[] {2, 2}));
        assertThat(targetsOfEpoch(loader), is(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f)));
    }

    @Test
    void dropLastKeepsOnlyFullBatches() {
        DataLoader loader = new DataLoader(numbered(10), 4, true, 3, true);
        assertThat(loader.batchesPerEpoch(), is(2));
        assertThat(targetsOfEpoch(loader).size(), is(8));
    }

    @Test
    void everyEpochIsAPermutationAndEpochsDiffer() {
        DataLoader loader = new DataLoader(numbered(50), 8, true, 7);
        List<Float> first = targetsOfEpoch(loader);
        List<Float> second = targetsOfEpoch(loader);
        List<Float> sorted = new ArrayList<>(first);
        sorted.sort(Float::compare);
        List<Float> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add((float) i);
        }
        assertThat(sorted, is(all));
        assertThat(second, is(not(first)));
    }

    @Test
    void sameSeedGivesTheSameSequenceOfEpochs() {
        DataLoader a = new DataLoader(numbered(30), 8, true, 11);
        DataLoader b = new DataLoader(numbered(30), 8, true, 11);
        for (int e = 0; e < 3; e++) {
            assertThat(targetsOfEpoch(b), is(targetsOfEpoch(a)));
        }
        assertThat(new DataLoader(numbered(30), 8, true, 12).order(0), is(not(a.order(0))));
    }

    @Test
    void inputsStayPairedWithTheirTargets() {
        for (Batch b : new DataLoader(numbered(20), 6, true, 5)) {
            for (int r = 0; r < b.size(); r++) {
                float t = b.targets().get(r);
                assertThat(b.inputs().get(r, 0), is(t));
                assertThat(b.inputs().get(r, 1), is(10 * t));
            }
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataLoader(numbered(3), 0, false, 0));
        assertThat(e.getMessage(), containsString("batchSize must be >= 1, got 0"));
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4)));
        assertThat(mismatch.getMessage(), containsString("must have the same batch size"));
    }

    @Test
    void subsetsTakeTheFirstOrRandomDistinctExamples() {
        TensorDataset data = numbered(100);
        assertThat(Subset.first(data, 3).all().targets(), is(Tensor.vector(0, 1, 2)));
        float[] picked = Subset.random(data, 20, 4).all().targets().toArray();
        float[] again = Subset.random(data, 20, 4).all().targets().toArray();
        assertThat(again, is(picked));
        float[] sorted = picked.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            assertThat("distinct", sorted[i] != sorted[i - 1], is(true));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Subset.first(data, 101));
        assertThat(e.getMessage(), containsString("cannot take 101 examples from a dataset of 100"));
    }
}
