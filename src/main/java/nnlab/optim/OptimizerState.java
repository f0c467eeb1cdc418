package nnlab.optim;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nnlab.tensor.Tensor;

/**
 * The saveable state of an {@link Optimizer}, as PyTorch's {@code optimizer.state_dict()}, split so that it
 * maps onto a safetensors file: {@code tensors} become the file's tensors and {@code settings} its
 * string metadata.
 *
 * <ul>
 *   <li>{@code tensors}: the per-parameter buffers, keyed {@code state.<index>.<buffer>} where
 *       {@code index} is the parameter's position in {@link Optimizer#parameters()}, e.g.
 *       {@code state.0.exp_avg}, {@code state.1.momentum_buffer}.</li>
 *   <li>{@code settings}: {@code optimizer} (the class's simple name), {@code param_count}, {@code lr},
 *       {@code initial_lr} (once a scheduler has set it), the hyper-parameters under PyTorch's names
 *       ({@code weight_decay}, {@code beta1}, ...), and {@code state.<index>.step} for every parameter that
 *       has state. Numbers are written with {@link Double#toString(double)} / {@link Long#toString(long)},
 *       so they read back exactly.</li>
 * </ul>
 *
 * <p>Both maps are copied into read-only maps sorted by key; the tensors themselves are not copied
 * ({@link Optimizer#stateDict()} hands out copies already).
 *
 * @param tensors  per-parameter buffers by key
 * @param settings hyper-parameters, step counts and identification by key
 */
public record OptimizerState(Map<String, Tensor> tensors, Map<String, String> settings) {

    /** Copies both maps into sorted, read-only maps; rejects null maps, keys and values. */
    public OptimizerState {
        if (tensors == null || settings == null) {
            throw new IllegalArgumentException("OptimizerState needs both maps (tensors and settings); pass empty maps, not null");
        }
        tensors = Collections.unmodifiableMap(new TreeMap<>(tensors));
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        if (tensors.containsValue(null) || settings.containsValue(null)) {
            throw new IllegalArgumentException("OptimizerState holds a null value; every key needs a tensor or a string");
        }
    }

    /**
     * The setting {@code key}.
     *
     * @throws IllegalArgumentException if it is missing
     */
    public String setting(String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("optimizer state lacks the setting '" + key
                    + "'; load a state made by Optimizer.stateDict() of the same optimizer class");
        }
        return value;
    }

    /**
     * The setting {@code key} as a double.
     *
     * @throws IllegalArgumentException if it is missing or not a number
     */
    public double doubleSetting(String key) {
        return parsed(key, Double::valueOf, "a number");
    }

    /**
     * The setting {@code key} as a long.
     *
     * @throws IllegalArgumentException if it is missing or not an integer
     */
    public long longSetting(String key) {
        return parsed(key, Long::valueOf, "an integer");
    }

    /** The setting {@code key} parsed by {@code parse}; {@code kind} names what it should be in the error. */
    private <T> T parsed(String key, Function<String, T> parse, String kind) {
        String value = setting(key);
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("optimizer state setting '" + key + "' is '" + value
                    + "', not " + kind + "; the state is corrupt or was not written by Optimizer.stateDict()", e);
        }
    }

    /**
     * The setting {@code key} as a boolean ({@code "true"} or {@code "false"}).
     *
     * @throws IllegalArgumentException if it is missing or neither
     */
    public boolean booleanSetting(String key) {
        String value = setting(key);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("optimizer state setting '" + key + "' is '" + value
                    + "', not true or false; the state is corrupt or was not written by Optimizer.stateDict()");
        }
        return Boolean.parseBoolean(value);
    }
}
