package nnlab.optim;

import java.util.Map;
import java.util.Set;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;

/**
 * Stochastic gradient descent, optionally with momentum, as {@code torch.optim.SGD} (PyTorch 1.13).
 *
 * <pre>
 * input: γ (lr), θ₀ (params), λ (weight decay), μ (momentum), τ (dampening), nesterov
 * for t = 1, 2, ...:
 *     g ← ∇θ f(θ_{t-1})
 *     if λ ≠ 0:  g ← g + λ θ_{t-1}                  (L2 penalty, coupled to the gradient)
 *     if μ ≠ 0:
 *         if t &gt; 1:  b_t ← μ b_{t-1} + (1 - τ) g
 *         else:      b_t ← g                         (the first buffer is the gradient itself)
 *         if nesterov:  g ← g + μ b_t
 *         else:         g ← b_t
 *     θ_t ← θ_{t-1} - γ g
 * </pre>
 *
 * <p>Note PyTorch's form of momentum, {@code v = μ v + g; θ = θ - γ v}, differs from Sutskever et al.'s
 * {@code v = μ v + γ g; θ = θ - v} once the learning rate changes during training.
 *
 * <p><b>Defaults:</b> lr is required; momentum 0, dampening 0, weightDecay 0, nesterov false.
 * <b>State</b> (per parameter, after its first update): {@code momentum_buffer} when momentum ≠ 0, and a
 * step count (which PyTorch's SGD does not keep). <b>Skipped:</b> parameters that are frozen or have no
 * gradient (see {@link Optimizer}); PyTorch's {@code maximize}, {@code foreach}, sparse gradients.
 *
 * <p><b>Arithmetic</b> is float32 per element with the scalar factors rounded to float, as PyTorch's CPU
 * kernels; PyTorch fuses some multiply-adds (FMA), so results may differ from it by a few ulps (at
 * most 2.4e-7 after the 10 steps of the parity tests).
 *
 * <pre>{@code
 * Optimizer opt = new SGD(model.parameters(), 0.1).momentum(0.9).nesterov(true).weightDecay(5e-4);
 * }</pre>
 */
public final class SGD extends Optimizer {

    private double momentum;
    private double dampening;
    private double weightDecay;
    private boolean nesterov;

    /**
     * Plain SGD over {@code params} with learning rate {@code lr}; add momentum etc. with the setters.
     *
     * @throws IllegalArgumentException if {@code params} is empty or repeats a parameter, or lr is invalid
     */
    public SGD(Iterable<Parameter> params, double lr) {
        super(params, lr);
    }

    /** The momentum factor μ (default 0). */
    public double momentum() {
        return momentum;
    }

    /**
     * Sets the momentum factor μ; 0 turns momentum off.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if negative (or NaN/infinite), or 0 while Nesterov is on
     */
    public SGD momentum(double momentum) {
        requireNonNegative(momentum, "momentum value", "momentum must be a finite number >= 0, e.g. 0.9");
        checkNesterov(nesterov, momentum, dampening);
        this.momentum = momentum;
        return this;
    }

    /** The dampening τ of the momentum buffer (default 0). */
    public double dampening() {
        return dampening;
    }

    /**
     * Sets the dampening τ: the buffer adds {@code (1 - τ) g} instead of {@code g} (from the second step on).
     *
     * @return this optimizer
     * @throws IllegalArgumentException if NaN/infinite, or non-zero while Nesterov is on
     */
    public SGD dampening(double dampening) {
        if (!Double.isFinite(dampening)) {
            throw new IllegalArgumentException("Invalid dampening value: " + dampening + "; dampening must be a finite number, e.g. 0");
        }
        checkNesterov(nesterov, momentum, dampening);
        this.dampening = dampening;
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
    public SGD weightDecay(double weightDecay) {
        this.weightDecay = requireNonNegative(weightDecay, "weight_decay value", "weight decay must be a finite number >= 0, e.g. 5e-4");
        return this;
    }

    /** Whether Nesterov momentum is used (default false). */
    public boolean nesterov() {
        return nesterov;
    }

    /**
     * Turns Nesterov momentum on or off: the step uses {@code g + μ b} instead of {@code b}.
     *
     * @return this optimizer
     * @throws IllegalArgumentException if turned on while momentum is 0 or dampening is not 0
     */
    public SGD nesterov(boolean nesterov) {
        checkNesterov(nesterov, momentum, dampening);
        this.nesterov = nesterov;
        return this;
    }

    private static void checkNesterov(boolean nesterov, double momentum, double dampening) {
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening (got momentum "
                    + momentum + ", dampening " + dampening + "); set momentum(0.9) and dampening(0) before nesterov(true)");
        }
    }

    @Override
    public void step() {
        float negLr = (float) -lr();
        float mu = (float) momentum;
        float oneMinusDampening = (float) (1 - dampening);
        for (int i = 0; i < parameters().size(); i++) {
            Parameter p = parameters().get(i);
            if (!receivesUpdate(p)) {
                continue;
            }
            ParamState state = state(i);
            state.incrementStep();
            float[] theta = p.value().data();
            float[] g = withL2Penalty(p.grad().data(), theta, weightDecay);  // g = g + λ θ (grad stays untouched)
            if (momentum != 0) {
                Tensor buffer = state.buffer("momentum_buffer");
                if (buffer == null) {                     // first step: b = g
                    buffer = Tensor.of(g, p.shape());
                    state.putBuffer("momentum_buffer", buffer);
                } else {                                  // b = μ b + (1 - τ) g
                    float[] b = buffer.data();
                    for (int j = 0; j < b.length; j++) {
                        b[j] = b[j] * mu + oneMinusDampening * g[j];
                    }
                }
                float[] b = buffer.data();
                if (nesterov) {                           // g = g + μ b
                    float[] look = new float[g.length];
                    for (int j = 0; j < g.length; j++) {
                        look[j] = g[j] + mu * b[j];
                    }
                    g = look;
                } else {                                  // g = b
                    g = b;
                }
            }
            for (int j = 0; j < theta.length; j++) {      // θ = θ - γ g
                theta[j] = theta[j] + negLr * g[j];
            }
        }
    }

    @Override
    protected void saveHyperParameters(Map<String, String> settings) {
        settings.put("momentum", Double.toString(momentum));
        settings.put("dampening", Double.toString(dampening));
        settings.put("weight_decay", Double.toString(weightDecay));
        settings.put("nesterov", Boolean.toString(nesterov));
    }

    @Override
    protected void loadHyperParameters(OptimizerState state) {
        nesterov = false; // set last, so that the Nesterov check sees the loaded momentum and dampening
        momentum(state.doubleSetting("momentum"));
        dampening(state.doubleSetting("dampening"));
        weightDecay(state.doubleSetting("weight_decay"));
        nesterov(state.booleanSetting("nesterov"));
    }

    @Override
    protected Set<String> bufferNames() {
        return Set.of("momentum_buffer");
    }
}
