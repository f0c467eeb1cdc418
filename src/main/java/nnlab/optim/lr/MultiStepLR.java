package nnlab.optim.lr;

import java.util.List;
import java.util.Map;
import nnlab.optim.Optimizer;

/**
 * Multiplies the learning rate by {@code gamma} at each milestone epoch, as PyTorch 1.13's
 * {@code torch.optim.lr_scheduler.MultiStepLR}.
 *
 * <pre>
 * chainable (each step):   lr_e = lr_{e-1} · γ   if e is a milestone
 *                          lr_e = lr_{e-1}       otherwise
 * closed form:             lr_e = base_lr · γ^(number of milestones ≤ e)
 * </pre>
 *
 * <p>E.g. base lr 0.05, milestones [30, 80], γ 0.1: lr 0.05 for epochs 0-29, 0.005 for 30-79, 0.0005 from 80.
 *
 * <p><b>Defaults:</b> gamma 0.1. <b>Differs from PyTorch:</b> milestones must be strictly increasing
 * (PyTorch counts a repeated milestone twice, applying γ²).
 */
public final class MultiStepLR extends LRScheduler {

    private final int[] milestones;
    private final double gamma;

    /** Decays by 0.1 at each of {@code milestones}. */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones) {
        this(optimizer, milestones, 0.1);
    }

    /**
     * Decays by {@code gamma} at each of {@code milestones}.
     *
     * @throws IllegalArgumentException if the milestones are not strictly increasing epochs {@code >= 0}, or
     *         {@code gamma} is not a finite number {@code > 0}
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma) {
        super(optimizer);
        this.milestones = Schedules.increasing("MultiStepLR", milestones, 0);
        this.gamma = Schedules.requirePositiveGamma("MultiStepLR", gamma);
        initialize();
    }

    @Override
    protected double chainedLr() {
        for (int m : milestones) {
            if (m == lastEpoch()) {
                return currentLr() * gamma;
            }
        }
        return currentLr();
    }

    @Override
    protected double closedFormLr() {
        return baseLr() * Math.pow(gamma, Schedules.bisectRight(milestones, lastEpoch()));
    }

    @Override
    protected void saveConfig(Map<String, String> config) {
        config.put("milestones", Schedules.join(milestones));
        config.put("gamma", Double.toString(gamma));
    }
}
