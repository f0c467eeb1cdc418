package nnlab.nn.loss;

import nnlab.tensor.Tensor;

/**
 * Mean squared error, as {@code torch.nn.MSELoss}:
 * <pre>
 *   l_i = (x_i - y_i)^2,    L = Σ_i l_i / numel  (MEAN, the default)   or   Σ_i l_i  (SUM)
 * </pre>
 * MEAN averages over <em>every</em> element, not only over the batch: for {@code [N, D]} it divides by
 * {@code N·D}, as PyTorch.
 *
 * <p>Gradient: {@code dL/dx_i = 2 (x_i - y_i) · s}, {@code s = 1/numel} (MEAN) or 1 (SUM).
 *
 * <p>Shapes: input any shape; target the same shape (no broadcasting, unlike PyTorch which warns and
 * broadcasts); output a scalar.
 */
public class MSELoss extends Loss {

    /** Cache for backward: {@code x - y}, in double. */
    private double[] diff;
    private int[] shape;
    private double scale;

    /** {@code nn.MSELoss()}: reduction MEAN. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /** {@code nn.MSELoss(reduction=...)}. */
    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    protected float doForward(Tensor input, Tensor target) {
        ElementwiseTargets.checkSameShape("MSELoss", input, target,
                input.ndim() == 2 && target.ndim() == 1 ? "; for class indices use CrossEntropyLoss" : "");
        float[] x = input.data();
        float[] y = target.data();
        diff = new double[x.length];
        shape = input.shape();
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            diff[i] = (double) x[i] - y[i];
            total += diff[i] * diff[i];
        }
        scale = ElementwiseTargets.scale(reduction(), x.length);
        return (float) (total * scale);
    }

    @Override
    protected Tensor doBackward() {
        // dL/dx_i = 2 (x_i - y_i) s
        return ElementwiseTargets.gradient(shape, i -> 2 * diff[i] * scale);
    }
}
