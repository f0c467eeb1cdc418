package nnlab.optim.lr;

import java.util.Map;
import nnlab.optim.Optimizer;

/**
 * Anneals the learning rate from the base lr to {@code etaMin} along half a cosine over {@code tMax}
 * epochs, as PyTorch 1.13's {@code torch.optim.lr_scheduler.CosineAnnealingLR} (SGDR, Loshchilov and
 * Hutter, 2017, without restarts).
 *
 * <pre>
 * closed form:   η_e = η_min + (η_max - η_min) (1 + cos(π e / T_max)) / 2,   η_max = base lr
 * chainable (what step() computes from the current lr η_{e-1}):
 *     e = 0:                          η_0 = η (unchanged)
 *     (e - 1 - T_max) mod 2T_max = 0: η_e = η_{e-1} + (η_max - η_min) (1 - cos(π / T_max)) / 2
 *     otherwise:                      η_e = (1 + cos(π e / T_max)) / (1 + cos(π (e - 1) / T_max)) · (η_{e-1} - η_min) + η_min
 * </pre>
 *
 * <p>If nothing else changes the lr, both give the same values. <b>Beyond {@code tMax}</b> the schedule
 * does not stay at {@code etaMin}: it follows the cosine back up to the base lr at {@code 2 tMax}, and so
 * on with period {@code 2 tMax}, as in PyTorch.
 *
 * <p><b>Defaults:</b> etaMin 0. PyTorch's branch for resuming with {@code last_epoch > -1} is not
 * modelled (it cannot run here: resume with {@link #loadStateDict} instead).
 */
public final class CosineAnnealingLR extends LRScheduler {

    private final int tMax;
    private final double etaMin;

    /** Anneals to 0 over {@code tMax} epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0);
    }

    /**
     * Anneals to {@code etaMin} over {@code tMax} epochs.
     *
     * @throws IllegalArgumentException if {@code tMax < 1} or {@code etaMin} is negative, NaN or infinite
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax < 1) {
            throw new IllegalArgumentException("CosineAnnealingLR tMax must be >= 1 epoch, got " + tMax
                    + "; pass the number of epochs to anneal over, e.g. the number of training epochs");
        }
        if (!(etaMin >= 0) || Double.isInfinite(etaMin)) {
            throw new IllegalArgumentException("CosineAnnealingLR etaMin must be a finite number >= 0, got " + etaMin
                    + "; it is the lowest lr, e.g. 0 or 1e-5");
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialize();
    }

    @Override
    protected double chainedLr() {
        int e = lastEpoch();
        double lr = currentLr();
        if (e == 0) {
            return lr;
        }
        if (Math.floorMod(e - 1 - tMax, 2 * tMax) == 0) {
            // the previous epoch was a trough: the ratio below would divide by 1 + cos(π) = 0
            return lr + (baseLr() - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax)) * (lr - etaMin) + etaMin;
    }

    @Override
    protected double closedFormLr() {
        return etaMin + (baseLr() - etaMin) * (1 + Math.cos(Math.PI * lastEpoch() / tMax)) / 2;
    }

    @Override
    protected void saveConfig(Map<String, String> config) {
        config.put("T_max", Integer.toString(tMax));
        config.put("eta_min", Double.toString(etaMin));
    }
}
