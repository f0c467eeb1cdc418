package nnlab.optim;

import java.util.Map;
import java.util.Set;
import nnlab.nn.Parameter;

/**
 * Adagrad (Duchi et al., 2011), as {@code torch.optim.Adagrad} (PyTorch 1.13): each weight's step is
 * divided by the root of the sum of all its squared gradients so far.
 *
 * <pre>
 * input: γ (lr), θ₀ (params), λ (weight decay), τ (initial accumulator value), η (lr decay), ε
 * initialize: sum₀ ← τ
 * for t = 1, 2, ...:
 *     g ← ∇θ f(θ_{t-1})
 *     γ̃ ← γ / (1 + (t - 1) η)
 *     if λ ≠ 0:  g ← g + λ θ_{t-1}
 *     sum_t ← sum_{t-1} + g²
 *     θ_t ← θ_{t-1} - γ̃ g / (√sum_t + ε)
 * </pre>
 *
 * <p><b>Defaults:</b> lr 1e-2, lrDecay 0, weightDecay 0, initialAccumulatorValue 0, eps 1e-10.
 * <b>State</b> per parameter: {@code sum} and the step count t. PyTorch creates it for every parameter in
 * the constructor; here it is created on the parameter's first update (with the same initial value, so
 * the arithmetic is the same). <b>Skipped:</b> frozen parameters and those without a gradient (see
 * {@link Optimizer}); PyTorch's {@code maximize}, {@code foreach}, sparse gradients.
 *
 * <p><b>Arithmetic</b> is float32 per element with the scalar factors ({@code γ̃}) computed in double and
 * rounded to float, as PyTorch's CPU kernels; PyTorch fuses some multiply-adds (FMA), so results may
 * differ from it by a few ulps (at most 2.4e-7 after the 10 steps of the parity tests).
 */
public final class Adagrad extends Optimizer {

    private double lrDecay;
    private double weightDecay;
    private double initialAccumulatorValue;
    private double eps = 1e-10;

    /** Adagrad over {@code params} with the default learning rate 1e-2. */
    public Adagrad(Iterable<Parameter> params) {
        this(params, 1e-2);
    }

    /**
     * Adagrad over {@code params} with learning rate {@code lr}.
     *
     * @throws IllegalArgumentException if {@code params} is empty or repeats a parameter, or lr is invalid
     */
    public Adagrad(Iterable<Parameter> params, double lr) {
        super(params, lr);
    }

    /** The learning-rate decay η (default 0). */
    public double lrDecay() {
        return lrDecay;
    }

    /**
     * Sets the learning-rate decay η: step t uses {@code lr / (1 + (t - 1) η)}.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if negative (or NaN/infinite)
     */
    public Adagrad lrDecay(double lrDecay) {
        this.lrDecay = requireNonNegative(lrDecay, "lr_decay value", "lr decay must be a finite number >= 0, e.g. 1e-3");
        return this;
    }

    /** The weight decay λ, an L2 penalty added to the gradient (default 0). */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * Sets the weight decay λ: the gradient becomes {@code g + λ θ}.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if negative (or NaN/infinite)
     */
    public Adagrad weightDecay(double weightDecay) {
        this.weightDecay = requireNonNegative(weightDecay, "weight_decay value", "weight decay must be a finite number >= 0, e.g. 1e-4");
        return this;
    }

    /** The initial value τ of every element of {@code sum} (default 0). */
    public double initialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    /**
     * Sets τ, the starting value of the squared-gradient sums; it affects parameters whose state does not
     * exist yet.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if negative (or NaN/infinite)
     */
    public Adagrad initialAccumulatorValue(double initialAccumulatorValue) {
        this.initialAccumulatorValue = requireNonNegative(initialAccumulatorValue, "initial_accumulator_value value",
                "the initial accumulator value must be a finite number >= 0, e.g. 0.1");
        return this;
    }

    /** ε, added to the denominator for numerical stability (default 1e-10). */
    public double eps() {
        return eps;
    }

    /**
     * Sets ε.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if negative (or NaN/infinite)
     */
    public Adagrad eps(double eps) {
        this.eps = requireNonNegative(eps, "epsilon value", "eps must be a finite number >= 0, e.g. 1e-10");
        return this;
    }

    @Override
    public void step() {
        float epsilon = (float) eps;
        for (int i = 0; i < parameters().size(); i++) {
            Parameter p = parameters().get(i);
            if (!receivesUpdate(p)) {
                continue;
            }
            ParamState state = state(i);
            long t = state.incrementStep();
            float[] theta = p.value().data();
            float[] g = withL2Penalty(p.grad().data(), theta, weightDecay);  // g = g + λ θ (grad stays untouched)
            float[] sum = state.buffer("sum", p, (float) initialAccumulatorValue).data();
            float negClr = (float) -(lr() / (1 + (t - 1) * lrDecay));  // γ̃ in double, as Python computes it
            for (int j = 0; j < theta.length; j++) {
                sum[j] = sum[j] + g[j] * g[j];                      // sum = sum + g²
                float std = (float) Math.sqrt(sum[j]) + epsilon;
                theta[j] = theta[j] + negClr * g[j] / std;          // θ = θ - γ̃ g / (√sum + ε)
            }
        }
    }

    @Override
    protected void saveHyperParameters(Map<String, String> settings) {
        settings.put("lr_decay", Double.toString(lrDecay));
        settings.put("weight_decay", Double.toString(weightDecay));
        settings.put("initial_accumulator_value", Double.toString(initialAccumulatorValue));
        settings.put("eps", Double.toString(eps));
    }

    @Override
    protected void loadHyperParameters(OptimizerState state) {
        lrDecay(state.doubleSetting("lr_decay"));
        weightDecay(state.doubleSetting("weight_decay"));
        initialAccumulatorValue(state.doubleSetting("initial_accumulator_value"));
        eps(state.doubleSetting("eps"));
    }

    @Override
    protected Set<String> bufferNames() {
        return Set.of("sum");
    }
}
