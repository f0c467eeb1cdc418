package nnlab.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;

/**
 * What an {@link Optimizer} remembers about one parameter between steps, as an entry of PyTorch's
 * {@code optimizer.state[p]}: named buffers shaped like the parameter ({@code "momentum_buffer"},
 * {@code "exp_avg"}, {@code "exp_avg_sq"}, ...) and the number of steps that updated it.
 *
 * <p>An optimizer creates the state of a parameter lazily, on the first {@code step()} that updates it
 * (see {@link Optimizer#hasState(int)}); parameters that are frozen or have no gradient get none.
 */
public final class ParamState {

    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private long step;

    /** An empty state: no buffers, step count 0 (made by {@link Optimizer#state(int)}). */
    ParamState() {
    }

    /** How many optimizer steps have updated this parameter (PyTorch's {@code state['step']}). */
    public long step() {
        return step;
    }

    /** Adds one to the step count and returns the new count, as PyTorch's {@code step_t += 1}. */
    public long incrementStep() {
        return ++step;
    }

    /** Sets the step count, e.g. when loading a saved state. */
    void setStep(long step) {
        this.step = step;
    }

    /** The buffer called {@code name}, or {@code null} if it has not been created yet. */
    public Tensor buffer(String name) {
        return buffers.get(name);
    }

    /**
     * The buffer called {@code name}, created on first use as a tensor shaped like {@code p} with every
     * element equal to {@code initial} (0 for PyTorch's {@code torch.zeros_like(p)}).
     */
    public Tensor buffer(String name, Parameter p, float initial) {
        Tensor b = buffers.get(name);
        if (b == null) {
            b = Tensor.zerosLike(p.value());
            if (initial != 0f) {
                b.fill(initial);
            }
            buffers.put(name, b);
        }
        return b;
    }

    /** Stores {@code tensor} (not copied) as the buffer called {@code name}. */
    public void putBuffer(String name, Tensor tensor) {
        buffers.put(name, tensor);
    }

    /** All buffers by name, in creation order; a read-only view. */
    public Map<String, Tensor> buffers() {
        return Collections.unmodifiableMap(buffers);
    }
}
