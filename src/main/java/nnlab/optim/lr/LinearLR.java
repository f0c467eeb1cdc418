package nnlab.optim.lr;

import java.util.Map;
import nnlab.optim.Optimizer;

/**
 * Changes the learning rate linearly from {@code startFactor · base_lr} to {@code endFactor · base_lr}
 * over {@code totalIters} epochs, then keeps it, as PyTorch 1.13's
 * {@code torch.optim.lr_scheduler.LinearLR}; the usual warm-up.
 *
 * <pre>
 * closed form:   lr_e = base_lr · (s + (f - s) · min(T, e) / T)       s = startFactor, f = endFactor, T = totalIters
 * chainable (what step() computes from the current lr):
 *     e = 0:          lr_0 = lr · s
 *     e &gt; T:          lr_e = lr_{e-1}
 *     otherwise:      lr_e = lr_{e-1} · (1 + (f - s) / (T s + (e - 1)(f - s)))
 * </pre>
 *
 * <p>E.g. base lr 0.05, s = 0.5, T = 4: 0.025, 0.03125, 0.0375, 0.04375, then 0.05 from epoch 4 on.
 *
 * <p><b>Defaults:</b> startFactor 1/3, endFactor 1.0, totalIters 5. <b>Differs from PyTorch:</b>
 * startFactor 0 and totalIters 0 are rejected (PyTorch 1.13 accepts them and then divides by zero).
 */
public final class LinearLR extends LRScheduler {

    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    /** Warms up from a third of the lr to the full lr over 5 epochs. */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /**
     * Moves the factor from {@code startFactor} to {@code endFactor} over {@code totalIters} epochs.
     *
     * @throws IllegalArgumentException if {@code startFactor} is not in {@code (0, 1]}, {@code endFactor} not
     *         in {@code [0, 1]}, or {@code totalIters < 1}
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR startFactor must be in (0, 1], got " + startFactor
                    + "; for a warm-up from (almost) zero use a small factor such as 1e-3");
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR endFactor must be in [0, 1], got " + endFactor
                    + "; it multiplies the base lr, e.g. 1.0 to end at the full lr");
        }
        if (totalIters < 1) {
            throw new IllegalArgumentException("LinearLR totalIters must be >= 1 epoch, got " + totalIters
                    + "; pass the length of the ramp, e.g. 5");
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialize();
    }

    @Override
    protected double chainedLr() {
        int e = lastEpoch();
        if (e == 0) {
            return currentLr() * startFactor;
        }
        if (e > totalIters) {
            return currentLr();
        }
        return currentLr() * (1. + (endFactor - startFactor)
                / (totalIters * startFactor + (e - 1) * (endFactor - startFactor)));
    }

    @Override
    protected double closedFormLr() {
        return baseLr() * (startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch()) / totalIters);
    }

    @Override
    protected void saveConfig(Map<String, String> config) {
        config.put("start_factor", Double.toString(startFactor));
        config.put("end_factor", Double.toString(endFactor));
        config.put("total_iters", Integer.toString(totalIters));
    }
}
