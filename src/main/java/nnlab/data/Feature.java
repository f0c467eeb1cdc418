package nnlab.data;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * The input features of the TensorFlow Playground, computed from a 2-D point {@code (x1, x2)}: the network sees
 * the chosen features instead of the raw point, e.g. {@code X1², X2²} make the circle set linearly separable.
 * {@link #transform(Tensor, Feature...)} maps points {@code [N, 2]} to features {@code [N, k]}.
 */
public enum Feature {

    /** {@code x1}. */
    X1("X1"),
    /** {@code x2}. */
    X2("X2"),
    /** {@code x1 * x1}. */
    X1_SQUARED("X1²"),
    /** {@code x2 * x2}. */
    X2_SQUARED("X2²"),
    /** {@code x1 * x2}. */
    X1_TIMES_X2("X1X2"),
    /** {@code sin(x1)}. */
    SIN_X1("sin(X1)"),
    /** {@code sin(x2)}. */
    SIN_X2("sin(X2)");

    private final String label;

    Feature(String label) {
        this.label = label;
    }

    /** The name the playground shows next to the input node, e.g. {@code "X1²"} or {@code "sin(X2)"}. */
    public String label() {
        return label;
    }

    /** This feature of the point {@code (x1, x2)}, computed in double precision and rounded to float. */
    public float apply(float x1, float x2) {
        double a = x1;
        double b = x2;
        double v = switch (this) {
            case X1 -> a;
            case X2 -> b;
            case X1_SQUARED -> a * a;
            case X2_SQUARED -> b * b;
            case X1_TIMES_X2 -> a * b;
            case SIN_X1 -> Math.sin(a);
            case SIN_X2 -> Math.sin(b);
        };
        return (float) v;
    }

    /**
     * The chosen features of every point: column {@code j} of the result is {@code features[j]} applied to the
     * rows of {@code points}.
     *
     * @param points   points {@code [N, 2]}
     * @param features the features, in column order ({@code k >= 1}; repeats allowed)
     * @return a new tensor {@code [N, k]}
     * @throws IllegalArgumentException if {@code points} is not {@code [N, 2]} or no feature is given
     */
    public static Tensor transform(Tensor points, Feature... features) {
        if (points.ndim() != 2 || points.dim(1) != 2) {
            throw new IllegalArgumentException("Feature.transform expects points [N, 2], got "
                    + Arrays.toString(points.shape()) + "; pass the (x1, x2) points of a 2-D toy dataset");
        }
        if (features.length == 0) {
            throw new IllegalArgumentException(
                    "Feature.transform: no features chosen; pass e.g. Feature.X1, Feature.X2");
        }
        int n = points.dim(0);
        int k = features.length;
        float[] p = points.data();
        float[] out = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                out[i * k + j] = features[j].apply(p[2 * i], p[2 * i + 1]);
            }
        }
        return Tensor.of(out, n, k);
    }

    /**
     * A dataset of the chosen features of {@code points}' inputs {@code [N, 2]}, with the same targets (shared).
     *
     * @throws IllegalArgumentException as {@link #transform(Tensor, Feature...)}
     */
    public static TensorDataset transform(TensorDataset points, Feature... features) {
        return new TensorDataset(transform(points.inputs(), features), points.targets());
    }
}
