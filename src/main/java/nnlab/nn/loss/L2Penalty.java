package nnlab.nn.loss;

/**
 * L2 regularization {@code λ · Σ_p Σ_i p_i^2}, as PyTorch's {@code lam * sum(p.pow(2).sum() for p in params)}.
 *
 * <p>Gradient: {@code 2 λ p_i} (since {@code d/dp p^2 = 2p}).
 *
 * <p><b>Relation to weight decay.</b> An optimizer's {@code weight_decay = wd} adds {@code wd · p} to the
 * gradient (SGD, Adam) without a factor 2, so {@code L2Penalty(λ)} on all parameters gives the same updates as
 * {@code weight_decay = 2λ}; equivalently {@code weight_decay = wd} is {@code L2Penalty(wd / 2)}. The two differ in
 * what they cover and show: the penalty can be limited to some parameters (e.g. {@link Penalty#weightsOf}) and
 * appears in the reported loss, weight decay applies to every parameter the optimizer holds and is not in the
 * loss. AdamW's decoupled decay is not a gradient term at all and has no penalty equivalent.
 *
 * <p>See {@link Penalty} for how to use it; default: none, {@code λ} is required.
 */
public final class L2Penalty extends Penalty {

    /** @param lambda {@code λ >= 0} */
    public L2Penalty(double lambda) {
        super(lambda);
    }

    @Override
    protected double term(float v) {
        return (double) v * v;
    }

    @Override
    protected double derivative(float v) {
        return 2.0 * v;
    }
}
