package nnlab.nn.loss;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Negative log-likelihood of class indices under log-probabilities, as {@code torch.nn.NLLLoss}; the second
 * half of {@link CrossEntropyLoss} for models that end in a log-softmax.
 *
 * <p>With class weights {@code w} (all 1 by default), sample {@code n} with target {@code y_n} contributes
 * <pre>
 *   l_n = -w_{y_n} · x_{n,y_n}
 * </pre>
 * and the loss is {@code Σ_n l_n} for {@link Reduction#SUM}, or {@code Σ_n l_n / Σ_n w_{y_n}} for
 * {@link Reduction#MEAN} (the default). Samples whose target equals the ignore index (default
 * {@value CrossEntropyLoss#DEFAULT_IGNORE_INDEX}) are left out of both sums; MEAN over no samples is NaN, as in
 * PyTorch. The input is not checked to be log-probabilities (PyTorch does not check either).
 *
 * <p>Gradient: {@code dL/dx_{n,k} = -s · w_{y_n} · [k = y_n]}, {@code s = 1} (SUM) or {@code 1 / Σ_n w_{y_n}}
 * (MEAN); zero elsewhere and on ignored rows.
 *
 * <p>Shapes: input {@code [N, C]} log-probabilities; targets {@code [N]} class indices {@code 0..C-1} stored as
 * floats; weights {@code [C]}; output a scalar.
 */
public class NLLLoss extends Loss {

    private static final String NAME = "NLLLoss";

    private final float[] weights;
    private final int ignoreIndex;

    /** Cache for backward: target class per sample, or {@link ClassTargets#IGNORED}. */
    private int[] classes;
    /** Cache for backward: the reduction's factor {@code s}. */
    private double scale;
    private int numClasses;

    /** {@code nn.NLLLoss()}: reduction MEAN, no weights, ignore index -100. */
    public NLLLoss() {
        this(Reduction.MEAN);
    }

    /** {@code nn.NLLLoss(reduction=...)}. */
    public NLLLoss(Reduction reduction) {
        this(reduction, null, CrossEntropyLoss.DEFAULT_IGNORE_INDEX);
    }

    private NLLLoss(Reduction reduction, float[] weights, int ignoreIndex) {
        super(reduction);
        this.weights = weights;
        this.ignoreIndex = ignoreIndex;
    }

    /**
     * This loss with per-class weights ({@code weight=} in PyTorch), copied.
     *
     * @param classWeights {@code [C]}, finite, {@code >= 0}
     */
    public NLLLoss withWeights(Tensor classWeights) {
        return new NLLLoss(reduction(), ClassTargets.weights(NAME, classWeights), ignoreIndex);
    }

    /** This loss with another ignore index ({@code ignore_index=} in PyTorch). */
    public NLLLoss withIgnoreIndex(int index) {
        return new NLLLoss(reduction(), weights, index);
    }

    /** The class weights, or {@code null} if none were set. */
    public Tensor weights() {
        return weights == null ? null : Tensor.vector(weights);
    }

    /** The ignore index (default {@value CrossEntropyLoss#DEFAULT_IGNORE_INDEX}). */
    public int ignoreIndex() {
        return ignoreIndex;
    }

    @Override
    protected float doForward(Tensor logProbs, Tensor target) {
        classes = ClassTargets.read(NAME, "log-probabilities", logProbs, target, weights, ignoreIndex);
        numClasses = logProbs.dim(1);
        float[] x = logProbs.data();
        double total = 0;
        double weightSum = 0;
        for (int i = 0; i < classes.length; i++) {
            int y = classes[i];
            if (y != ClassTargets.IGNORED) {
                double wy = weights == null ? 1.0 : weights[y];
                total -= wy * x[i * numClasses + y];
                weightSum += wy;
            }
        }
        scale = reduction() == Reduction.MEAN ? 1.0 / weightSum : 1.0;
        return (float) (total * scale);
    }

    @Override
    protected Tensor doBackward() {
        Tensor grad = Tensor.zeros(classes.length, numClasses);
        float[] g = grad.data();
        for (int i = 0; i < classes.length; i++) {
            int y = classes[i];
            if (y != ClassTargets.IGNORED) {
                g[i * numClasses + y] = (float) (-scale * (weights == null ? 1.0 : weights[y]));
            }
        }
        return grad;
    }

    @Override
    public String toString() {
        return NAME + "(reduction=" + reduction().name().toLowerCase()
                + (weights == null ? "" : ", weight=" + Arrays.toString(weights))
                + (ignoreIndex == CrossEntropyLoss.DEFAULT_IGNORE_INDEX ? "" : ", ignore_index=" + ignoreIndex) + ")";
    }
}
