package nnlab.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Mini-batches of a dataset, as {@code torch.utils.data.DataLoader(dataset, batch_size, shuffle, drop_last)}:
 * each {@code for (Batch b : loader)} is one epoch.
 *
 * <p><b>Shuffling</b> is reproducible: epoch {@code e} (counting from 0, one per {@link #iterator()} call) uses
 * the permutation drawn from {@code Tensor.rng(seed + e)}, so every epoch has a different order, and a run with
 * the same seed sees the same batches. Without shuffling the order is {@code 0, 1, 2, ...} every epoch.
 *
 * <p><b>The last batch</b> holds the {@code size % batchSize} leftover examples, or is dropped with
 * {@code dropLast} (so every batch has exactly {@code batchSize} examples).
 */
public class DataLoader implements Iterable<Batch> {

    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private int epoch;

    /**
     * @param dataset   the examples
     * @param batchSize examples per batch ({@code >= 1})
     * @param shuffle   whether each epoch visits the examples in a new random order
     * @param seed      seed of the shuffles (ignored without shuffling)
     * @param dropLast  whether to drop a last, smaller batch
     */
    public DataLoader(Dataset dataset, int batchSize, boolean shuffle, long seed, boolean dropLast) {
        if (dataset == null) {
            throw new IllegalArgumentException("DataLoader: dataset is null");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: batchSize must be >= 1, got " + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.dropLast = dropLast;
    }

    /** {@code new DataLoader(dataset, batchSize, shuffle, seed, false)}. */
    public DataLoader(Dataset dataset, int batchSize, boolean shuffle, long seed) {
        this(dataset, batchSize, shuffle, seed, false);
    }

    /** The dataset. */
    public Dataset dataset() {
        return dataset;
    }

    /** Examples per batch. */
    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch: {@code ceil(size / batchSize)}, or {@code floor} with {@code dropLast}. */
    public int batchesPerEpoch() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The order of the examples in epoch {@code e}: a permutation of {@code 0..size-1}. */
    public int[] order(int e) {
        int[] idx = new int[dataset.size()];
        Arrays.setAll(idx, i -> i);
        if (shuffle) {
            RandomGenerator rng = Tensor.rng(seed + e);
            for (int i = idx.length - 1; i > 0; i--) { // Fisher-Yates
                int j = rng.nextInt(i + 1);
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
            }
        }
        return idx;
    }

    /** Starts the next epoch. */
    @Override
    public Iterator<Batch> iterator() {
        int[] idx = order(epoch++);
        int batches = batchesPerEpoch();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the epoch has " + batches + " batches");
                }
                int from = next * batchSize;
                int to = Math.min(from + batchSize, idx.length);
                next++;
                return dataset.batch(Arrays.copyOfRange(idx, from, to));
            }
        };
    }
}
