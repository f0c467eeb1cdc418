package nnlab.nn;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * A learnable tensor of a {@link Module}: its {@linkplain #value() value}, the gradient of the loss with
 * respect to it ({@linkplain #grad() grad}), and whether it is trained ({@link #requiresGrad()}), as
 * {@code torch.nn.Parameter}.
 *
 * <p><b>Gradients accumulate.</b> Every {@code backward} adds its contribution to {@code grad}; nothing
 * resets it except {@link #zeroGrad()} (usually through {@code optimizer.zeroGrad()} or
 * {@code model.zeroGrad()} once per batch). This is PyTorch's rule, and what makes gradient
 * accumulation over several small batches possible.
 *
 * <p><b>Grad is {@code null} until the first backward</b> that reaches this parameter. Optimizers skip
 * parameters whose grad is {@code null} and parameters with {@code requiresGrad == false} (frozen, as
 * {@code p.requires_grad = False}); a frozen parameter also ignores gradients sent to it, so layers do not
 * need to special-case it (they may skip the work, see {@link #requiresGrad()}).
 */
public final class Parameter {

    private final Tensor value;
    private Tensor grad;
    private boolean requiresGrad = true;

    /** Wraps {@code value} (not copied: the parameter and the caller share it). */
    public Parameter(Tensor value) {
        if (value == null) {
            throw new IllegalArgumentException("Parameter value is null; pass a tensor, e.g. Tensor.zeros(10)");
        }
        this.value = value;
    }

    /** The current value. Optimizers update it in place, so references to it stay valid. */
    public Tensor value() {
        return value;
    }

    /** The accumulated gradient, same shape as {@link #value()}, or {@code null} if no backward reached it. */
    public Tensor grad() {
        return grad;
    }

    /** Whether a gradient has been accumulated since creation (zeroed gradients count: they exist). */
    public boolean hasGrad() {
        return grad != null;
    }

    /** Shape of the value, e.g. {@code [10, 784]}. */
    public int[] shape() {
        return value.shape();
    }

    /** Number of scalars in the value. */
    public int numel() {
        return value.numel();
    }

    /** Whether optimizers update this parameter and backward accumulates into its grad (default true). */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Freezes ({@code false}) or unfreezes ({@code true}) this parameter, as {@code p.requires_grad = flag}.
     * Freezing keeps any grad already accumulated; call {@link #zeroGrad()} to drop it.
     *
     * @return this parameter
     */
    public Parameter setRequiresGrad(boolean flag) {
        this.requiresGrad = flag;
        return this;
    }

    /**
     * Adds {@code g} to the gradient: {@code grad += g}. Ignored when the parameter is frozen.
     *
     * @throws IllegalArgumentException if {@code g} does not have the value's shape
     */
    public void accumulateGrad(Tensor g) {
        if (!Arrays.equals(g.shape(), value.shape())) {
            throw new IllegalArgumentException("gradient of shape " + Arrays.toString(g.shape())
                    + " does not match parameter of shape " + Arrays.toString(value.shape())
                    + "; a parameter's gradient always has the parameter's shape");
        }
        if (!requiresGrad) {
            return;
        }
        gradBuffer().addInPlace(g);
    }

    /**
     * The gradient tensor to accumulate into directly (e.g. as the output of a GEMM with {@code beta = 1}),
     * created as zeros if there is none yet. Layers use it for speed; check {@link #requiresGrad()} first.
     */
    public Tensor gradBuffer() {
        if (grad == null) {
            grad = Tensor.zerosLike(value);
        }
        return grad;
    }

    /** Sets the gradient to zeros (keeping its memory), as {@code optimizer.zero_grad(set_to_none=False)}. */
    public void zeroGrad() {
        if (grad != null) {
            grad.zeroFill();
        }
    }

    /** Drops the gradient entirely ({@code p.grad = None}); optimizers then skip this parameter. */
    public void clearGrad() {
        grad = null;
    }

    @Override
    public String toString() {
        return "Parameter(shape=" + Arrays.toString(value.shape()) + (requiresGrad ? "" : ", frozen") + ")";
    }
}
