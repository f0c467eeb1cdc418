package nnlab.viz;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/** Argument checks and conversions shared by the plots. */
final class Labels {

    private Labels() {
    }

    /** {@code names} checked to have {@code classes} entries, or {@code "0", "1", ...} when {@code null}. */
    static String[] classNames(String[] names, int classes) {
        if (names == null) {
            String[] out = new String[classes];
            Arrays.setAll(out, Integer::toString);
            return out;
        }
        if (names.length != classes) {
            throw new IllegalArgumentException("expected " + classes + " class names, one per class, got "
                    + names.length + " " + Arrays.toString(names) + "; pass null for 0, 1, ...");
        }
        return names.clone();
    }

    /** Name of class {@code c}, or the number itself if it is out of range of {@code names}. */
    static String name(String[] names, int c) {
        return c >= 0 && c < names.length ? names[c] : Integer.toString(c);
    }

    /** Class indices from targets {@code [N]} or {@code [N, 1]} holding integers as floats (0/1 for binary). */
    static int[] fromTargets(Tensor targets, int n) {
        if (targets.numel() != n) {
            throw new IllegalArgumentException("expected one class label per point (targets [" + n + "] or ["
                    + n + ", 1]), got targets " + Arrays.toString(targets.shape()));
        }
        float[] d = targets.toArray();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.round(d[i]);
        }
        return out;
    }

    /** Shape as text, e.g. {@code [10, 784]}. */
    static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
