package nnlab.nn.loss;

/**
 * L1 regularization {@code λ · Σ_p Σ_i |p_i|}, as PyTorch's {@code lam * sum(p.abs().sum() for p in params)}.
 * It pushes weights to exactly zero (sparse models).
 *
 * <p>Gradient: {@code λ · sign(p_i)}, with {@code sign(0) = 0} as {@code torch.sign} (the subgradient autograd
 * uses for {@code abs} at 0). No optimizer option is equivalent: {@code weight_decay} is an L2 term.
 *
 * <p>See {@link Penalty} for how to use it; default: none, {@code λ} is required.
 */
public final class L1Penalty extends Penalty {

    /** @param lambda {@code λ >= 0} */
    public L1Penalty(double lambda) {
        super(lambda);
    }

    @Override
    protected double term(float v) {
        return Math.abs((double) v);
    }

    @Override
    protected double derivative(float v) {
        return Math.signum(v);
    }
}
