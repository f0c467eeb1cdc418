package nnlab.data;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import nnlab.tensor.Tensor;

/**
 * A view of some examples of another dataset, as {@code torch.utils.data.Subset}: the first {@code n} (the
 * course's 200-image overfitting exercise) or {@code n} drawn at random without repeats from a seed.
 */
public class Subset implements Dataset {

    private final Dataset source;
    private final int[] indices;

    /** The examples of {@code source} at {@code indices} (copied), in that order. */
    public Subset(Dataset source, int[] indices) {
        for (int i : indices) {
            if (i < 0 || i >= source.size()) {
                throw new IndexOutOfBoundsException("subset index " + i + " out of range for a dataset of "
                        + source.size() + " examples");
            }
        }
        this.source = source;
        this.indices = indices.clone();
    }

    /** The first {@code n} examples of {@code source}. */
    public static Subset first(Dataset source, int n) {
        requireCount(source, n);
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return new Subset(source, idx);
    }

    /** {@code n} distinct examples chosen uniformly at random with {@code Tensor.rng(seed)}, in drawn order. */
    public static Subset random(Dataset source, int n, long seed) {
        requireCount(source, n);
        RandomGenerator rng = Tensor.rng(seed);
        int[] pool = new int[source.size()];
        Arrays.setAll(pool, i -> i);
        for (int i = 0; i < n; i++) { // partial Fisher-Yates shuffle
            int j = i + rng.nextInt(pool.length - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        return new Subset(source, Arrays.copyOf(pool, n));
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int[] inputShape() {
        return source.inputShape();
    }

    @Override
    public Batch batch(int[] which) {
        int[] mapped = new int[which.length];
        for (int i = 0; i < which.length; i++) {
            if (which[i] < 0 || which[i] >= indices.length) {
                throw new IndexOutOfBoundsException("index " + which[i] + " out of range for a subset of "
                        + indices.length + " examples");
            }
            mapped[i] = indices[which[i]];
        }
        return source.batch(mapped);
    }

    private static void requireCount(Dataset source, int n) {
        if (n < 0 || n > source.size()) {
            throw new IllegalArgumentException("cannot take " + n + " examples from a dataset of " + source.size()
                    + "; pass 0.." + source.size());
        }
    }
}
