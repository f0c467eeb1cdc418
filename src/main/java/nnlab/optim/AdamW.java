package nnlab.optim;

import nnlab.nn.Parameter;

/**
 * AdamW, Adam with decoupled weight decay (Loshchilov and Hutter, 2019), as {@code torch.optim.AdamW}
 * (PyTorch 1.13).
 *
 * <pre>
 * input: γ (lr), β₁, β₂ (betas), θ₀ (params), λ (weight decay), ε, amsgrad
 * initialize: m₀ ← 0 (first moment), v₀ ← 0 (second moment), v̂₀max ← 0
 * for t = 1, 2, ...:
 *     g ← ∇θ f(θ_{t-1})
 *     θ_{t-1} ← θ_{t-1} (1 - γ λ)                 (decoupled: shrinks θ, never enters m or v)
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
 * <p>{@link Adam} instead adds {@code λ θ} to the gradient, so there the decay is rescaled by the
 * adaptive denominator; here every weight shrinks by the same factor {@code 1 - γ λ} per step. Everything
 * else is Adam's: this class inherits Adam's step (the moments and the bias-corrected update) and
 * replaces only the weight decay.
 *
 * <p><b>Defaults:</b> lr 1e-3, betas (0.9, 0.999), eps 1e-8, weightDecay 1e-2, amsgrad false.
 * <b>State</b> per parameter, created on its first update: {@code exp_avg} (m), {@code exp_avg_sq} (v),
 * {@code max_exp_avg_sq} (with amsgrad) and the step count t. <b>Skipped:</b> frozen parameters and those
 * without a gradient (see {@link Optimizer}); PyTorch's {@code maximize}, {@code foreach}, {@code fused},
 * {@code capturable}, {@code differentiable}.
 *
 * <p><b>Arithmetic</b> is float32 per element with the scalar factors rounded to float, as PyTorch's CPU
 * kernels; PyTorch fuses some multiply-adds (FMA), so results may differ from it by a few ulps (at
 * most 2.4e-7 after the 10 steps of the parity tests).
 */
public final class AdamW extends Adam {

    /** AdamW over {@code params} with the default learning rate 1e-3. */
    public AdamW(Iterable<Parameter> params) {
        this(params, 1e-3);
    }

    /**
     * AdamW over {@code params} with learning rate {@code lr}.
     *
     * @throws IllegalArgumentException if {@code params} is empty or repeats a parameter, or lr is invalid
     */
    public AdamW(Iterable<Parameter> params, double lr) {
        super(params, lr);
        weightDecay(1e-2);
    }

    @Override
    public AdamW betas(double beta1, double beta2) {
        super.betas(beta1, beta2);
        return this;
    }

    @Override
    public AdamW eps(double eps) {
        super.eps(eps);
        return this;
    }

    /** The decoupled weight decay λ (default 1e-2). */
    @Override
    public double weightDecay() {
        return super.weightDecay();
    }

    /**
     * Sets the decoupled weight decay λ: each step first multiplies θ by {@code 1 - lr λ}.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if negative (or NaN/infinite)
     */
    @Override
    public AdamW weightDecay(double weightDecay) {
        super.weightDecay(requireNonNegative(weightDecay, "weight_decay value", "weight decay must be a finite number >= 0, e.g. 1e-2"));
        return this;
    }

    @Override
    public AdamW amsgrad(boolean amsgrad) {
        super.amsgrad(amsgrad);
        return this;
    }

    /** Decoupled decay: shrinks θ in place by {@code 1 - γ λ} and returns the gradient unchanged. */
    @Override
    float[] applyWeightDecay(float[] theta, float[] g) {
        float shrink = (float) (1 - lr() * weightDecay());           // θ = θ (1 - γ λ), factor in double
        for (int j = 0; j < theta.length; j++) {
            theta[j] = theta[j] * shrink;
        }
        return g;
    }
}
