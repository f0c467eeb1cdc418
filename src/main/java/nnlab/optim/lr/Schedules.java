package nnlab.optim.lr;

import java.util.List;

/** Argument checks and small helpers shared by the schedulers. */
final class Schedules {

    private Schedules() {
    }

    /** {@code gamma} if it is finite and {@code > 0}; otherwise an error naming {@code who}. */
    static double requirePositiveGamma(String who, double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException(who + " gamma must be a finite number > 0, got " + gamma
                    + "; e.g. 0.1 divides the lr by 10 (a gamma of 0 would stop training)");
        }
        return gamma;
    }

    /**
     * The milestones as an array, checked to be strictly increasing and {@code >= min}.
     *
     * @throws IllegalArgumentException naming {@code who} otherwise
     */
    static int[] increasing(String who, List<Integer> milestones, int min) {
        if (milestones == null) {
            throw new IllegalArgumentException(who + " got null milestones; pass a list of epochs, e.g. List.of(30, 80)");
        }
        int[] out = new int[milestones.size()];
        for (int i = 0; i < out.length; i++) {
            Integer m = milestones.get(i);
            if (m == null || m < min) {
                throw new IllegalArgumentException(who + " milestone " + i + " is " + m + "; milestones are epochs >= " + min);
            }
            if (i > 0 && m <= out[i - 1]) {
                throw new IllegalArgumentException(who + " milestones must be strictly increasing, got " + milestones
                        + "; sort them and drop repeats, e.g. [30, 80]");
            }
            out[i] = m;
        }
        return out;
    }

    /** Python's {@code bisect_right(sorted, x)}: how many elements are {@code <= x}. */
    static int bisectRight(int[] sorted, int x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x < sorted[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The milestones as {@code "30,80"} for a saved configuration. */
    static String join(int[] milestones) {
        StringBuilder sb = new StringBuilder();
        for (int m : milestones) {
            sb.append(sb.length() == 0 ? "" : ",").append(m);
        }
        return sb.toString();
    }
}
