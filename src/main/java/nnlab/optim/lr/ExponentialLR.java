package nnlab.optim.lr;

import java.util.Map;
import nnlab.optim.Optimizer;

/**
 * Multiplies the learning rate by {@code gamma} every epoch, as PyTorch 1.13's
 * {@code torch.optim.lr_scheduler.ExponentialLR}.
 *
 * <pre>
 * chainable (each step):   lr_0 = lr (unchanged),   lr_e = lr_{e-1} · γ  for e &gt; 0
 * closed form:             lr_e = base_lr · γ^e
 * </pre>
 *
 * <p>There is no default for gamma, as in PyTorch; 0.95 halves the lr about every 14 epochs.
 */
public final class ExponentialLR extends LRScheduler {

    private final double gamma;

    /**
     * Decays by {@code gamma} every epoch.
     *
     * @throws IllegalArgumentException if {@code gamma} is not a finite number {@code > 0}
     */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = Schedules.requirePositiveGamma("ExponentialLR", gamma);
        initialize();
    }

    @Override
    protected double chainedLr() {
        if (lastEpoch() == 0) {
            return currentLr();
        }
        return currentLr() * gamma;
    }

    @Override
    protected double closedFormLr() {
        return baseLr() * Math.pow(gamma, lastEpoch());
    }

    @Override
    protected void saveConfig(Map<String, String> config) {
        config.put("gamma", Double.toString(gamma));
    }
}
