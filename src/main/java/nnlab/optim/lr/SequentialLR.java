package nnlab.optim.lr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nnlab.optim.Optimizer;

/**
 * Runs several schedulers one after another, switching at milestone epochs, as PyTorch 1.13's
 * {@code torch.optim.lr_scheduler.SequentialLR}; typically a warm-up followed by a decay:
 *
 * <pre>{@code
 * LRScheduler warmUp = new LinearLR(optimizer, 0.1, 1.0, 5);
 * LRScheduler decay = new CosineAnnealingLR(optimizer, 45);
 * LRScheduler scheduler = new SequentialLR(optimizer, List.of(warmUp, decay), List.of(5));
 * }</pre>
 *
 * <p>Scheduler {@code i} is active from milestone {@code i-1} (epoch 0 for the first) until milestone
 * {@code i}. PyTorch 1.13's behaviour is reproduced exactly, quirks included:
 * <ul>
 *   <li>Construction resets the lr to the optimizer's initial lr (undoing the initial steps the
 *       schedulers made when they were built), rewinds every scheduler by one epoch and re-runs only the
 *       first scheduler's initial step.</li>
 *   <li>At a milestone the next scheduler restarts at its epoch 0 from its <em>closed form</em>
 *       ({@code step(0)} in PyTorch), i.e. from the base lr times that schedule's epoch-0 factor, whatever
 *       lr the previous scheduler ended on: after {@code ConstantLR}/{@code LinearLR} warm-ups an
 *       {@link ExponentialLR} restarts at the base lr, not at the base lr times γ. From the next epoch on
 *       it uses its chainable formula.</li>
 *   <li>Inactive schedulers are not stepped: each counts its epochs from its own milestone.</li>
 * </ul>
 *
 * <p><b>Differs from PyTorch:</b> milestones must be strictly increasing epochs {@code >= 1} (PyTorch does
 * not check and misbehaves otherwise), a scheduler may not appear twice, and a SequentialLR may not
 * contain another (PyTorch 1.13 fails at the milestone).
 */
public final class SequentialLR extends LRScheduler {

    private final List<LRScheduler> schedulers;
    private final int[] milestones;

    /**
     * Runs {@code schedulers} in turn, switching at {@code milestones} (one fewer than the schedulers).
     *
     * @throws IllegalArgumentException if the lists are empty or null, their sizes do not fit, a scheduler
     *         is bound to another optimizer, appears twice or is a SequentialLR, or the milestones are not
     *         strictly increasing epochs {@code >= 1}
     */
    public SequentialLR(Optimizer optimizer, List<? extends LRScheduler> schedulers, List<Integer> milestones) {
        super(optimizer);
        this.schedulers = List.copyOf(check(optimizer, schedulers));
        this.milestones = Schedules.increasing("SequentialLR", milestones, 1);
        if (this.milestones.length != this.schedulers.size() - 1) {
            throw new IllegalArgumentException("Sequential Schedulers expects number of schedulers provided to be one more than the"
                    + " number of milestone points, but got number of schedulers " + this.schedulers.size()
                    + " and the number of milestones to be equal to " + this.milestones.length
                    + "; pass one milestone per switch, e.g. 2 schedulers and List.of(5)");
        }
        setLastEpoch(0);
        optimizer.setLr(optimizer.initialLr());          // reset the lr the schedulers' constructors changed
        for (LRScheduler s : this.schedulers) {           // "undo" their initial steps
            s.setLastEpoch(s.lastEpoch() - 1);
        }
        this.schedulers.get(0).initialStep();
        setLastLr(this.schedulers.get(0).lastLr());
    }

    private static List<? extends LRScheduler> check(Optimizer optimizer, List<? extends LRScheduler> schedulers) {
        if (schedulers == null || schedulers.isEmpty()) {
            throw new IllegalArgumentException("SequentialLR needs at least one scheduler; pass e.g. List.of(warmUp, decay)");
        }
        for (int i = 0; i < schedulers.size(); i++) {
            LRScheduler s = schedulers.get(i);
            if (s == null) {
                throw new IllegalArgumentException("SequentialLR scheduler " + i + " is null");
            }
            if (s.optimizer() != optimizer) {
                throw new IllegalArgumentException("Sequential Schedulers expects all schedulers to belong to the same optimizer, but got"
                        + " schedulers at index " + i + " to be different than the optimizer passed in; build every scheduler"
                        + " on the optimizer given to SequentialLR");
            }
            if (s instanceof SequentialLR) {
                throw new IllegalArgumentException("SequentialLR scheduler " + i + " is itself a SequentialLR; nesting is not"
                        + " supported, list the inner schedulers and milestones in one SequentialLR");
            }
            for (int j = 0; j < i; j++) {
                if (schedulers.get(j) == s) {
                    throw new IllegalArgumentException("SequentialLR scheduler " + i + " is the same object as scheduler " + j
                            + "; create a separate scheduler for each phase");
                }
            }
        }
        return schedulers;
    }

    /** Advances one epoch: steps the active scheduler, restarting it at epoch 0 if this epoch is its milestone. */
    @Override
    public void step() {
        setLastEpoch(lastEpoch() + 1);
        int idx = Schedules.bisectRight(milestones, lastEpoch());
        LRScheduler scheduler = schedulers.get(idx);
        if (idx > 0 && milestones[idx - 1] == lastEpoch()) {
            scheduler.stepToEpoch(0);
        } else {
            scheduler.step();
        }
        setLastLr(scheduler.lastLr());
    }

    /** The first scheduler's base lr (PyTorch's SequentialLR keeps none of its own). */
    @Override
    public double baseLr() {
        return schedulers.get(0).baseLr();
    }

    /** The schedulers, in order; read-only. */
    public List<LRScheduler> schedulers() {
        return schedulers;
    }

    /** Not available: a SequentialLR has no formula of its own (PyTorch's raises {@code NotImplementedError}). */
    @Override
    protected double chainedLr() {
        throw new UnsupportedOperationException("SequentialLR delegates to its schedulers and has no formula of its own");
    }

    /** Not available: a SequentialLR has no closed form (PyTorch's has none either). */
    @Override
    protected double closedFormLr() {
        throw new UnsupportedOperationException("SequentialLR delegates to its schedulers and has no closed form");
    }

    @Override
    protected void saveConfig(Map<String, String> config) {
        config.put("milestones", Schedules.join(milestones));
        List<String> names = new ArrayList<>();
        for (LRScheduler s : schedulers) {
            names.add(s.getClass().getSimpleName());
        }
        config.put("schedulers", String.join(",", names));
    }

    @Override
    void saveProgress(Map<String, String> state) {
        state.put("last_epoch", Integer.toString(lastEpoch()));
        state.put("last_lr", Double.toString(lastLr()));
        for (int i = 0; i < schedulers.size(); i++) {
            for (Map.Entry<String, String> e : schedulers.get(i).stateDict().entrySet()) {
                state.put("schedulers." + i + "." + e.getKey(), e.getValue());
            }
        }
    }

    @Override
    void loadProgress(Map<String, String> state) {
        int epoch = SchedulerSettings.intValue(state, "last_epoch");
        double last = SchedulerSettings.doubleValue(state, "last_lr");
        List<Map<String, String>> children = new ArrayList<>();
        for (int i = 0; i < schedulers.size(); i++) {
            String prefix = "schedulers." + i + ".";
            Map<String, String> child = new HashMap<>();
            for (Map.Entry<String, String> e : state.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    child.put(e.getKey().substring(prefix.length()), e.getValue());
                }
            }
            children.add(child);
        }
        for (int i = 0; i < schedulers.size(); i++) {      // each child is itself all-or-nothing
            schedulers.get(i).loadStateDict(children.get(i));
        }
        setLastEpoch(epoch);
        setLastLr(last);
    }
}
