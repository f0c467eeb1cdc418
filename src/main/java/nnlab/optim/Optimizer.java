package nnlab.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;

/**
 * Base class of the optimizers, as {@code torch.optim.Optimizer}: it holds the parameters to train, the
 * learning rate, and the per-parameter state that subclasses keep between steps.
 *
 * <p>Typical use, once per batch:
 * <pre>{@code
 * optimizer.zeroGrad();            // grads accumulate, so clear them first
 * loss.forward(model.forward(x), y);
 * model.backward(loss.backward()); // fills Parameter.grad()
 * optimizer.step();                // updates every Parameter.value() in place
 * }</pre>
 *
 * <p><b>Skipped parameters.</b> {@link #step()} leaves alone, and creates no state for, a parameter that is
 * frozen ({@code requiresGrad() == false}) or has no gradient yet ({@code grad() == null}), see
 * {@link #receivesUpdate(Parameter)}. PyTorch skips only {@code grad is None}; a frozen nnlab parameter
 * never receives a gradient, so the two agree in practice.
 *
 * <p><b>Lazy state.</b> Buffers such as SGD's momentum or Adam's moving averages are created on the first
 * step that updates a parameter ({@link #state(int)}), as PyTorch does.
 *
 * <p><b>Not modelled:</b> PyTorch's parameter groups (one learning rate and one set of hyper-parameters
 * apply to all parameters here), {@code maximize}, {@code foreach}/{@code fused} kernels, sparse
 * gradients, step closures, and complex parameters.
 */
public abstract class Optimizer {

    private final List<Parameter> params;
    private final ParamState[] states;
    private double lr;
    private double initialLr = Double.NaN;

    /**
     * Optimizes {@code params} (in this order; indices into it name the state) with learning rate {@code lr}.
     *
     * @throws IllegalArgumentException if {@code params} is empty or holds null or the same parameter twice,
     *         or {@code lr} is negative, NaN or infinite
     */
    protected Optimizer(Iterable<Parameter> params, double lr) {
        if (params == null) {
            throw new IllegalArgumentException("optimizer got null instead of parameters; pass model.parameters()");
        }
        List<Parameter> list = new ArrayList<>();
        Map<Parameter, Integer> seen = new IdentityHashMap<>();
        for (Parameter p : params) {
            if (p == null) {
                throw new IllegalArgumentException("optimizer parameter " + list.size() + " is null; pass only real parameters");
            }
            Integer first = seen.putIfAbsent(p, list.size());
            if (first != null) {
                throw new IllegalArgumentException("optimizer got parameter " + list.size() + " " + p
                        + " twice (also at index " + first + "); pass each parameter once (a shared/tied weight too)");
            }
            list.add(p);
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list; pass the parameters to train, e.g. model.parameters()");
        }
        this.params = Collections.unmodifiableList(list);
        this.states = new ParamState[list.size()];
        this.lr = requireNonNegative(lr, "learning rate", "the learning rate must be a finite number >= 0, e.g. 0.01");
    }

    /** Updates every parameter that {@linkplain #receivesUpdate receives an update}, using its gradient. */
    public abstract void step();

    /** Sets the gradient of every parameter to zeros (those without a gradient keep none). */
    public void zeroGrad() {
        for (Parameter p : params) {
            p.zeroGrad();
        }
    }

    /** The parameters, in the order given to the constructor; read-only. */
    public List<Parameter> parameters() {
        return params;
    }

    /** The current learning rate (PyTorch's {@code param_groups[0]['lr']}); schedulers change it. */
    public double lr() {
        return lr;
    }

    /**
     * Sets the learning rate used by the next {@link #step()}.
     *
     * @throws IllegalArgumentException if {@code lr} is negative, NaN or infinite
     */
    public void setLr(double lr) {
        this.lr = requireNonNegative(lr, "learning rate", "the learning rate must be a finite number >= 0, e.g. 0.01");
    }

    /**
     * The learning rate a schedule started from (PyTorch's {@code 'initial_lr'} group key): set by the
     * first {@code LRScheduler} attached to this optimizer and never changed by schedulers afterwards.
     *
     * @throws IllegalStateException if no scheduler has set it yet (see {@link #hasInitialLr()})
     */
    public double initialLr() {
        if (!hasInitialLr()) {
            throw new IllegalStateException("this optimizer has no initial learning rate yet; attaching an LRScheduler sets it"
                    + " (to lr()), or call setInitialLr");
        }
        return initialLr;
    }

    /** Whether {@link #initialLr()} has been set. */
    public boolean hasInitialLr() {
        return !Double.isNaN(initialLr);
    }

    /**
     * Sets the initial learning rate; schedulers call this with {@link #lr()} when none is set yet
     * ({@code group.setdefault('initial_lr', group['lr'])}).
     *
     * @throws IllegalArgumentException if {@code initialLr} is negative, NaN or infinite
     */
    public void setInitialLr(double initialLr) {
        this.initialLr = requireNonNegative(initialLr, "initial learning rate", "it must be a finite number >= 0");
    }

    /**
     * Whether {@link #step()} updates {@code p}: it must be trainable ({@code requiresGrad()}) and have a
     * gradient ({@code grad() != null}). Skipped parameters get no state.
     */
    protected static boolean receivesUpdate(Parameter p) {
        return p.requiresGrad() && p.grad() != null;
    }

    /**
     * The state of parameter {@code index}, created empty on first use (PyTorch's {@code self.state[p]}, a
     * {@code defaultdict}). Call it only for parameters that {@linkplain #receivesUpdate receive an update}.
     */
    protected ParamState state(int index) {
        if (states[index] == null) {
            states[index] = new ParamState();
        }
        return states[index];
    }

    /** Whether parameter {@code index} has state, i.e. some step has updated it. */
    public boolean hasState(int index) {
        if (index < 0 || index >= states.length) {
            throw new IndexOutOfBoundsException("parameter index " + index + " is outside 0.." + (states.length - 1));
        }
        return states[index] != null;
    }

    /** Writes the hyper-parameters other than the learning rate under PyTorch's names, as strings. */
    protected abstract void saveHyperParameters(Map<String, String> settings);

    /** Reads the hyper-parameters written by {@link #saveHyperParameters} back, validating them. */
    protected abstract void loadHyperParameters(OptimizerState state);

    /** The names of the per-parameter buffers this optimizer may keep, e.g. {@code exp_avg}. */
    protected abstract Set<String> bufferNames();

    /**
     * A snapshot of the learning rate, hyper-parameters, and per-parameter state (copies of the buffers),
     * as {@code optimizer.state_dict()}; see {@link OptimizerState} for the keys.
     */
    public OptimizerState stateDict() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> settings = settingsWithoutState();
        for (int i = 0; i < states.length; i++) {
            if (states[i] != null) {
                settings.put("state." + i + ".step", Long.toString(states[i].step()));
                for (Map.Entry<String, Tensor> e : states[i].buffers().entrySet()) {
                    tensors.put("state." + i + "." + e.getKey(), e.getValue().copy());
                }
            }
        }
        return new OptimizerState(tensors, settings);
    }

    private Map<String, String> settingsWithoutState() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("optimizer", getClass().getSimpleName());
        settings.put("param_count", Integer.toString(params.size()));
        settings.put("lr", Double.toString(lr));
        if (hasInitialLr()) {
            settings.put("initial_lr", Double.toString(initialLr));
        }
        saveHyperParameters(settings);
        return settings;
    }

    /**
     * Replaces the learning rate, hyper-parameters and per-parameter state with copies of the saved ones,
     * as {@code optimizer.load_state_dict(state)}. Everything is checked before anything changes: the
     * optimizer class, the parameter count, buffer names and shapes, step counts, hyper-parameter values.
     * Settings outside the documented keys are ignored (a file may carry extra metadata).
     *
     * @throws IllegalArgumentException naming the first mismatch; the optimizer is then unchanged
     */
    public void loadStateDict(OptimizerState state) {
        if (state == null) {
            throw new IllegalArgumentException("loadStateDict got null; pass a state from stateDict()");
        }
        String name = getClass().getSimpleName();
        String saved = state.setting("optimizer");
        if (!saved.equals(name)) {
            throw new IllegalArgumentException("optimizer state was saved by " + saved + ", cannot load it into " + name
                    + "; construct a " + saved + " over the same parameters to load it");
        }
        long count = state.longSetting("param_count");
        if (count != params.size()) {
            throw new IllegalArgumentException("optimizer state has " + count + " parameters, this " + name + " has "
                    + params.size() + "; load it into an optimizer built over the same parameter list");
        }
        ParamState[] loaded = StateKeys.parse(state, params, bufferNames());
        double newLr = state.doubleSetting("lr");
        double newInitialLr = state.settings().containsKey("initial_lr") ? state.doubleSetting("initial_lr") : Double.NaN;
        requireNonNegative(newLr, "learning rate", "the saved lr must be a finite number >= 0");
        if (!Double.isNaN(newInitialLr)) {
            requireNonNegative(newInitialLr, "initial learning rate", "the saved initial_lr must be a finite number >= 0");
        }
        OptimizerState before = new OptimizerState(Map.of(), settingsWithoutState());
        try {
            loadHyperParameters(state);
        } catch (RuntimeException e) {
            loadHyperParameters(before);
            throw e;
        }
        lr = newLr;
        initialLr = newInitialLr;
        System.arraycopy(loaded, 0, states, 0, states.length);
    }

    /**
     * Returns {@code value} if it is finite and {@code >= 0}; otherwise throws PyTorch's message
     * ({@code "Invalid <what>: <value>"}) followed by {@code fix}.
     */
    protected static double requireNonNegative(double value, String what, String fix) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid " + what + ": " + value + "; " + fix);
        }
        return value;
    }

    /**
     * The coupled weight decay (L2 penalty) of SGD, Adam, Adagrad and RMSprop: {@code g + λ θ} as a new
     * array, so that the gradient stays untouched, or {@code g} itself when {@code λ = 0}. The sum is
     * float32 with λ rounded to float, as PyTorch's {@code grad.add(param, alpha=weight_decay)}.
     */
    static float[] withL2Penalty(float[] g, float[] theta, double weightDecay) {
        if (weightDecay == 0) {
            return g;
        }
        float lambda = (float) weightDecay;
        float[] decayed = new float[g.length];
        for (int j = 0; j < g.length; j++) {
            decayed[j] = g[j] + lambda * theta[j];
        }
        return decayed;
    }

    /** E.g. {@code SGD(lr=0.1, momentum=0.9, dampening=0.0, weight_decay=0.0, nesterov=false; 2 parameters)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('(');
        for (Map.Entry<String, String> e : settingsWithoutState().entrySet()) {
            if (!e.getKey().equals("optimizer") && !e.getKey().equals("param_count")) {
                sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return sb.append("; ").append(params.size()).append(params.size() == 1 ? " parameter)" : " parameters)").toString();
    }
}
