package nnlab.optim.lr;

import java.util.Map;
import nnlab.optim.Optimizer;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs, as PyTorch 1.13's
 * {@code torch.optim.lr_scheduler.StepLR}.
 *
 * <pre>
 * chainable (each step):   lr_e = lr_{e-1} · γ   if e &gt; 0 and e mod stepSize = 0
 *                          lr_e = lr_{e-1}       otherwise
 * closed form:             lr_e = base_lr · γ^⌊e / stepSize⌋
 * </pre>
 *
 * <p>E.g. base lr 0.05, stepSize 30, γ 0.1: lr 0.05 for epochs 0-29, 0.005 for 30-59, 0.0005 for 60-89.
 *
 * <p><b>Defaults:</b> gamma 0.1.
 */
public final class StepLR extends LRScheduler {

    private final int stepSize;
    private final double gamma;

    /** Decays by 0.1 every {@code stepSize} epochs. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /**
     * Decays by {@code gamma} every {@code stepSize} epochs.
     *
     * @throws IllegalArgumentException if {@code stepSize < 1} or {@code gamma} is not a finite number {@code > 0}
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize < 1) {
            throw new IllegalArgumentException("StepLR stepSize must be >= 1 epoch, got " + stepSize + "; e.g. 30 decays every 30 epochs");
        }
        this.stepSize = stepSize;
        this.gamma = Schedules.requirePositiveGamma("StepLR", gamma);
        initialize();
    }

    @Override
    protected double chainedLr() {
        if (lastEpoch() == 0 || lastEpoch() % stepSize != 0) {
            return currentLr();
        }
        return currentLr() * gamma;
    }

    @Override
    protected double closedFormLr() {
        return baseLr() * Math.pow(gamma, Math.floorDiv(lastEpoch(), stepSize));
    }

    @Override
    protected void saveConfig(Map<String, String> config) {
        config.put("step_size", Integer.toString(stepSize));
        config.put("gamma", Double.toString(gamma));
    }
}
