package nnlab.data;

/**
 * The bundled data files, with the size and SHA-256 listed in {@code data/SOURCES.md}; the one place in code that
 * holds these checksums. {@link DataFiles#path(DataFile)} checks a file against them on first use.
 */
public enum DataFile {

    /** MNIST training images, IDX3 ubyte {@code [60000, 28, 28]}, gzip. */
    MNIST_TRAIN_IMAGES("mnist/train-images-idx3-ubyte.gz", 9_912_422L,
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", Source.MNIST),
    /** MNIST training labels, IDX1 ubyte {@code [60000]}, gzip. */
    MNIST_TRAIN_LABELS("mnist/train-labels-idx1-ubyte.gz", 28_881L,
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", Source.MNIST),
    /** MNIST test images, IDX3 ubyte {@code [10000, 28, 28]}, gzip. */
    MNIST_TEST_IMAGES("mnist/t10k-images-idx3-ubyte.gz", 1_648_877L,
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", Source.MNIST),
    /** MNIST test labels, IDX1 ubyte {@code [10000]}, gzip. */
    MNIST_TEST_LABELS("mnist/t10k-labels-idx1-ubyte.gz", 4_542L,
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", Source.MNIST),

    /** Fashion-MNIST training images, IDX3 ubyte {@code [60000, 28, 28]}, gzip. */
    FASHION_TRAIN_IMAGES("fashion-mnist/train-images-idx3-ubyte.gz", 26_421_880L,
            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", Source.FASHION_MNIST),
    /** Fashion-MNIST training labels, IDX1 ubyte {@code [60000]}, gzip. */
    FASHION_TRAIN_LABELS("fashion-mnist/train-labels-idx1-ubyte.gz", 29_515L,
            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", Source.FASHION_MNIST),
    /** Fashion-MNIST test images, IDX3 ubyte {@code [10000, 28, 28]}, gzip. */
    FASHION_TEST_IMAGES("fashion-mnist/t10k-images-idx3-ubyte.gz", 4_422_102L,
            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", Source.FASHION_MNIST),
    /** Fashion-MNIST test labels, IDX1 ubyte {@code [10000]}, gzip. */
    FASHION_TEST_LABELS("fashion-mnist/t10k-labels-idx1-ubyte.gz", 5_148L,
            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", Source.FASHION_MNIST),

    /** CIFAR-10 subset: the first 4000 records of {@code data_batch_1.bin} (3073 bytes each), gzip. */
    CIFAR10_TRAIN_FIRST4000("cifar-10/data_batch_1.first4000.bin.gz", 11_349_652L,
            "d32c18318de59292af92f571821e2570d0ce4d63cf4b3de2570ee51bf268ee72", Source.CIFAR10_SUBSET),
    /** CIFAR-10 subset: the first 1000 records of {@code test_batch.bin} (3073 bytes each), gzip. */
    CIFAR10_TEST_FIRST1000("cifar-10/test_batch.first1000.bin.gz", 2_834_548L,
            "3d5e72c2623a79c57b916d8669b4cba52fa2984d04cb8cd7d256902adc743432", Source.CIFAR10_SUBSET),
    /** CIFAR-10 class names in label order, one per line. */
    CIFAR10_META("cifar-10/batches.meta.txt", 61L,
            "558e74b5e208382e186da55784b4bac2cd52e558448e1b5800990fdb28ed8033", Source.CIFAR10_SUBSET);

    /** Where each group of files comes from, for the "how to get it again" part of error messages. */
    private enum Source {
        MNIST("the official MNIST file of the same name (http://yann.lecun.com/exdb/mnist/, mirrored at"
                + " https://ossci-datasets.s3.amazonaws.com/mnist/)"),
        FASHION_MNIST("the official Fashion-MNIST file of the same name"
                + " (https://github.com/zalandoresearch/fashion-mnist, folder data/fashion/)"),
        CIFAR10_SUBSET("the nnlab repository's data/cifar-10/ folder (a subset built as described in"
                + " data/SOURCES.md; no official file has these bytes)");

        private final String where;

        Source(String where) {
            this.where = where;
        }
    }

    private final String relativePath;
    private final long size;
    private final String sha256;
    private final Source source;

    DataFile(String relativePath, long size, String sha256, Source source) {
        this.relativePath = relativePath;
        this.size = size;
        this.sha256 = sha256;
        this.source = source;
    }

    /** Path relative to the data root, with {@code /} separators, e.g. {@code mnist/train-images-idx3-ubyte.gz}. */
    public String relativePath() {
        return relativePath;
    }

    /** Expected size in bytes. */
    public long size() {
        return size;
    }

    /** Expected SHA-256, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** Where to get the file again, e.g. the official download page. */
    public String source() {
        return source.where;
    }
}
