package nnlab.optim.lr;

import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.optim.Optimizer;

/**
 * Base class of the epoch-based learning-rate schedulers, as PyTorch 1.13's
 * {@code torch.optim.lr_scheduler._LRScheduler}: it changes {@link Optimizer#lr()} once per epoch.
 *
 * <pre>{@code
 * LRScheduler scheduler = new StepLR(optimizer, 30, 0.1);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *     trainOneEpoch();          // calls optimizer.step() per batch
 *     scheduler.step();         // after the optimizer, once per epoch
 * }
 * }</pre>
 *
 * <p><b>Construction</b> performs PyTorch's initial step: it sets the optimizer's
 * {@linkplain Optimizer#initialLr() initial lr} to its lr if no scheduler did so before, takes that as the
 * base lr, and steps to epoch 0 ({@link #lastEpoch()} is 0 afterwards), which may already change the lr
 * (e.g. {@link LinearLR}).
 *
 * <p><b>Chainable formulas.</b> {@link #step()} computes the new lr from the optimizer's <em>current</em> lr
 * (PyTorch's {@code get_lr()}), so changes made by others in between carry on. The closed form of the
 * schedule ({@code _get_closed_form_lr()}) is used only where PyTorch uses it: when {@link SequentialLR}
 * restarts a scheduler at a milestone.
 *
 * <p><b>Not modelled:</b> parameter groups (one lr), resuming with {@code last_epoch != -1} (use
 * {@link #loadStateDict}), {@code step(epoch)} (deprecated in PyTorch), {@code verbose}.
 */
public abstract class LRScheduler {

    private final Optimizer optimizer;
    private double baseLr = Double.NaN;
    private int lastEpoch = -1;
    private double lastLr = Double.NaN;

    /**
     * Binds the scheduler to {@code optimizer}; the subclass constructor checks its own arguments and then
     * calls {@link #initialize()}.
     */
    protected LRScheduler(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " got a null optimizer; pass the optimizer whose lr it schedules");
        }
        this.optimizer = optimizer;
    }

    /**
     * The end of PyTorch's {@code _LRScheduler.__init__}: sets the optimizer's initial lr if unset
     * ({@code setdefault('initial_lr', lr)}), records it as the base lr, and performs the initial step to
     * epoch 0. Subclass constructors call it last, once their fields are set.
     */
    protected final void initialize() {
        if (!optimizer.hasInitialLr()) {
            optimizer.setInitialLr(optimizer.lr());
        }
        baseLr = optimizer.initialLr();
        lastEpoch = -1;
        step();
    }

    /** Advances one epoch and sets the optimizer's lr from the chainable formula; call after {@code optimizer.step()}. */
    public void step() {
        if (Double.isNaN(baseLr)) {
            throw new IllegalStateException(getClass().getSimpleName() + " was not initialized; its constructor must end with initialize()");
        }
        lastEpoch++;
        apply(chainedLr());
    }

    /** PyTorch's {@code step(epoch)}: jumps to {@code epoch} and sets the closed-form lr (used by {@link SequentialLR}). */
    void stepToEpoch(int epoch) {
        lastEpoch = epoch;
        apply(closedFormLr());
    }

    private void apply(double lr) {
        optimizer.setLr(lr);
        lastLr = lr;
    }

    /**
     * The lr for epoch {@link #lastEpoch()} computed from the optimizer's current lr ({@link #currentLr()}),
     * as PyTorch's {@code get_lr()}; {@link #lastEpoch()} has already been advanced.
     */
    protected abstract double chainedLr();

    /** The lr for epoch {@link #lastEpoch()} from {@link #baseLr()} alone, as PyTorch's {@code _get_closed_form_lr()}. */
    protected abstract double closedFormLr();

    /** Writes the constructor arguments (not the progress) under PyTorch's names, e.g. {@code step_size}. */
    protected abstract void saveConfig(Map<String, String> config);

    /** The optimizer whose lr this scheduler sets. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The lr the schedule starts from: the optimizer's initial lr when the scheduler was built (PyTorch's {@code base_lrs[0]}). */
    public double baseLr() {
        return baseLr;
    }

    /** The optimizer's lr right now (PyTorch's {@code group['lr']}), the input of the chainable formulas. */
    protected double currentLr() {
        return optimizer.lr();
    }

    /** The lr set by the latest step (PyTorch's {@code get_last_lr()[0]}). */
    public double lastLr() {
        return lastLr;
    }

    /** The epoch reached: 0 after construction, +1 per {@link #step()} (PyTorch's {@code last_epoch}). */
    public int lastEpoch() {
        return lastEpoch;
    }

    void setLastEpoch(int lastEpoch) {
        this.lastEpoch = lastEpoch;
    }

    void setLastLr(double lastLr) {
        this.lastLr = lastLr;
    }

    /** PyTorch's {@code _initial_step()}: one step, used by {@link SequentialLR} to restart its first scheduler. */
    void initialStep() {
        step();
    }

    /**
     * The scheduler's state as strings, as PyTorch's {@code state_dict()}: {@code scheduler} (class name),
     * the constructor arguments, {@code last_epoch}, {@code last_lr} and {@code base_lr}, numbers written
     * so that they read back exactly. Save the optimizer's state too: the lr lives there.
     */
    public Map<String, String> stateDict() {
        Map<String, String> state = configWithName();
        saveProgress(state);
        return state;
    }

    private Map<String, String> configWithName() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("scheduler", getClass().getSimpleName());
        saveConfig(state);
        return state;
    }

    /** Writes the progress ({@code last_epoch}, {@code last_lr}, {@code base_lr}). */
    void saveProgress(Map<String, String> state) {
        state.put("last_epoch", Integer.toString(lastEpoch));
        state.put("last_lr", Double.toString(lastLr));
        state.put("base_lr", Double.toString(baseLr));
    }

    /** Reads what {@link #saveProgress} wrote. */
    void loadProgress(Map<String, String> state) {
        int epoch = SchedulerSettings.intValue(state, "last_epoch");
        double last = SchedulerSettings.doubleValue(state, "last_lr");
        double base = SchedulerSettings.doubleValue(state, "base_lr");
        lastEpoch = epoch;
        lastLr = last;
        baseLr = base;
    }

    /**
     * Restores the progress saved by {@link #stateDict()}, as PyTorch's {@code load_state_dict}. The saved
     * scheduler must be of the same class with the same constructor arguments. The optimizer's lr is not
     * touched: load the optimizer's own state for that.
     *
     * @throws IllegalArgumentException if the class or an argument differs or a value is missing or
     *         malformed; the scheduler is then unchanged
     */
    public void loadStateDict(Map<String, String> state) {
        SchedulerSettings.requireSameConfig(getClass().getSimpleName(), configWithName(), state);
        Map<String, String> before = stateDict();
        try {
            loadProgress(state);
        } catch (RuntimeException e) {
            loadProgress(before);
            throw e;
        }
    }

    /** E.g. {@code StepLR(step_size=30, gamma=0.1; last_epoch=3, last_lr=0.1)}. */
    @Override
    public String toString() {
        Map<String, String> config = configWithName();
        config.remove("scheduler");
        return getClass().getSimpleName() + config.toString().replace('{', '(').replace("}", "")
                + (config.isEmpty() ? "" : "; ") + "last_epoch=" + lastEpoch + ", last_lr=" + lastLr + ")";
    }
}
