package nnlab.optim;

import java.util.Map;
import java.util.Set;
import nnlab.nn.Parameter;

/**
 * Adam, adaptive moment estimation (Kingma and Ba, 2015), as {@code torch.optim.Adam} (PyTorch 1.13).
 *
 * <pre>
 * input: γ (lr), β₁, β₂ (betas), θ₀ (params), λ (weight decay), ε, amsgrad
 * initialize: m₀ ← 0 (first moment), v₀ ← 0 (second moment), v̂₀max ← 0
 * for t = 1, 2, ...:
 *     g ← ∇θ f(θ_{t-1})
 *     if λ ≠ 0:  g ← g + λ θ_{t-1}                 (L2 penalty, coupled; see {@link AdamW} for decoupled)
 *     m_t ← β₁ m_{t-1} + (1 - β₁) g
 *     v_t ← β₂ v_{t-1} + (1 - β₂) g²
 *     if amsgrad:  v̂max_t ← max(v̂max_{t-1}, v_t);  v ← v̂max_t
 *     else:        v ← v_t
 *     θ_t ← θ_{t-1} - γ/(1 - β₁^t) · m_t / (√v / √(1 - β₂^t) + ε)
 * </pre>
 *
 * <p>The last line is written the way PyTorch computes it: the scalars
 * {@code step_size = lr / (1 - β₁^t)} and {@code √(1 - β₂^t)} in double, then per element
 * {@code denom = √v / √(1 - β₂^t) + ε} and {@code θ ← θ - step_size · m / denom} in float32. It equals
 * the paper's {@code θ - γ m̂ / (√v̂ + ε)} with {@code m̂ = m/(1-β₁^t)}, {@code v̂ = v/(1-β₂^t)}.
 *
 * <p><b>Defaults:</b> lr 1e-3, betas (0.9, 0.999), eps 1e-8, weightDecay 0, amsgrad false.
 * <b>State</b> per parameter, created on its first update: {@code exp_avg} (m), {@code exp_avg_sq} (v),
 * {@code max_exp_avg_sq} (with amsgrad) and the step count t. <b>Skipped:</b> frozen parameters and those
 * without a gradient (see {@link Optimizer}); PyTorch's {@code maximize}, {@code foreach}, {@code fused},
 * {@code capturable}, {@code differentiable}.
 *
 * <p><b>Arithmetic</b> is float32 per element with the scalar factors rounded to float, as PyTorch's CPU
 * kernels; PyTorch fuses some multiply-adds (FMA), so results may differ from it by a few ulps (at
 * most 2.4e-7 after the 10 steps of the parity tests).
 */
public sealed class Adam extends Optimizer permits AdamW {

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double weightDecay;
    private boolean amsgrad;

    /** Adam over {@code params} with the default learning rate 1e-3. */
    public Adam(Iterable<Parameter> params) {
        this(params, 1e-3);
    }

    /**
     * Adam over {@code params} with learning rate {@code lr}.
     *
     * @throws IllegalArgumentException if {@code params} is empty or repeats a parameter, or lr is invalid
     */
    public Adam(Iterable<Parameter> params, double lr) {
        super(params, lr);
    }

    /** β₁, the decay rate of the first moment (default 0.9). */
    public double beta1() {
        return beta1;
    }

    /** β₂, the decay rate of the second moment (default 0.999). */
    public double beta2() {
        return beta2;
    }

    /**
     * Sets the moment decay rates (PyTorch's {@code betas=(beta1, beta2)}).
     *
     * @return this optimizer
     * @throws IllegalArgumentException if either is outside {@code [0, 1)}
     */
    public Adam betas(double beta1, double beta2) {
        checkBeta(0, beta1);
        checkBeta(1, beta2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    private static void checkBeta(int index, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + beta
                    + "; betas must lie in [0, 1), e.g. (0.9, 0.999)");
        }
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
    public Adam eps(double eps) {
        this.eps = requireNonNegative(eps, "epsilon value", "eps must be a finite number >= 0, e.g. 1e-8");
        return this;
    }

    /** The weight decay λ, an L2 penalty added to the gradient (default 0). */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * Sets the weight decay λ: the gradient becomes {@code g + λ θ} before the moments are updated.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if negative (or NaN/infinite)
     */
    public Adam weightDecay(double weightDecay) {
        this.weightDecay = requireNonNegative(weightDecay, "weight_decay value", "weight decay must be a finite number >= 0, e.g. 1e-4");
        return this;
    }

    /** Whether the AMSGrad variant is used (default false). */
    public boolean amsgrad() {
        return amsgrad;
    }

    /**
     * Turns AMSGrad (Reddi et al., 2018) on or off: divide by the running maximum of v instead of v.
     *
     * @return this optimizer
     */
    public Adam amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
        return this;
    }

    /**
     * One Adam step for every parameter that receives an update, as the pseudo-code above: the weight decay
     * (coupled here, decoupled in {@link AdamW}), then the moments, then the bias-corrected update of θ.
     */
    @Override
    public final void step() {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = (float) (1 - beta1);
        float oneMinusB2 = (float) (1 - beta2);
        float epsilon = (float) eps;
        for (int i = 0; i < parameters().size(); i++) {
            Parameter p = parameters().get(i);
            if (!receivesUpdate(p)) {
                continue;
            }
            ParamState state = state(i);
            long t = state.incrementStep();
            float[] theta = p.value().data();
            float[] g = applyWeightDecay(theta, p.grad().data());
            float[] m = state.buffer("exp_avg", p, 0f).data();
            float[] v = state.buffer("exp_avg_sq", p, 0f).data();
            float[] vMax = amsgrad ? state.buffer("max_exp_avg_sq", p, 0f).data() : null;

            double biasCorrection1 = 1 - Math.pow(beta1, t);         // scalars in double, as Python computes them
            double biasCorrection2 = 1 - Math.pow(beta2, t);
            float negStepSize = (float) -(lr() / biasCorrection1);
            float biasCorrection2Sqrt = (float) Math.sqrt(biasCorrection2);

            for (int j = 0; j < theta.length; j++) {
                m[j] = m[j] * b1 + oneMinusB1 * g[j];                // m = β₁ m + (1 - β₁) g
                v[j] = v[j] * b2 + oneMinusB2 * g[j] * g[j];         // v = β₂ v + (1 - β₂) g²
                float vUsed = v[j];
                if (amsgrad) {                                       // vmax = max(vmax, v)
                    vMax[j] = Math.max(vMax[j], v[j]);
                    vUsed = vMax[j];
                }
                float denom = (float) Math.sqrt(vUsed) / biasCorrection2Sqrt + epsilon;
                theta[j] = theta[j] + negStepSize * m[j] / denom;    // θ = θ - step_size · m / denom
            }
        }
    }

    /**
     * Applies the weight decay of one step to parameter values {@code theta} with gradient {@code g} and
     * returns the gradient the moments see. Adam's decay is coupled: it returns {@code g + λ θ} (a new
     * array, so the gradient stays untouched). {@link AdamW} overrides it to shrink θ instead.
     */
    float[] applyWeightDecay(float[] theta, float[] g) {
        return withL2Penalty(g, theta, weightDecay);                // g = g + λ θ
    }

    @Override
    protected void saveHyperParameters(Map<String, String> settings) {
        settings.put("beta1", Double.toString(beta1));
        settings.put("beta2", Double.toString(beta2));
        settings.put("eps", Double.toString(eps));
        settings.put("weight_decay", Double.toString(weightDecay));
        settings.put("amsgrad", Boolean.toString(amsgrad));
    }

    @Override
    protected void loadHyperParameters(OptimizerState state) {
        betas(state.doubleSetting("beta1"), state.doubleSetting("beta2"));
        eps(state.doubleSetting("eps"));
        weightDecay(state.doubleSetting("weight_decay"));
        amsgrad(state.booleanSetting("amsgrad"));
    }

    @Override
    protected Set<String> bufferNames() {
        return Set.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq");
    }
}
