package nnlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nnlab.tensor.Tensor;

/**
 * What {@link Module#loadStateDict(Map, boolean)} did: the keys the module expected but did not get, and the
 * keys it got but does not have (PyTorch's {@code _IncompatibleKeys}). Both are empty after a strict load.
 *
 * @param missingKeys    names the module has that the loaded map lacks (left unchanged)
 * @param unexpectedKeys names in the loaded map that the module does not have (ignored)
 */
public record StateDictLoad(List<String> missingKeys, List<String> unexpectedKeys) {

    public StateDictLoad {
        missingKeys = List.copyOf(missingKeys);
        unexpectedKeys = List.copyOf(unexpectedKeys);
    }

    /** Checks everything, then copies; a failed load changes nothing. */
    static StateDictLoad apply(Module module, Map<String, Tensor> live, Map<String, Tensor> state, boolean strict) {
        if (state == null) {
            throw new IllegalArgumentException("loadStateDict: state is null; pass a map such as SafeTensors.read(path)");
        }
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : live.entrySet()) {
            Tensor given = state.get(e.getKey());
            if (given == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(given.shape(), e.getValue().shape())) {
                mismatched.add("size mismatch for " + e.getKey() + ": copying a tensor of shape "
                        + Arrays.toString(given.shape()) + " from the state dict, the shape in the current model is "
                        + Arrays.toString(e.getValue().shape()));
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String key : state.keySet()) {
            if (!live.containsKey(key)) {
                unexpected.add(key);
            }
        }
        List<String> problems = new ArrayList<>(mismatched);
        if (strict && !missing.isEmpty()) {
            problems.add("missing keys " + missing);
        }
        if (strict && !unexpected.isEmpty()) {
            problems.add("unexpected keys " + unexpected);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state dict for " + module.getClass().getSimpleName()
                    + ": " + String.join("; ", problems) + ". Nothing was loaded. "
                    + "Check that the file was saved from the same architecture (layer sizes and order); to load "
                    + "only the matching part, remove or replace the differing layers and pass strict=false.");
        }
        for (Map.Entry<String, Tensor> e : live.entrySet()) {
            Tensor given = state.get(e.getKey());
            if (given != null) {
                e.getValue().copyFrom(given);
            }
        }
        return new StateDictLoad(missing, unexpected);
    }
}
