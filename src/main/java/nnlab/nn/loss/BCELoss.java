package nnlab.nn.loss;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Binary cross-entropy between probabilities and targets, as {@code torch.nn.BCELoss}:
 * <pre>
 *   l_i = -w_i · [ y_i · max(log x_i, -100) + (1 - y_i) · max(log(1 - x_i), -100) ]
 *   L   = Σ_i l_i / numel  (MEAN, the default)   or   Σ_i l_i  (SUM)
 * </pre>
 * The logs are clamped at -100, as PyTorch does, so {@code x = 0} or {@code x = 1} gives a finite loss. The input
 * must come from a sigmoid; prefer {@link BCEWithLogitsLoss} on the raw scores, which is stable for any score.
 *
 * <p>Gradient (PyTorch's, including its guard against division by zero):
 * <pre>
 *   dL/dx_i = s · w_i · (x_i - y_i) / max((1 - x_i) · x_i, 1e-12),   s = 1/numel (MEAN) or 1 (SUM)
 * </pre>
 *
 * <p>Shapes: input any shape, values in {@code [0, 1]}; target the same shape (usually 0 or 1); optional weight
 * ({@code weight=} in PyTorch, default none = all 1) equal to the input's trailing dimensions, e.g. {@code [C]}
 * for input {@code [N, C]}, or the input's whole shape; output a scalar.
 */
public class BCELoss extends Loss {

    private static final String NAME = "BCELoss";
    /** PyTorch's lower bound on {@code (1 - x) x} in the gradient. */
    private static final double EPSILON = 1e-12;
    /** PyTorch's lower bound on each log. */
    private static final double LOG_FLOOR = -100;

    private final Tensor weight;

    /** Cache for backward. */
    private float[] input;
    private float[] target;
    private int[] shape;
    private double scale;

    /** {@code nn.BCELoss()}: reduction MEAN, no weight. */
    public BCELoss() {
        this(Reduction.MEAN);
    }

    /** {@code nn.BCELoss(reduction=...)}. */
    public BCELoss(Reduction reduction) {
        this(reduction, null);
    }

    private BCELoss(Reduction reduction, Tensor weight) {
        super(reduction);
        this.weight = weight;
    }

    /** This loss with a rescaling weight per element ({@code weight=} in PyTorch), copied; see the class comment. */
    public BCELoss withWeight(Tensor weight) {
        return new BCELoss(reduction(), ElementwiseTargets.weights(NAME, "weight", weight));
    }

    @Override
    protected float doForward(Tensor x, Tensor y) {
        ElementwiseTargets.checkSameShape(NAME, x, y, "");
        if (weight != null) {
            ElementwiseTargets.checkBroadcast(NAME, "weight", weight, x.shape());
        }
        float[] xd = x.data();
        float[] yd = y.data();
        for (int i = 0; i < xd.length; i++) {
            if (!(xd[i] >= 0 && xd[i] <= 1)) {
                throw new IllegalArgumentException(NAME + ": input[" + i + "] (flat) = " + xd[i] + " is not a probability;"
                        + " all elements of input should be between 0 and 1: apply sigmoid first, or use"
                        + " BCEWithLogitsLoss on the raw scores");
            }
        }
        input = xd.clone();
        target = yd.clone();
        shape = x.shape();
        double total = 0;
        for (int i = 0; i < xd.length; i++) {
            double logX = Math.max(Math.log(xd[i]), LOG_FLOOR);
            double log1mX = Math.max(Math.log1p(-(double) xd[i]), LOG_FLOOR);
            total -= w(i) * (yd[i] * logX + (1 - (double) yd[i]) * log1mX);
        }
        scale = ElementwiseTargets.scale(reduction(), xd.length);
        return (float) (total * scale);
    }

    @Override
    protected Tensor doBackward() {
        // dL/dx_i = s w_i (x_i - y_i) / max((1 - x_i) x_i, 1e-12)
        return ElementwiseTargets.gradient(shape, i -> {
            double x = input[i];
            return scale * w(i) * (x - target[i]) / Math.max((1 - x) * x, EPSILON);
        });
    }

    private double w(int i) {
        return ElementwiseTargets.weightAt(weight, i);
    }

    @Override
    public String toString() {
        return NAME + "(reduction=" + reduction().name().toLowerCase()
                + (weight == null ? "" : ", weight=" + Arrays.toString(weight.shape())) + ")";
    }
}
