package nnlab.nn.loss;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Sigmoid and binary cross-entropy in one stable step, as {@code torch.nn.BCEWithLogitsLoss}. Without
 * {@code pos_weight}, for score {@code x} and target {@code y}:
 * <pre>
 *   l_i = w_i · [ max(x_i, 0) - x_i · y_i + log(1 + exp(-|x_i|)) ]
 * </pre>
 * which equals {@code -w_i [y log σ(x) + (1 - y) log(1 - σ(x))]} but never overflows. With a positive-class
 * weight {@code p} (PyTorch's {@code pos_weight}, one per class, multiplying the loss of positive targets):
 * <pre>
 *   l_i = w_i · [ (1 - y_i) · x_i + (1 + (p_i - 1) · y_i) · (log(1 + exp(-|x_i|)) + max(-x_i, 0)) ]
 *   L   = Σ_i l_i / numel  (MEAN, the default)   or   Σ_i l_i  (SUM)
 * </pre>
 * Both are computed as {@code w_i · [p_i y_i · softplus(-x_i) + (1 - y_i) · softplus(x_i)]} with
 * {@code softplus(z) = max(z, 0) + log(1 + exp(-|z|))}, the same value written as a sum of non-negative terms:
 * for a confident correct score ({@code x = 30, y = 1}) PyTorch's form subtracts {@code 30 - 30} and keeps
 * only a few digits of the {@code 1e-13} that remains, this one keeps them all.
 *
 * <p>Gradient: {@code dL/dx_i = s · w_i · [ (1 + (p_i - 1) y_i) · σ(x_i) - p_i y_i ]} (that is
 * {@code s · w_i · (σ(x_i) - y_i)} without {@code pos_weight}), {@code s = 1/numel} (MEAN) or 1 (SUM).
 *
 * <p>Shapes: input any shape (raw scores); target the same shape, values in {@code [0, 1]}; weight and
 * posWeight (default none = all 1) equal to the input's trailing dimensions, e.g. {@code [C]} for
 * {@code [N, C]}, or the input's whole shape; output a scalar.
 */
public class BCEWithLogitsLoss extends Loss {

    private static final String NAME = "BCEWithLogitsLoss";

    private final Tensor weight;
    private final Tensor posWeight;

    /** Cache for backward. */
    private float[] input;
    private float[] target;
    private int[] shape;
    private double scale;

    /** {@code nn.BCEWithLogitsLoss()}: reduction MEAN, no weight, no pos_weight. */
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    /** {@code nn.BCEWithLogitsLoss(reduction=...)}. */
    public BCEWithLogitsLoss(Reduction reduction) {
        this(reduction, null, null);
    }

    private BCEWithLogitsLoss(Reduction reduction, Tensor weight, Tensor posWeight) {
        super(reduction);
        this.weight = weight;
        this.posWeight = posWeight;
    }

    /** This loss with a rescaling weight per element ({@code weight=} in PyTorch), copied. */
    public BCEWithLogitsLoss withWeight(Tensor weight) {
        return new BCEWithLogitsLoss(reduction(), ElementwiseTargets.weights(NAME, "weight", weight), posWeight);
    }

    /**
     * This loss with a weight on positive examples ({@code pos_weight=} in PyTorch), copied; e.g.
     * {@code negatives / positives} per class for imbalanced data.
     *
     * @param posWeight usually {@code [C]}, one per class (the input's last dimension)
     */
    public BCEWithLogitsLoss withPosWeight(Tensor posWeight) {
        return new BCEWithLogitsLoss(reduction(), weight, ElementwiseTargets.weights(NAME, "posWeight", posWeight));
    }

    @Override
    protected float doForward(Tensor x, Tensor y) {
        ElementwiseTargets.checkSameShape(NAME, x, y, "");
        if (weight != null) {
            ElementwiseTargets.checkBroadcast(NAME, "weight", weight, x.shape());
        }
        if (posWeight != null) {
            ElementwiseTargets.checkBroadcast(NAME, "posWeight", posWeight, x.shape());
        }
        float[] xd = x.data();
        float[] yd = y.data();
        input = xd.clone();
        target = yd.clone();
        shape = x.shape();
        double total = 0;
        for (int i = 0; i < xd.length; i++) {
            double xi = xd[i];
            double yi = yd[i];
            // p·y·softplus(-x) + (1 - y)·softplus(x): the formula above, as a sum of non-negative terms
            total += w(i) * (pw(i) * yi * softplus(-xi) + (1 - yi) * softplus(xi));
        }
        scale = ElementwiseTargets.scale(reduction(), xd.length);
        return (float) (total * scale);
    }

    @Override
    protected Tensor doBackward() {
        // dL/dx_i = s w_i ((1 + (p_i - 1) y_i) sigmoid(x_i) - p_i y_i)
        return ElementwiseTargets.gradient(shape, i -> {
            double yi = target[i];
            double p = pw(i);
            return scale * w(i) * ((1 + (p - 1) * yi) * sigmoid(input[i]) - p * yi);
        });
    }

    /** {@code log(1 + exp(z)) = max(z, 0) + log(1 + exp(-|z|))}, without overflow. */
    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** {@code 1 / (1 + exp(-x))} without overflow for large {@code |x|}. */
    private static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    private double w(int i) {
        return ElementwiseTargets.weightAt(weight, i);
    }

    private double pw(int i) {
        return ElementwiseTargets.weightAt(posWeight, i);
    }

    @Override
    public String toString() {
        return NAME + "(reduction=" + reduction().name().toLowerCase()
                + (weight == null ? "" : ", weight=" + Arrays.toString(weight.shape()))
                + (posWeight == null ? "" : ", pos_weight=" + Arrays.toString(posWeight.data())) + ")";
    }
}
