package nnlab.nn.loss;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Cross-entropy between unnormalised scores (logits) and class indices, as {@code torch.nn.CrossEntropyLoss}:
 * log-softmax followed by the negative log-likelihood, in one numerically stable step.
 *
 * <p>With {@code log p_{n,c} = x_{n,c} - logsumexp_k x_{n,k}}, class weights {@code w} (all 1 by default) and
 * label smoothing {@code ε} (0 by default), sample {@code n} with target {@code y_n} contributes
 * <pre>
 *   l_n = (1 - ε) · w_{y_n} · (-log p_{n,y_n})  +  (ε / C) · Σ_c w_c · (-log p_{n,c})
 * </pre>
 * and the loss is {@code Σ_n l_n} for {@link Reduction#SUM}, or {@code Σ_n l_n / Σ_n w_{y_n}} for
 * {@link Reduction#MEAN} (the default; without weights that is the average over the batch). This is PyTorch
 * 1.13's formula, including how smoothing meets weights: the smoothing term is weighted by {@code w_c} and
 * divided by the same {@code Σ_n w_{y_n}}. Samples whose target equals the ignore index (default
 * {@value #DEFAULT_IGNORE_INDEX}, as PyTorch) contribute nothing to either sum; if every sample is ignored, MEAN
 * is {@code 0/0 = NaN}, as in PyTorch.
 *
 * <p>Stability: {@code logsumexp_k x_k = m + log Σ_k exp(x_k - m)} with {@code m = max_k x_k}, so logits of
 * 1000 neither overflow nor lose the answer. Sums run in double.
 *
 * <p>Gradient, with {@code p = softmax(x)} and {@code W = Σ_c w_c}:
 * <pre>
 *   dL/dx_{n,k} = s · [ (1 - ε) · w_{y_n} · (p_{n,k} - [k = y_n])  +  (ε / C) · (W · p_{n,k} - w_k) ]
 * </pre>
 * with {@code s = 1} (SUM) or {@code s = 1 / Σ_n w_{y_n}} (MEAN); without weights this is
 * {@code s · (p - onehot_smoothed)} with {@code onehot_smoothed = (1 - ε) · onehot + ε / C}. Ignored rows get 0.
 *
 * <p>Shapes: logits {@code [N, C]}; targets {@code [N]}, a float tensor holding class indices {@code 0..C-1}
 * (not one-hot rows); weights {@code [C]}; output a scalar; gradient {@code [N, C]}.
 *
 * <p>Options return a new loss: {@code new CrossEntropyLoss(Reduction.SUM).withWeights(w).withLabelSmoothing(0.1)}
 * is {@code nn.CrossEntropyLoss(weight=w, reduction='sum', label_smoothing=0.1)}.
 */
public class CrossEntropyLoss extends Loss {

    /** PyTorch's default {@code ignore_index}. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    private static final String NAME = "CrossEntropyLoss";

    private final float[] weights;
    private final double labelSmoothing;
    private final int ignoreIndex;

    /** Cache for backward: softmax probabilities {@code [N, C]}, row-major. */
    private double[] probs;
    /** Cache for backward: target class per sample, or {@link ClassTargets#IGNORED}. */
    private int[] classes;
    /** Cache for backward: the reduction's factor {@code s}. */
    private double scale;
    private int numClasses;

    /** {@code nn.CrossEntropyLoss()}: reduction MEAN, no weights, no smoothing, ignore index -100. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    /** {@code nn.CrossEntropyLoss(reduction=...)}. */
    public CrossEntropyLoss(Reduction reduction) {
        this(reduction, null, 0.0, DEFAULT_IGNORE_INDEX);
    }

    private CrossEntropyLoss(Reduction reduction, float[] weights, double labelSmoothing, int ignoreIndex) {
        super(reduction);
        this.weights = weights;
        this.labelSmoothing = labelSmoothing;
        this.ignoreIndex = ignoreIndex;
    }

    /**
     * This loss with per-class weights ({@code weight=} in PyTorch), copied.
     *
     * @param classWeights {@code [C]}, finite, {@code >= 0}
     */
    public CrossEntropyLoss withWeights(Tensor classWeights) {
        return new CrossEntropyLoss(reduction(), ClassTargets.weights(NAME, classWeights), labelSmoothing, ignoreIndex);
    }

    /**
     * This loss with label smoothing {@code ε} ({@code label_smoothing=} in PyTorch).
     *
     * @param epsilon in {@code [0, 1)}; 0 turns smoothing off
     */
    public CrossEntropyLoss withLabelSmoothing(double epsilon) {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException(NAME + ": label smoothing must be in [0, 1), got " + epsilon
                    + "; typical values are 0.05 to 0.2");
        }
        return new CrossEntropyLoss(reduction(), weights, epsilon, ignoreIndex);
    }

    /** This loss with another ignore index ({@code ignore_index=} in PyTorch): targets equal to it are skipped. */
    public CrossEntropyLoss withIgnoreIndex(int index) {
        return new CrossEntropyLoss(reduction(), weights, labelSmoothing, index);
    }

    /** The class weights, or {@code null} if none were set. */
    public Tensor weights() {
        return weights == null ? null : Tensor.vector(weights);
    }

    /** The label smoothing {@code ε} (default 0). */
    public double labelSmoothing() {
        return labelSmoothing;
    }

    /** The ignore index (default {@value #DEFAULT_IGNORE_INDEX}). */
    public int ignoreIndex() {
        return ignoreIndex;
    }

    @Override
    protected float doForward(Tensor logits, Tensor target) {
        classes = ClassTargets.read(NAME, "logits", logits, target, weights, ignoreIndex);
        int n = classes.length;
        int c = logits.dim(1);
        float[] x = logits.data();
        probs = new double[n * c];
        numClasses = c;
        double eps = labelSmoothing;
        double total = 0;
        double weightSum = 0;
        for (int i = 0; i < n; i++) {
            int y = classes[i];
            if (y == ClassTargets.IGNORED) {
                continue;
            }
            int row = i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                max = Math.max(max, x[row + k]);
            }
            double sumExp = 0;
            for (int k = 0; k < c; k++) {
                double e = Math.exp(x[row + k] - max);
                probs[row + k] = e;
                sumExp += e;
            }
            double logSumExp = max + Math.log(sumExp);
            double smooth = 0; // Σ_c w_c · (-log p_c)
            for (int k = 0; k < c; k++) {
                probs[row + k] /= sumExp;
                smooth += weight(k) * (logSumExp - x[row + k]);
            }
            double wy = weight(y);
            total += (1 - eps) * wy * (logSumExp - x[row + y]) + eps / c * smooth;
            weightSum += wy;
        }
        scale = reduction() == Reduction.MEAN ? 1.0 / weightSum : 1.0;
        return (float) (total * scale);
    }

    @Override
    protected Tensor doBackward() {
        int n = classes.length;
        int c = numClasses;
        Tensor grad = Tensor.zeros(n, c);
        float[] g = grad.data();
        double eps = labelSmoothing;
        double weightTotal = 0;
        for (int k = 0; k < c; k++) {
            weightTotal += weight(k);
        }
        for (int i = 0; i < n; i++) {
            int y = classes[i];
            if (y == ClassTargets.IGNORED) {
                continue;
            }
            double wy = weight(y);
            for (int k = 0; k < c; k++) {
                double p = probs[i * c + k];
                double hard = wy * (p - (k == y ? 1 : 0));
                double smooth = weightTotal * p - weight(k);
                g[i * c + k] = (float) (scale * ((1 - eps) * hard + eps / c * smooth));
            }
        }
        return grad;
    }

    private double weight(int k) {
        return weights == null ? 1.0 : weights[k];
    }

    @Override
    public String toString() {
        return NAME + "(reduction=" + reduction().name().toLowerCase()
                + (weights == null ? "" : ", weight=" + Arrays.toString(weights))
                + (labelSmoothing == 0 ? "" : ", label_smoothing=" + labelSmoothing)
                + (ignoreIndex == DEFAULT_IGNORE_INDEX ? "" : ", ignore_index=" + ignoreIndex) + ")";
    }
}
