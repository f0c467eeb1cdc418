package nnlab.grading.results;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks and copies the free-form {@code extra_data} objects of {@code results.json}. The copy is deep and
 * unmodifiable, and every map in it is sorted by key, so that the JSON text does not depend on the order in which
 * the caller filled its maps.
 */
final class ExtraData {

    /** Deeper nesting than this is taken for a map or list that contains itself. */
    private static final int MAX_DEPTH = 32;

    private ExtraData() {
    }

    /**
     * A deep, unmodifiable, key-sorted copy of {@code data}.
     *
     * <p>Values may be strings, booleans, finite numbers ({@code Integer}, {@code Long}, {@code Short},
     * {@code Byte}, {@code Double}, {@code Float}, {@code BigInteger}, {@code BigDecimal}), lists of values and maps
     * with string keys.
     *
     * @param data  the caller's map; {@code null} is read as empty
     * @param where what the map belongs to, for error messages (e.g. {@code "test 'Linear.forward'"})
     * @throws IllegalArgumentException for a null key or value, a non-finite number, an unsupported type, or nesting
     *                                  deeper than 32 levels
     */
    static SortedMap<String, Object> copyOf(Map<String, ?> data, String where) {
        if (data == null) {
            return Collections.emptySortedMap();
        }
        return copyMap(data, where + " extra_data", 0);
    }

    private static SortedMap<String, Object> copyMap(Map<?, ?> map, String path, int depth) {
        checkDepth(path, depth);
        TreeMap<String, Object> copy = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + " has key " + e.getKey()
                        + " (" + typeOf(e.getKey()) + "); JSON object keys must be strings");
            }
            copy.put(key, copyValue(e.getValue(), path + "." + key, depth + 1));
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    private static Object copyValue(Object value, String path, int depth) {
        if (value == null) {
            throw new IllegalArgumentException(path + " is null; leave the key out instead");
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(path + " is " + value + "; JSON has no NaN or infinity, "
                        + "store a finite number or a string");
            }
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, path, depth);
        }
        if (value instanceof List<?> list) {
            checkDepth(path, depth);
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyValue(list.get(i), path + "[" + i + "]", depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + " is a " + typeOf(value) + "; extra_data holds only strings, "
                + "booleans, numbers, lists and maps with string keys (convert it, e.g. with toString())");
    }

    private static void checkDepth(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + " is nested more than " + MAX_DEPTH
                    + " levels deep; does a map or list contain itself?");
        }
    }

    private static String typeOf(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }
}
