package nnlab.data;

import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The 2-D classification sets of the TensorFlow Playground ({@code playground.tensorflow.org}, {@code dataset.ts}):
 * circle, XOR, two Gaussians and spiral, plus scikit-learn's {@code make_moons}.
 *
 * <p>Each returns a {@link TensorDataset} of points {@code [n, 2]} ({@code x1, x2}) and targets {@code [n]}.
 * <b>Labels</b>: the playground labels points {@code +1} / {@code -1}; nnlab uses class indices as floats, so
 * {@code +1 -> 1} and {@code -1 -> 0} (what {@code CrossEntropyLoss} with 2 classes, or {@code BCELoss} on a
 * sigmoid output, takes). Points come in generation order (first class 1, then class 0, except XOR); use
 * {@link #trainTest(Dataset, double, long)} to shuffle and split, as the playground does.
 *
 * <p><b>Noise</b> is the playground's slider divided by 100, {@code 0..0.5} (the playground's default 0). The
 * random numbers come from {@code Tensor.rng(seed)} in the playground's order of draws ({@code Math.random()}
 * replaced by {@code rng.nextDouble()}), so a seed fixes the set. For odd {@code n} the playground makes
 * {@code n + 1} points; here the first class gets {@code ceil(n / 2)} points and the second {@code floor(n / 2)},
 * so there are exactly {@code n}. The playground itself uses {@code n = 500}.
 */
public final class ToyDatasets {

    private ToyDatasets() {
    }

    /**
     * Two rings: class 1 uniform in radius {@code [0, 2.5)} (the playground's {@code radius * 0.5}, radius 5),
     * class 0 in radius {@code [3.5, 5)}, uniform angle. With noise, each label is that of the point shifted by
     * {@code noise * U(-5, 5)} per coordinate (inside radius 2.5 means class 1), so some points near the gap swap
     * class; the point itself is not moved. Draws per point: radius, angle, shift x, shift y.
     *
     * @param n     number of points ({@code >= 2})
     * @param noise label noise, {@code 0..0.5}
     * @param seed  seed of {@code Tensor.rng}
     * @return points {@code [n, 2]} and labels {@code [n]} (0 or 1)
     */
    public static TensorDataset circle(int n, double noise, long seed) {
        check("circle", n, noise);
        RandomGenerator rng = Tensor.rng(seed);
        float[] xy = new float[2 * n];
        float[] y = new float[n];
        double radius = 5;
        for (int i = 0; i < n; i++) {
            boolean inner = i < (n + 1) / 2;
            double r = inner ? uniform(rng, 0, radius * 0.5) : uniform(rng, radius * 0.7, radius);
            double angle = uniform(rng, 0, 2 * Math.PI);
            double px = r * Math.sin(angle);
            double py = r * Math.cos(angle);
            double nx = px + uniform(rng, -radius, radius) * noise;
            double ny = py + uniform(rng, -radius, radius) * noise;
            put(xy, y, i, px, py, Math.hypot(nx, ny) < radius * 0.5);
        }
        return dataset(xy, y, n);
    }

    /**
     * The four quadrants: {@code x1, x2} uniform in {@code [-5, 5)}, moved 0.3 away from each axis (so the
     * coordinates lie in {@code [-5.3, -0.3] or (0.3, 5.3)}); class 1 where {@code x1 * x2 >= 0}, taken at the
     * point shifted by {@code noise * U(-5, 5)} per coordinate. Draws per point: x, y, shift x, shift y.
     *
     * @param n     number of points ({@code >= 2})
     * @param noise label noise, {@code 0..0.5}
     * @param seed  seed of {@code Tensor.rng}
     * @return points {@code [n, 2]} and labels {@code [n]} (0 or 1)
     */
    public static TensorDataset xor(int n, double noise, long seed) {
        check("xor", n, noise);
        RandomGenerator rng = Tensor.rng(seed);
        float[] xy = new float[2 * n];
        float[] y = new float[n];
        double padding = 0.3;
        for (int i = 0; i < n; i++) {
            double px = uniform(rng, -5, 5);
            px += px > 0 ? padding : -padding;
            double py = uniform(rng, -5, 5);
            py += py > 0 ? padding : -padding;
            double nx = px + uniform(rng, -5, 5) * noise;
            double ny = py + uniform(rng, -5, 5) * noise;
            put(xy, y, i, px, py, nx * ny >= 0);
        }
        return dataset(xy, y, n);
    }

    /**
     * Two Gaussian blobs: class 1 around {@code (2, 2)}, class 0 around {@code (-2, -2)}, each coordinate normal
     * with variance {@code 0.5 + 7 * noise} (the playground maps noise {@code [0, 0.5]} linearly to variance
     * {@code [0.5, 4]}). Normal numbers come from the Marsaglia polar method, as the playground's
     * {@code normalRandom}.
     *
     * @param n     number of points ({@code >= 2})
     * @param noise spread, {@code 0..0.5}
     * @param seed  seed of {@code Tensor.rng}
     * @return points {@code [n, 2]} and labels {@code [n]} (0 or 1)
     */
    public static TensorDataset twoGaussians(int n, double noise, long seed) {
        check("twoGaussians", n, noise);
        RandomGenerator rng = Tensor.rng(seed);
        float[] xy = new float[2 * n];
        float[] y = new float[n];
        double std = Math.sqrt(0.5 + noise * (4 - 0.5) / 0.5);
        for (int i = 0; i < n; i++) {
            boolean positive = i < (n + 1) / 2;
            double c = positive ? 2 : -2;
            double px = c + std * polarNormal(rng);
            double py = c + std * polarNormal(rng);
            put(xy, y, i, px, py, positive);
        }
        return dataset(xy, y, n);
    }

    /**
     * Two interleaved spiral arms of {@code m} points each: point {@code i} of an arm has radius {@code 5 i / m}
     * and angle {@code t = 1.75 * 2 pi * i / m + delta} ({@code delta = 0} for class 1, {@code pi} for class 0),
     * at {@code (r sin t + noise * U(-1, 1), r cos t + noise * U(-1, 1))}. Noise moves the points; labels stay.
     *
     * @param n     number of points ({@code >= 2})
     * @param noise position noise, {@code 0..0.5}
     * @param seed  seed of {@code Tensor.rng}
     * @return points {@code [n, 2]} and labels {@code [n]} (0 or 1)
     */
    public static TensorDataset spiral(int n, double noise, long seed) {
        check("spiral", n, noise);
        RandomGenerator rng = Tensor.rng(seed);
        float[] xy = new float[2 * n];
        float[] y = new float[n];
        int first = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            boolean positive = i < first;
            int k = positive ? i : i - first;
            int m = positive ? first : n - first;
            double r = (double) k / m * 5;
            double t = 1.75 * k / m * 2 * Math.PI + (positive ? 0 : Math.PI);
            double px = r * Math.sin(t) + uniform(rng, -1, 1) * noise;
            double py = r * Math.cos(t) + uniform(rng, -1, 1) * noise;
            put(xy, y, i, px, py, positive);
        }
        return dataset(xy, y, n);
    }

    /**
     * scikit-learn's {@code make_moons(n, shuffle=False, noise=noise)}: class 0 is the upper half circle
     * {@code (cos s, sin s)} for {@code floor(n / 2)} values of {@code s} evenly spaced on {@code [0, pi]}; class 1
     * is {@code (1 - cos s, 0.5 - sin s)} for the other {@code ceil(n / 2)}. Then Gaussian noise of standard
     * deviation {@code noise} is added to every coordinate (draws in row-major order, {@code rng.nextGaussian()}).
     * Unlike the playground sets, {@code noise} is a standard deviation ({@code >= 0}, scikit-learn's examples use
     * 0.1 to 0.3) and class 0 comes first.
     *
     * @param n     number of points ({@code >= 2})
     * @param noise standard deviation of the Gaussian noise ({@code >= 0})
     * @param seed  seed of {@code Tensor.rng}
     * @return points {@code [n, 2]} and labels {@code [n]} (0 or 1)
     */
    public static TensorDataset moons(int n, double noise, long seed) {
        if (n < 2 || !(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("moons(" + n + ", " + noise + "): need n >= 2 and a finite noise >= 0"
                    + " (the standard deviation of the Gaussian noise, e.g. 0.1)");
        }
        RandomGenerator rng = Tensor.rng(seed);
        float[] xy = new float[2 * n];
        float[] y = new float[n];
        int out = n / 2;
        int in = n - out;
        for (int i = 0; i < n; i++) {
            boolean outer = i < out;
            int k = outer ? i : i - out;
            int m = outer ? out : in;
            double s = m == 1 ? 0 : Math.PI * k / (m - 1); // numpy.linspace(0, pi, m)
            double px = outer ? Math.cos(s) : 1 - Math.cos(s);
            double py = outer ? Math.sin(s) : 1 - Math.sin(s) - 0.5;
            put(xy, y, i, px, py, !outer);
        }
        if (noise > 0) {
            for (int j = 0; j < xy.length; j++) {
                xy[j] = (float) (xy[j] + noise * rng.nextGaussian());
            }
        }
        return dataset(xy, y, n);
    }

    /**
     * Shuffles {@code dataset} with {@code Tensor.rng(seed)} (Fisher-Yates) and splits it as the playground's
     * "ratio of training to test data": the first {@code floor(size * trainRatio)} shuffled examples are the
     * training set, the rest the test set. Both are copies.
     *
     * @param dataset    the examples
     * @param trainRatio fraction for training, in {@code (0, 1)} (the playground's slider is 10% to 90%, default 50%)
     * @param seed       seed of the shuffle
     * @return the training part and the test part
     * @throws IllegalArgumentException if the ratio is not in {@code (0, 1)} or leaves either part empty
     */
    public static TrainTestSplit trainTest(Dataset dataset, double trainRatio, long seed) {
        if (!(trainRatio > 0 && trainRatio < 1)) {
            throw new IllegalArgumentException("trainTest: trainRatio must be in (0, 1), got " + trainRatio
                    + "; pass e.g. 0.5 for the playground's 50%");
        }
        int n = dataset.size();
        int split = (int) Math.floor(n * trainRatio);
        if (split == 0 || split == n) {
            throw new IllegalArgumentException("trainTest: ratio " + trainRatio + " of " + n + " examples leaves "
                    + (split == 0 ? "no training" : "no test") + " examples; use more examples or another ratio");
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        RandomGenerator rng = Tensor.rng(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        Batch train = dataset.batch(java.util.Arrays.copyOfRange(perm, 0, split));
        Batch test = dataset.batch(java.util.Arrays.copyOfRange(perm, split, n));
        return new TrainTestSplit(new TensorDataset(train.inputs(), train.targets()),
                new TensorDataset(test.inputs(), test.targets()));
    }

    private static void check(String name, int n, double noise) {
        if (n < 2) {
            throw new IllegalArgumentException(name + ": need at least 2 points (one per class), got n = " + n);
        }
        if (!(noise >= 0 && noise <= 0.5)) {
            throw new IllegalArgumentException(name + ": noise must be in [0, 0.5] (the playground's 0..50 divided"
                    + " by 100), got " + noise);
        }
    }

    private static double uniform(RandomGenerator rng, double a, double b) {
        return rng.nextDouble() * (b - a) + a;
    }

    /** Standard normal by the Marsaglia polar method (the playground's {@code normalRandom}; s = 0 redrawn). */
    private static double polarNormal(RandomGenerator rng) {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * rng.nextDouble() - 1;
            v2 = 2 * rng.nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s > 1 || s == 0);
        return Math.sqrt(-2 * Math.log(s) / s) * v1;
    }

    private static void put(float[] xy, float[] y, int i, double px, double py, boolean positive) {
        xy[2 * i] = (float) px;
        xy[2 * i + 1] = (float) py;
        y[i] = positive ? 1f : 0f;
    }

    private static TensorDataset dataset(float[] xy, float[] y, int n) {
        return new TensorDataset(Tensor.of(xy, n, 2), Tensor.of(y, n));
    }
}
