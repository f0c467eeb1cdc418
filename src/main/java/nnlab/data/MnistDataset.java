package nnlab.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nnlab.tensor.Tensor;

/**
 * MNIST and Fashion-MNIST, as {@code torchvision.datasets.MNIST} / {@code FashionMNIST} followed by
 * {@code ToTensor()} (and, optionally, {@code Normalize(mean, std)}).
 *
 * <ul>
 *   <li>inputs: {@code [N, 1, 28, 28]} (or {@code [N, 784]} with {@link Options#flattened()}), pixel {@code p}
 *       becomes {@code x = p / 255} in {@code [0, 1]}; normalized, {@code x = (p / 255 - mean) / std} with the
 *       variant's {@link Variant#mean()} and {@link Variant#std()};</li>
 *   <li>targets: {@code [N]}, the class index {@code 0..9} as a float (what {@code CrossEntropyLoss} takes);</li>
 *   <li>{@code N} = 60000 for {@link Split#TRAIN}, 10000 for {@link Split#TEST}.</li>
 * </ul>
 *
 * <p>Example: {@code MnistDataset.load(Variant.MNIST, Split.TRAIN, DataFiles.locate(), Options.DEFAULT.flattened())}.
 * Loading the training set takes about a second and {@code 60000 * 784 * 4} bytes (188 MB) of heap.
 */
public final class MnistDataset {

    /** Image side length in pixels. */
    public static final int SIDE = 28;

    /** Which of the two datasets. */
    public enum Variant {
        /** Handwritten digits; mean and std of the training pixels as used by PyTorch's MNIST example. */
        MNIST("MNIST", 0.1307f, 0.3081f,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                DataFile.MNIST_TRAIN_IMAGES, DataFile.MNIST_TRAIN_LABELS,
                DataFile.MNIST_TEST_IMAGES, DataFile.MNIST_TEST_LABELS),
        /** Zalando's clothing images; mean and std of the training pixels. */
        FASHION_MNIST("Fashion-MNIST", 0.2860f, 0.3530f,
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
                DataFile.FASHION_TRAIN_IMAGES, DataFile.FASHION_TRAIN_LABELS,
                DataFile.FASHION_TEST_IMAGES, DataFile.FASHION_TEST_LABELS);

        private final String title;
        private final float mean;
        private final float std;
        private final List<String> classNames;
        private final DataFile[] files;

        Variant(String title, float mean, float std, List<String> classNames, DataFile... files) {
            this.title = title;
            this.mean = mean;
            this.std = std;
            this.classNames = classNames;
            this.files = files;
        }

        /** Mean of the training pixels scaled to [0, 1] (MNIST 0.1307, Fashion-MNIST 0.2860). */
        public float mean() {
            return mean;
        }

        /** Standard deviation of the training pixels scaled to [0, 1] (MNIST 0.3081, Fashion-MNIST 0.3530). */
        public float std() {
            return std;
        }

        /** The 10 class names, in label order (for MNIST, the digits). */
        public List<String> classNames() {
            return classNames;
        }

        /** The images file of {@code split}. */
        public DataFile images(Split split) {
            return files[split == Split.TRAIN ? 0 : 2];
        }

        /** The labels file of {@code split}. */
        public DataFile labels(Split split) {
            return files[split == Split.TRAIN ? 1 : 3];
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** Training (60000 images) or test (10000 images) set. */
    public enum Split { TRAIN, TEST }

    /**
     * How to present the images.
     *
     * @param flatten   inputs {@code [N, 784]} instead of {@code [N, 1, 28, 28]}
     * @param normalize subtract the variant's mean and divide by its std after scaling to [0, 1]
     */
    public record Options(boolean flatten, boolean normalize) {

        /** Images {@code [N, 1, 28, 28]} in {@code [0, 1]}. */
        public static final Options DEFAULT = new Options(false, false);

        /** These options with inputs {@code [N, 784]}. */
        public Options flattened() {
            return new Options(true, normalize);
        }

        /** These options with {@code (x - mean) / std} applied. */
        public Options normalized() {
            return new Options(flatten, true);
        }
    }

    private MnistDataset() {
    }

    /** {@link #load(Variant, Split, DataFiles, Options)} with {@link DataFiles#locate()} and default options. */
    public static TensorDataset load(Variant variant, Split split) {
        return load(variant, split, DataFiles.locate(), Options.DEFAULT);
    }

    /** {@link #load(Variant, Split, DataFiles, Options)} with default options. */
    public static TensorDataset load(Variant variant, Split split, DataFiles files) {
        return load(variant, split, files, Options.DEFAULT);
    }

    /**
     * Loads a bundled split, checking the files' SHA-256 on first use.
     *
     * @throws DataException if a file is missing, corrupt or malformed
     */
    public static TensorDataset load(Variant variant, Split split, DataFiles files, Options options) {
        Path images = files.path(variant.images(split));
        Path labels = files.path(variant.labels(split));
        return read(images, labels, variant, options);
    }

    /**
     * Reads MNIST-format files from anywhere (no checksum), e.g. a custom set in the same format.
     *
     * @param variant gives the mean and std for {@link Options#normalize()}
     * @throws DataException if a file is missing or malformed, or the two files do not match
     */
    public static TensorDataset read(Path images, Path labels, Variant variant, Options options) {
        return fromIdx(IdxReader.read(images), images.toString(), IdxReader.read(labels), labels.toString(),
                variant, options);
    }

    /**
     * Builds the dataset from IDX contents: images ubyte {@code [N, 28, 28]}, labels ubyte {@code [N]} in
     * {@code 0..9}.
     *
     * @param imagesName  the images file's name, for error messages
     * @param labelsName  the labels file's name, for error messages
     * @throws DataException if the types, shapes, counts or label values are wrong
     */
    public static TensorDataset fromIdx(IdxData images, String imagesName, IdxData labels, String labelsName,
                                        Variant variant, Options options) {
        int[] d = images.dims();
        if (images.type() != IdxType.UBYTE || d.length != 3 || d[1] != SIDE || d[2] != SIDE) {
            throw new DataException(variant + " images file " + imagesName + " holds " + images.type() + " "
                    + Arrays.toString(d) + ", expected UBYTE [N, 28, 28]; is it an images file (*-images-idx3-ubyte)?");
        }
        if (labels.type() != IdxType.UBYTE || labels.dims().length != 1) {
            throw new DataException(variant + " labels file " + labelsName + " holds " + labels.type() + " "
                    + Arrays.toString(labels.dims()) + ", expected UBYTE [N]; is it a labels file (*-labels-idx1-ubyte)?");
        }
        int n = d[0];
        if (labels.dims()[0] != n) {
            throw new DataException(variant + ": " + imagesName + " has " + n + " images but " + labelsName + " has "
                    + labels.dims()[0] + " labels; use the images and labels files of the same split");
        }
        byte[] lab = labels.payload();
        Tensor targets = Tensor.zeros(n);
        float[] t = targets.data();
        for (int i = 0; i < n; i++) {
            int c = lab[i] & 0xFF;
            if (c > 9) {
                throw new DataException(variant + " labels file " + labelsName + " has label " + c + " at index " + i
                        + "; labels must be 0..9 (corrupt or not a " + variant + " file)");
            }
            t[i] = c;
        }
        Tensor inputs = options.flatten() ? Tensor.zeros(n, SIDE * SIDE) : Tensor.zeros(n, 1, SIDE, SIDE);
        float[] x = inputs.data();
        byte[] px = images.payload();
        float mean = options.normalize() ? variant.mean() : 0f;
        float std = options.normalize() ? variant.std() : 1f;
        for (int i = 0; i < px.length; i++) {
            x[i] = ((px[i] & 0xFF) / 255f - mean) / std;
        }
        return new TensorDataset(inputs, targets);
    }
}
