package nnlab.optim.lr;

import java.util.Map;
import java.util.function.Function;

/** Reads values from a scheduler's saved settings map, with errors that name the key and the fix. */
final class SchedulerSettings {

    private SchedulerSettings() {
    }

    static String string(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("scheduler state lacks the setting '" + key
                    + "'; load a map made by stateDict() of the same scheduler class");
        }
        return value;
    }

    static double doubleValue(Map<String, String> settings, String key) {
        return parsed(settings, key, Double::valueOf, "a number");
    }

    static int intValue(Map<String, String> settings, String key) {
        return parsed(settings, key, Integer::valueOf, "an integer");
    }

    private static <T> T parsed(Map<String, String> settings, String key, Function<String, T> parse, String kind) {
        String value = string(settings, key);
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scheduler state setting '" + key + "' is '" + value
                    + "', not " + kind + "; the state is corrupt or was not written by stateDict()", e);
        }
    }

    /**
     * Checks that {@code saved} was written by a scheduler of class {@code name} whose configuration
     * (arguments fixed at construction) equals {@code config}.
     */
    static void requireSameConfig(String name, Map<String, String> config, Map<String, String> saved) {
        if (saved == null) {
            throw new IllegalArgumentException("loadStateDict got null; pass a map from stateDict()");
        }
        String savedName = string(saved, "scheduler");
        if (!savedName.equals(name)) {
            throw new IllegalArgumentException("scheduler state was saved by " + savedName + ", cannot load it into "
                    + name + "; construct a " + savedName + " to load it");
        }
        for (Map.Entry<String, String> e : config.entrySet()) {
            String value = string(saved, e.getKey());
            if (!value.equals(e.getValue())) {
                throw new IllegalArgumentException("saved " + name + " has " + e.getKey() + "=" + value + " but this one has "
                        + e.getKey() + "=" + e.getValue() + "; construct the scheduler with the saved arguments before loading");
            }
        }
    }
}
