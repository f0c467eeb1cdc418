package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * Leaky rectified linear unit, as {@code torch.nn.LeakyReLU(negative_slope=0.01)}, element-wise:
 * <pre>
 *   y = x                    if x &gt; 0
 *   y = negativeSlope * x    otherwise
 * </pre>
 *
 * <p>Shapes: any; output has the input's shape. Backward: {@code dx = dy} where {@code x > 0}, else
 * {@code dx = negativeSlope * dy} (at exactly 0 the slope is {@code negativeSlope}, as PyTorch). Same in train
 * and eval mode.
 */
public class LeakyReLU extends Module {

    private final double negativeSlope;
    /** The slope as the float the computation multiplies by. */
    private final float slope;

    /** Cache for backward: the input of the last forward. */
    private Tensor input;

    /** {@code LeakyReLU(negativeSlope = 0.01)}. */
    public LeakyReLU() {
        this(0.01);
    }

    /**
     * @param negativeSlope slope for {@code x <= 0} (finite; usually small and positive)
     * @throws IllegalArgumentException if the slope is NaN or infinite
     */
    public LeakyReLU(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyReLU: negativeSlope must be finite, got " + negativeSlope
                    + "; the default is 0.01");
        }
        this.negativeSlope = negativeSlope;
        this.slope = (float) negativeSlope;
    }

    /** The slope for {@code x <= 0}. */
    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    protected Tensor doForward(Tensor x) {
        input = x;
        return x.map(v -> v > 0f ? v : v * slope);
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        // dx = dy where x > 0, else negativeSlope * dy
        return LocalGradient.apply(gradOut, input, (dy, x) -> x > 0f ? dy : dy * slope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + PythonRepr.ofFloat(negativeSlope);
    }
}
