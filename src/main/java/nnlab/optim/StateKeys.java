package nnlab.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;

/**
 * Parses and checks the {@code state.<index>.<name>} keys of an {@link OptimizerState} into fresh
 * per-parameter states (copies of the saved tensors), for {@link Optimizer#loadStateDict}.
 */
final class StateKeys {

    private StateKeys() {
    }

    /**
     * One state per parameter ({@code null} where the saved optimizer had none).
     *
     * @throws IllegalArgumentException for a malformed key, an index out of range, an unknown buffer name,
     *         a shape that differs from the parameter's, a bad step count, or buffers without a step count
     */
    static ParamState[] parse(OptimizerState state, List<Parameter> params, Set<String> bufferNames) {
        ParamState[] loaded = new ParamState[params.size()];
        for (Map.Entry<String, String> e : state.settings().entrySet()) {
            if (!e.getKey().startsWith("state.")) {
                continue;
            }
            String[] parts = split(e.getKey(), params.size());
            if (!parts[1].equals("step")) {
                throw new IllegalArgumentException("optimizer state setting '" + e.getKey()
                        + "' is not a step count (state.<index>.step); the state is corrupt");
            }
            int index = Integer.parseInt(parts[0]);
            long step = state.longSetting(e.getKey());
            if (step < 0) {
                throw new IllegalArgumentException("optimizer state setting '" + e.getKey() + "' is " + step
                        + "; a step count cannot be negative");
            }
            loaded[index] = new ParamState();
            loaded[index].setStep(step);
        }
        for (Map.Entry<String, Tensor> e : state.tensors().entrySet()) {
            String[] parts = split(e.getKey(), params.size());
            int index = Integer.parseInt(parts[0]);
            String name = parts[1];
            if (!bufferNames.contains(name)) {
                throw new IllegalArgumentException("optimizer state tensor '" + e.getKey() + "': this optimizer keeps no '"
                        + name + "' buffer (it knows " + bufferNames + "); the state belongs to another optimizer");
            }
            Parameter p = params.get(index);
            Tensor t = e.getValue();
            if (!Arrays.equals(t.shape(), p.shape())) {
                throw new IllegalArgumentException("optimizer state tensor '" + e.getKey() + "' has shape "
                        + Arrays.toString(t.shape()) + " but parameter " + index + " has shape " + Arrays.toString(p.shape())
                        + "; load it into an optimizer over the same parameters, in the same order");
            }
            if (loaded[index] == null) {
                throw new IllegalArgumentException("optimizer state has tensor '" + e.getKey() + "' but no setting 'state."
                        + index + ".step'; the state is corrupt or was not written by Optimizer.stateDict()");
            }
            loaded[index].putBuffer(name, t.copy());
        }
        return loaded;
    }

    /** {@code [index, name]} of a key {@code state.<index>.<name>}, with the index checked against the count. */
    private static String[] split(String key, int paramCount) {
        String[] parts = key.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals("state") || parts[2].isEmpty() || !parts[1].matches("\\d{1,9}")) {
            throw new IllegalArgumentException("optimizer state key '" + key
                    + "' is not of the form state.<index>.<name>; the state is corrupt or was not written by Optimizer.stateDict()");
        }
        int index = Integer.parseInt(parts[1]);
        if (index >= paramCount) {
            throw new IllegalArgumentException("optimizer state key '" + key + "' names parameter " + index
                    + " but there are only " + paramCount + "; load it into an optimizer over the same parameters");
        }
        return new String[] {parts[1], parts[2]};
    }
}
