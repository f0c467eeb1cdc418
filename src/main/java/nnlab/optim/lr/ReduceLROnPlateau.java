package nnlab.optim.lr;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nnlab.optim.Optimizer;

/**
 * Reduces the learning rate when a monitored metric has stopped improving, as PyTorch 1.13's
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau}. Call {@link #step(double)} once per epoch with the
 * metric (e.g. the validation loss).
 *
 * <pre>
 * each step(metric):
 *     if metric is better than best:  best ← metric,  bad ← 0
 *     else:                           bad ← bad + 1
 *     if cooldown_counter &gt; 0:        cooldown_counter ← cooldown_counter - 1,  bad ← 0
 *     if bad &gt; patience:
 *         new_lr ← max(lr · factor, min_lr);  if lr - new_lr &gt; eps: lr ← new_lr
 *         cooldown_counter ← cooldown,  bad ← 0
 * "better" (best starts at +∞ in MIN mode, -∞ in MAX mode):
 *     MIN, REL:  metric &lt; best · (1 - threshold)      MIN, ABS:  metric &lt; best - threshold
 *     MAX, REL:  metric &gt; best · (1 + threshold)      MAX, ABS:  metric &gt; best + threshold
 * </pre>
 *
 * <p>With patience 2 the first two epochs without improvement are tolerated and the lr drops after the
 * third. A NaN metric is never better, so it counts as a bad epoch (as in PyTorch).
 *
 * <p><b>Defaults:</b> mode MIN, factor 0.1, patience 10, threshold 1e-4, thresholdMode REL, cooldown 0,
 * minLr 0, eps 1e-8; set others with the fluent setters before the first step:
 * <pre>{@code
 * var plateau = new ReduceLROnPlateau(optimizer).mode(ReduceLROnPlateau.Mode.MAX).factor(0.5).patience(2);
 * }</pre>
 *
 * <p>Not an {@link LRScheduler} (as in PyTorch 1.13): its step needs the metric. <b>Differs from
 * PyTorch:</b> {@link #lastLr()} is available before the first step (the optimizer's lr at construction);
 * per-group {@code min_lr} lists and {@code verbose} are not modelled.
 */
public final class ReduceLROnPlateau {

    /** Whether the monitored metric should go down (a loss) or up (an accuracy). */
    public enum Mode {
        /** Lower is better, e.g. a loss. */
        MIN,
        /** Higher is better, e.g. an accuracy. */
        MAX
    }

    /** How {@code threshold} decides what counts as an improvement over the best value. */
    public enum ThresholdMode {
        /** Relative: better than {@code best · (1 ∓ threshold)}. */
        REL,
        /** Absolute: better than {@code best ∓ threshold}. */
        ABS
    }

    private final Optimizer optimizer;
    private Mode mode = Mode.MIN;
    private double factor = 0.1;
    private int patience = 10;
    private double threshold = 1e-4;
    private ThresholdMode thresholdMode = ThresholdMode.REL;
    private int cooldown;
    private double minLr;
    private double eps = 1e-8;

    private double best = Double.POSITIVE_INFINITY;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private double lastLr;

    /** Watches a metric to minimise, with PyTorch's defaults. */
    public ReduceLROnPlateau(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("ReduceLROnPlateau got a null optimizer; pass the optimizer whose lr it reduces");
        }
        this.optimizer = optimizer;
        this.lastLr = optimizer.lr();
    }

    private void requireNotStarted(String what) {
        if (lastEpoch > 0) {
            throw new IllegalStateException("ReduceLROnPlateau." + what + " must be set before the first step(metric);"
                    + " configure the scheduler right after constructing it");
        }
    }

    /**
     * Sets whether the metric is minimised or maximised (resets the best value).
     *
     * @return this scheduler
     * @throws IllegalStateException after the first step
     */
    public ReduceLROnPlateau mode(Mode mode) {
        requireNotStarted("mode");
        if (mode == null) {
            throw new IllegalArgumentException("ReduceLROnPlateau mode is null; pass Mode.MIN or Mode.MAX");
        }
        this.mode = mode;
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        return this;
    }

    /**
     * Sets the factor the lr is multiplied by on a plateau.
     *
     * @return this scheduler
     * @throws IllegalArgumentException unless {@code 0 < factor < 1}
     * @throws IllegalStateException after the first step
     */
    public ReduceLROnPlateau factor(double factor) {
        requireNotStarted("factor");
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("Factor should be < 1.0 (and > 0), got " + factor + "; e.g. 0.1 or 0.5");
        }
        this.factor = factor;
        return this;
    }

    /**
     * Sets how many epochs without improvement are tolerated before the lr is reduced.
     *
     * @return this scheduler
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException after the first step
     */
    public ReduceLROnPlateau patience(int patience) {
        requireNotStarted("patience");
        this.patience = requireCount("patience", patience);
        return this;
    }

    /**
     * Sets the threshold and its mode for measuring a new optimum.
     *
     * @return this scheduler
     * @throws IllegalArgumentException if {@code threshold} is negative, NaN or infinite, or the mode is null
     * @throws IllegalStateException after the first step
     */
    public ReduceLROnPlateau threshold(double threshold, ThresholdMode thresholdMode) {
        requireNotStarted("threshold");
        if (!(threshold >= 0) || Double.isInfinite(threshold) || thresholdMode == null) {
            throw new IllegalArgumentException("ReduceLROnPlateau threshold must be a finite number >= 0 with a mode, got "
                    + threshold + " " + thresholdMode + "; e.g. threshold(1e-4, ThresholdMode.REL)");
        }
        this.threshold = threshold;
        this.thresholdMode = thresholdMode;
        return this;
    }

    /**
     * Sets how many epochs to wait after a reduction before counting bad epochs again.
     *
     * @return this scheduler
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException after the first step
     */
    public ReduceLROnPlateau cooldown(int cooldown) {
        requireNotStarted("cooldown");
        this.cooldown = requireCount("cooldown", cooldown);
        return this;
    }

    /**
     * Sets the lower bound of the lr.
     *
     * @return this scheduler
     * @throws IllegalArgumentException if negative, NaN or infinite
     * @throws IllegalStateException after the first step
     */
    public ReduceLROnPlateau minLr(double minLr) {
        requireNotStarted("minLr");
        this.minLr = requireNonNegative("minLr", minLr, "e.g. 0 or 1e-6");
        return this;
    }

    /**
     * Sets the smallest reduction applied: a reduction by less than {@code eps} is skipped.
     *
     * @return this scheduler
     * @throws IllegalArgumentException if negative, NaN or infinite
     * @throws IllegalStateException after the first step
     */
    public ReduceLROnPlateau eps(double eps) {
        requireNotStarted("eps");
        this.eps = requireNonNegative("eps", eps, "e.g. 1e-8");
        return this;
    }

    private static int requireCount(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("ReduceLROnPlateau " + what + " must be >= 0 epochs, got " + value);
        }
        return value;
    }

    private static double requireNonNegative(String what, double value, String example) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("ReduceLROnPlateau " + what + " must be a finite number >= 0, got " + value + "; " + example);
        }
        return value;
    }

    /** Records one epoch's metric and reduces the lr if it has plateaued for more than {@code patience} epochs. */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric, best)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;       // ignore any bad epochs in cooldown
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        lastLr = optimizer.lr();
    }

    private void reduceLr() {
        double oldLr = optimizer.lr();
        double newLr = Math.max(oldLr * factor, minLr);
        if (oldLr - newLr > eps) {
            optimizer.setLr(newLr);
        }
    }

    private boolean isBetter(double a, double best) {
        if (mode == Mode.MIN) {
            return thresholdMode == ThresholdMode.REL ? a < best * (1. - threshold) : a < best - threshold;
        }
        return thresholdMode == ThresholdMode.REL ? a > best * (threshold + 1.) : a > best + threshold;
    }

    /** The optimizer's lr after the latest step (before any step: the lr at construction). */
    public double lastLr() {
        return lastLr;
    }

    /** How many steps have been taken (PyTorch's {@code last_epoch}; 0 at construction). */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** The best metric seen so far (+∞ in MIN mode, -∞ in MAX mode before the first step). */
    public double best() {
        return best;
    }

    /** Consecutive epochs without improvement counted so far. */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    /** The optimizer whose lr this scheduler reduces. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The state as strings, as PyTorch's {@code state_dict()}: {@code scheduler}, the configuration
     * ({@code mode}, {@code factor}, ...), and the progress ({@code best}, {@code num_bad_epochs},
     * {@code cooldown_counter}, {@code last_epoch}, {@code last_lr}), numbers written to read back exactly.
     */
    public Map<String, String> stateDict() {
        Map<String, String> state = config();
        state.put("best", Double.toString(best));
        state.put("num_bad_epochs", Integer.toString(numBadEpochs));
        state.put("cooldown_counter", Integer.toString(cooldownCounter));
        state.put("last_epoch", Integer.toString(lastEpoch));
        state.put("last_lr", Double.toString(lastLr));
        return state;
    }

    private Map<String, String> config() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("scheduler", "ReduceLROnPlateau");
        c.put("mode", mode.name().toLowerCase(Locale.ROOT));
        c.put("factor", Double.toString(factor));
        c.put("patience", Integer.toString(patience));
        c.put("threshold", Double.toString(threshold));
        c.put("threshold_mode", thresholdMode.name().toLowerCase(Locale.ROOT));
        c.put("cooldown", Integer.toString(cooldown));
        c.put("min_lr", Double.toString(minLr));
        c.put("eps", Double.toString(eps));
        return c;
    }

    /**
     * Restores the progress saved by {@link #stateDict()}; the configuration must be the same. The
     * optimizer's lr is not touched: load the optimizer's own state for that.
     *
     * @throws IllegalArgumentException if the class or a setting differs or a value is missing or malformed;
     *         the scheduler is then unchanged
     */
    public void loadStateDict(Map<String, String> state) {
        Map<String, String> c = config();
        SchedulerSettings.requireSameConfig("ReduceLROnPlateau", c, state);
        double newBest = SchedulerSettings.doubleValue(state, "best");
        int bad = SchedulerSettings.intValue(state, "num_bad_epochs");
        int counter = SchedulerSettings.intValue(state, "cooldown_counter");
        int epoch = SchedulerSettings.intValue(state, "last_epoch");
        double last = SchedulerSettings.doubleValue(state, "last_lr");
        best = newBest;
        numBadEpochs = bad;
        cooldownCounter = counter;
        lastEpoch = epoch;
        lastLr = last;
    }

    /** E.g. {@code ReduceLROnPlateau(mode=min, factor=0.1, ...; best=0.52, num_bad_epochs=3)}. */
    @Override
    public String toString() {
        Map<String, String> c = config();
        c.remove("scheduler");
        return "ReduceLROnPlateau" + c.toString().replace('{', '(').replace("}", "")
                + "; best=" + best + ", num_bad_epochs=" + numBadEpochs + ")";
    }
}
