package nnlab.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import nnlab.testing.TestSeeds;
import org.junit.jupiter.api.Test;

class ToyDatasetsTest {

    /** The four playground generators, by name, as {@code (n, noise, seed) -> dataset}. */
    interface Generator {
        TensorDataset make(int n, double noise, long seed);
    }

    private static final Map<String, Generator> PLAYGROUND = Map.of("circle", ToyDatasets::circle,
            "xor", ToyDatasets::xor, "twoGaussians", ToyDatasets::twoGaussians, "spiral", ToyDatasets::spiral);

    private static int ones(TensorDataset ds) {
        int c = 0;
        for (float y : ds.targets().data()) {
            c += y == 1f ? 1 : 0;
        }
        return c;
    }

    private static float x1(TensorDataset ds, int i) {
        return ds.inputs().get(i, 0);
    }

    private static float x2(TensorDataset ds, int i) {
        return ds.inputs().get(i, 1);
    }

    @Test
    void everyGeneratorGivesNPointsOfTwoCoordinatesAndZeroOneLabels() {
        for (var e : PLAYGROUND.entrySet()) {
            for (int n : new int[] {2, 7, 500}) {
                TensorDataset ds = e.getValue().make(n, 0.2, TestSeeds.of(1));
                assertArrayEquals(new int[] {n, 2}, ds.inputs().shape(), e.getKey());
                assertArrayEquals(new int[] {n}, ds.targets().shape(), e.getKey());
                for (float y : ds.targets().data()) {
                    assertThat(e.getKey(), y == 0f || y == 1f, is(true));
                }
            }
        }
    }

    @Test
    void sameSeedGivesTheSameSetAndOtherSeedsDiffer() {
        for (var e : PLAYGROUND.entrySet()) {
            TensorDataset a = e.getValue().make(100, 0.1, TestSeeds.of(2));
            TensorDataset b = e.getValue().make(100, 0.1, TestSeeds.of(2));
            TensorDataset c = e.getValue().make(100, 0.1, TestSeeds.of(3));
            assertArrayEquals(a.inputs().data(), b.inputs().data(), e.getKey());
            assertArrayEquals(a.targets().data(), b.targets().data(), e.getKey());
            assertThat(e.getKey(), Arrays.equals(a.inputs().data(), c.inputs().data()), is(false));
        }
    }

    @Test
    void noiseChangesTheSet() {
        // same seed, so the same uniform draws: only the noise term differs
        assertThat(ToyDatasets.circle(500, 0.5, TestSeeds.of(4)).targets(),
                not(ToyDatasets.circle(500, 0, TestSeeds.of(4)).targets()));
        assertThat(ToyDatasets.xor(500, 0.5, TestSeeds.of(4)).targets(),
                not(ToyDatasets.xor(500, 0, TestSeeds.of(4)).targets()));
        assertThat(ToyDatasets.spiral(100, 0.3, TestSeeds.of(4)).inputs(),
                not(ToyDatasets.spiral(100, 0, TestSeeds.of(4)).inputs()));
    }

    @Test
    void noiselessCircleHasClassOneInsideRadius2point5AndClassZeroInTheOuterRing() {
        TensorDataset ds = ToyDatasets.circle(501, 0, TestSeeds.of(5));
        assertThat(ones(ds), is(251)); // ceil(501 / 2) inner points
        for (int i = 0; i < ds.size(); i++) {
            double r = Math.hypot(x1(ds, i), x2(ds, i));
            if (ds.targets().get(i) == 1f) {
                assertThat(r, lessThan(2.5 + 1e-5)); // playground: radius 5, inner r in [0, 5 * 0.5)
            } else {
                assertThat(r, allOf(greaterThanOrEqualTo(3.5 - 1e-5), lessThan(5.0 + 1e-5))); // [5 * 0.7, 5)
            }
        }
    }

    @Test
    void noisyCircleFlipsSomeLabelsButKeepsThePointsInTheirRings() {
        TensorDataset clean = ToyDatasets.circle(500, 0, TestSeeds.of(6));
        TensorDataset noisy = ToyDatasets.circle(500, 0.5, TestSeeds.of(6));
        assertArrayEquals(clean.inputs().data(), noisy.inputs().data()); // noise only moves the labelling point
        assertThat(ones(noisy), allOf(greaterThan(0), lessThan(500)));
    }

    @Test
    void noiselessXorLabelsBySignOfProductWithPaddedAxes() {
        TensorDataset ds = ToyDatasets.xor(500, 0, TestSeeds.of(7));
        for (int i = 0; i < ds.size(); i++) {
            float a = x1(ds, i);
            float b = x2(ds, i);
            assertThat(ds.targets().get(i), is(a * b >= 0 ? 1f : 0f));
            // U(-5, 5) moved 0.3 away from 0: |x| in [0.3, 5.3]
            assertThat((double) Math.abs(a), allOf(greaterThanOrEqualTo(0.3 - 1e-6), lessThan(5.3 + 1e-6)));
            assertThat((double) Math.abs(b), allOf(greaterThanOrEqualTo(0.3 - 1e-6), lessThan(5.3 + 1e-6)));
        }
        assertThat(ones(ds), allOf(greaterThan(200), lessThan(300))); // half the quadrants, 500 points
    }

    @Test
    void twoGaussiansAreCentredAtPlusAndMinusTwo() {
        TensorDataset ds = ToyDatasets.twoGaussians(2000, 0, TestSeeds.of(8));
        assertThat(ones(ds), is(1000));
        double[] sum = new double[4];
        double sq = 0;
        for (int i = 0; i < ds.size(); i++) {
            int k = ds.targets().get(i) == 1f ? 0 : 2;
            sum[k] += x1(ds, i);
            sum[k + 1] += x2(ds, i);
            double d = x1(ds, i) - (k == 0 ? 2 : -2);
            sq += d * d;
        }
        // means within 5 standard errors (sqrt(0.5 / 1000) = 0.022) of (2, 2) and (-2, -2)
        assertThat(sum[0] / 1000, closeTo(2, 0.11));
        assertThat(sum[1] / 1000, closeTo(2, 0.11));
        assertThat(sum[2] / 1000, closeTo(-2, 0.11));
        assertThat(sum[3] / 1000, closeTo(-2, 0.11));
        // noise 0: variance 0.5 (playground's scale [0, 0.5] -> [0.5, 4]); sample variance within ~15%
        assertThat(sq / 2000, closeTo(0.5, 0.075));
    }

    @Test
    void twoGaussiansSpreadGrowsToVarianceFourAtFullNoise() {
        TensorDataset ds = ToyDatasets.twoGaussians(2000, 0.5, TestSeeds.of(9));
        double sq = 0;
        for (int i = 0; i < ds.size(); i++) {
            double d = x2(ds, i) - (ds.targets().get(i) == 1f ? 2 : -2);
            sq += d * d;
        }
        assertThat(sq / 2000, closeTo(4.0, 0.6));
    }

    @Test
    void noiselessSpiralHasTwoArmsThatArePointReflectionsOfEachOther() {
        TensorDataset ds = ToyDatasets.spiral(400, 0, TestSeeds.of(10));
        assertThat(ones(ds), is(200));
        for (int k = 0; k < 200; k++) {
            // arm 1 point k: r = 5k/200, t = 1.75 * 2 pi k / 200; arm 0 has t + pi, i.e. the point negated
            double r = 5.0 * k / 200;
            double t = 1.75 * 2 * Math.PI * k / 200;
            assertThat((double) x1(ds, k), closeTo(r * Math.sin(t), 1e-5));
            assertThat((double) x2(ds, k), closeTo(r * Math.cos(t), 1e-5));
            assertThat((double) x1(ds, 200 + k), closeTo(-x1(ds, k), 1e-5));
            assertThat((double) x2(ds, 200 + k), closeTo(-x2(ds, k), 1e-5));
            assertThat(ds.targets().get(k), is(1f));
            assertThat(ds.targets().get(200 + k), is(0f));
        }
    }

    @Test
    void noisySpiralMovesPointsByAtMostNoisePerCoordinate() {
        TensorDataset clean = ToyDatasets.spiral(100, 0, TestSeeds.of(11));
        TensorDataset noisy = ToyDatasets.spiral(100, 0.25, TestSeeds.of(11));
        double maxShift = clean.inputs().maxAbsDiff(noisy.inputs());
        assertThat(maxShift, allOf(greaterThan(0.0), lessThan(0.25 + 1e-5)));
        assertArrayEquals(clean.targets().data(), noisy.targets().data());
    }

    @Test
    void noiselessMoonsFollowScikitLearnFormula() {
        TensorDataset ds = ToyDatasets.moons(10, 0, TestSeeds.of(12));
        // make_moons(10, shuffle=False, noise=0): outer s = linspace(0, pi, 5) -> (cos s, sin s), class 0;
        // inner s = linspace(0, pi, 5) -> (1 - cos s, 0.5 - sin s), class 1
        for (int k = 0; k < 5; k++) {
            double s = Math.PI * k / 4;
            assertThat((double) x1(ds, k), closeTo(Math.cos(s), 1e-6));
            assertThat((double) x2(ds, k), closeTo(Math.sin(s), 1e-6));
            assertThat((double) x1(ds, 5 + k), closeTo(1 - Math.cos(s), 1e-6));
            assertThat((double) x2(ds, 5 + k), closeTo(0.5 - Math.sin(s), 1e-6));
        }
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, ds.targets().data());
        assertThat((double) ds.inputs().get(2, 0), closeTo(0, 1e-7)); // cos(pi / 2)
        assertThat(ds.inputs().get(2, 1), is(1f)); // sin(pi / 2)
    }

    @Test
    void noisyMoonsAddGaussianNoiseOfTheGivenStd() {
        TensorDataset clean = ToyDatasets.moons(2000, 0, TestSeeds.of(13));
        TensorDataset noisy = ToyDatasets.moons(2000, 0.2, TestSeeds.of(13));
        double sq = 0;
        float[] a = clean.inputs().data();
        float[] b = noisy.inputs().data();
        for (int j = 0; j < a.length; j++) {
            sq += (b[j] - a[j]) * (double) (b[j] - a[j]);
        }
        assertThat(Math.sqrt(sq / a.length), closeTo(0.2, 0.01)); // 4000 draws: std error of std ~ 0.2 / 89
    }

    @Test
    void trainTestSplitsAShuffledCopyAtFloorOfRatio() {
        TensorDataset ds = ToyDatasets.xor(101, 0.1, TestSeeds.of(14));
        TrainTestSplit split = ToyDatasets.trainTest(ds, 0.7, TestSeeds.of(15));
        assertThat(split.train().size(), is(70)); // floor(101 * 0.7)
        assertThat(split.test().size(), is(31));

        // every original point appears exactly once across both parts, with its label
        Map<String, Integer> seen = new HashMap<>();
        for (TensorDataset part : new TensorDataset[] {split.train(), split.test()}) {
            for (int i = 0; i < part.size(); i++) {
                seen.merge(x1(part, i) + "," + x2(part, i) + "," + part.targets().get(i), 1, Integer::sum);
            }
        }
        for (int i = 0; i < ds.size(); i++) {
            assertThat(seen.get(x1(ds, i) + "," + x2(ds, i) + "," + ds.targets().get(i)), is(1));
        }
        // shuffled, not the first 70 in order
        assertThat(split.train().inputs(), not(ds.inputs().slice(0, 70)));
    }

    @Test
    void trainTestIsDeterministicPerSeed() {
        TensorDataset ds = ToyDatasets.circle(50, 0, TestSeeds.of(16));
        TrainTestSplit a = ToyDatasets.trainTest(ds, 0.5, 3);
        TrainTestSplit b = ToyDatasets.trainTest(ds, 0.5, 3);
        TrainTestSplit c = ToyDatasets.trainTest(ds, 0.5, 4);
        assertArrayEquals(a.train().inputs().data(), b.train().inputs().data());
        assertArrayEquals(a.test().targets().data(), b.test().targets().data());
        assertThat(a.train().inputs(), not(c.train().inputs()));
    }

    @Test
    void badArgumentsAreRejectedWithTheFix() {
        IllegalArgumentException noise = assertThrows(IllegalArgumentException.class,
                () -> ToyDatasets.circle(100, 0.6, 0));
        assertThat(noise.getMessage(), containsString("noise must be in [0, 0.5]"));
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> ToyDatasets.spiral(1, 0, 0));
        assertThat(n.getMessage(), containsString("at least 2 points"));
        TensorDataset ds = ToyDatasets.xor(5, 0, 0);
        IllegalArgumentException ratio = assertThrows(IllegalArgumentException.class,
                () -> ToyDatasets.trainTest(ds, 1.0, 0));
        assertThat(ratio.getMessage(), containsString("trainRatio must be in (0, 1)"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ToyDatasets.trainTest(ds, 0.1, 0));
        assertThat(empty.getMessage(), containsString("leaves no training examples"));
        assertThrows(IllegalArgumentException.class, () -> ToyDatasets.moons(10, -0.1, 0));
    }
}
