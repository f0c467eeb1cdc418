package nnlab.optim;

import java.util.Map;
import java.util.Set;
import nnlab.nn.Parameter;

/**
 * RMSprop (Hinton's lecture notes; centered version by Graves, 2013), as {@code torch.optim.RMSprop}
 * (PyTorch 1.13): each step is divided by a running root-mean-square of the gradient.
 *
 * <pre>
 * input: α (alpha), γ (lr), θ₀ (params), λ (weight decay), μ (momentum), centered, ε
 * initialize: v₀ ← 0 (square average), b₀ ← 0 (buffer), g_ave₀ ← 0
 * for t = 1, 2, ...:
 *     g ← ∇θ f(θ_{t-1})
 *     if λ ≠ 0:  g ← g + λ θ_{t-1}
 *     v_t ← α v_{t-1} + (1 - α) g²
 *     ṽ ← v_t
 *     if centered:
 *         g_ave_t ← α g_ave_{t-1} + (1 - α) g
 *         ṽ ← ṽ - g_ave_t²
 *     if μ &gt; 0:
 *         b_t ← μ b_{t-1} + g / (√ṽ + ε)
 *         θ_t ← θ_{t-1} - γ b_t
 *     else:
 *         θ_t ← θ_{t-1} - γ g / (√ṽ + ε)
 * </pre>
 *
 * <p>As in PyTorch, ε is added after the square root (TensorFlow adds it inside).
 *
 * <p><b>Defaults:</b> lr 1e-2, alpha 0.99, eps 1e-8, weightDecay 0, momentum 0, centered false.
 * <b>State</b> per parameter, created on its first update: {@code square_avg} (v), {@code momentum_buffer}
 * (when μ &gt; 0), {@code grad_avg} (when centered), and the step count. <b>Skipped:</b> frozen parameters
 * and those without a gradient (see {@link Optimizer}); PyTorch's {@code maximize}, {@code foreach},
 * {@code differentiable}.
 *
 * <p><b>Arithmetic</b> is float32 per element with the scalar factors rounded to float, as PyTorch's CPU
 * kernels; PyTorch fuses some multiply-adds (FMA), so results may differ from it by a few ulps (at
 * most 2.4e-7 after the 10 steps of the parity tests).
 */
public final class RMSprop extends Optimizer {

    private double alpha = 0.99;
    private double eps = 1e-8;
    private double weightDecay;
    private double momentum;
    private boolean centered;

    /** RMSprop over {@code params} with the default learning rate 1e-2. */
    public RMSprop(Iterable<Parameter> params) {
        this(params, 1e-2);
    }

    /**
     * RMSprop over {@code params} with learning rate {@code lr}.
     *
     * @throws IllegalArgumentException if {@code params} is empty or repeats a parameter, or lr is invalid
     */
    public RMSprop(Iterable<Parameter> params, double lr) {
        super(params, lr);
    }

    /** The smoothing constant α of the square average (default 0.99). */
    public double alpha() {
        return alpha;
    }

    /**
     * Sets the smoothing constant α.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if negative (or NaN/infinite)
     */
    public RMSprop alpha(double alpha) {
        this.alpha = requireNonNegative(alpha, "alpha value", "alpha must be a finite number >= 0, e.g. 0.99");
        return this;
    }

    /** ε, added to the denominator for numerical stability (default 1e-8). */
    public double eps() {
        return eps;
    }

    /**
     * Sets ε.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if negative (or NaN/infinite)
     */
    public RMSprop eps(double eps) {
        this.eps = requireNonNegative(eps, "epsilon value", "eps must be a finite number >= 0, e.g. 1e-8");
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
    public RMSprop weightDecay(double weightDecay) {
        this.weightDecay = requireNonNegative(weightDecay, "weight_decay value", "weight decay must be a finite number >= 0, e.g. 1e-4");
        return this;
    }

    /** The momentum factor μ (default 0). */
    public double momentum() {
        return momentum;
    }

    /**
     * Sets the momentum factor μ; 0 turns momentum off.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if negative (or NaN/infinite)
     */
    public RMSprop momentum(double momentum) {
        this.momentum = requireNonNegative(momentum, "momentum value", "momentum must be a finite number >= 0, e.g. 0.9");
        return this;
    }

    /** Whether the centered variant is used (default false). */
    public boolean centered() {
        return centered;
    }

    /**
     * Turns the centered variant on or off: divide by an estimate of the gradient's variance,
     * {@code v - g_ave²}, instead of its mean square.
     *
     * @return this optimizer
     */
    public RMSprop centered(boolean centered) {
        this.centered = centered;
        return this;
    }

    @Override
    public void step() {
        float a = (float) alpha;
        float oneMinusA = (float) (1 - alpha);
        float epsilon = (float) eps;
        float mu = (float) momentum;
        float negLr = (float) -lr();
        for (int i = 0; i < parameters().size(); i++) {
            Parameter p = parameters().get(i);
            if (!receivesUpdate(p)) {
                continue;
            }
            ParamState state = state(i);
            state.incrementStep();
            float[] theta = p.value().data();
            float[] g = withL2Penalty(p.grad().data(), theta, weightDecay);  // g = g + λ θ (grad stays untouched)
            float[] v = state.buffer("square_avg", p, 0f).data();
            float[] gAve = centered ? state.buffer("grad_avg", p, 0f).data() : null;
            float[] b = momentum > 0 ? state.buffer("momentum_buffer", p, 0f).data() : null;
            for (int j = 0; j < theta.length; j++) {
                v[j] = v[j] * a + oneMinusA * g[j] * g[j];           // v = α v + (1 - α) g²
                float variance = v[j];
                if (centered) {                                      // g_ave = α g_ave + (1 - α) g
                    gAve[j] = gAve[j] * a + oneMinusA * g[j];
                    variance = v[j] - gAve[j] * gAve[j];             // ṽ = v - g_ave²
                }
                float avg = (float) Math.sqrt(variance) + epsilon;   // √ṽ + ε
                if (momentum > 0) {
                    b[j] = b[j] * mu + g[j] / avg;                   // b = μ b + g / (√ṽ + ε)
                    theta[j] = theta[j] + negLr * b[j];              // θ = θ - γ b
                } else {
                    theta[j] = theta[j] + negLr * g[j] / avg;        // θ = θ - γ g / (√ṽ + ε)
                }
            }
        }
    }

    @Override
    protected void saveHyperParameters(Map<String, String> settings) {
        settings.put("alpha", Double.toString(alpha));
        settings.put("eps", Double.toString(eps));
        settings.put("weight_decay", Double.toString(weightDecay));
        settings.put("momentum", Double.toString(momentum));
        settings.put("centered", Boolean.toString(centered));
    }

    @Override
    protected void loadHyperParameters(OptimizerState state) {
        alpha(state.doubleSetting("alpha"));
        eps(state.doubleSetting("eps"));
        weightDecay(state.doubleSetting("weight_decay"));
        momentum(state.doubleSetting("momentum"));
        centered(state.booleanSetting("centered"));
    }

    @Override
    protected Set<String> bufferNames() {
        return Set.of("square_avg", "momentum_buffer", "grad_avg");
    }
}
