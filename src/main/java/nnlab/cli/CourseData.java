package nnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nnlab.data.Cifar10;
import nnlab.data.DataFile;
import nnlab.data.DataFiles;
import nnlab.data.MnistDataset;
import nnlab.data.TensorDataset;

/**
 * A bundled dataset loaded for training: images scaled to [0, 1] in {@code [N, C, H, W]} (the models flatten
 * them where they need to), targets as class indices, and the class names.
 *
 * @param train      training examples
 * @param test       test examples
 * @param classNames names in label order
 * @param root       the data folder they came from
 */
record CourseData(TensorDataset train, TensorDataset test, List<String> classNames, Path root) {

    /**
     * Loads {@code mnist}, {@code fashion-mnist} or {@code cifar10} (the bundled subset: 4000 training and 1000 test
     * images) from {@code dataDir}, or the default data folder when null.
     */
    static CourseData load(String name, Path dataDir) throws IOException {
        DataFiles files = dataDir == null ? DataFiles.locate() : DataFiles.locate(dataDir);
        return switch (name) {
            case "mnist", "fashion-mnist" -> {
                MnistDataset.Variant v = name.equals("mnist") ? MnistDataset.Variant.MNIST : MnistDataset.Variant.FASHION_MNIST;
                yield new CourseData(MnistDataset.load(v, MnistDataset.Split.TRAIN, files),
                        MnistDataset.load(v, MnistDataset.Split.TEST, files), v.classNames(), files.root());
            }
            case "cifar10" -> new CourseData(Cifar10.read(files.path(DataFile.CIFAR10_TRAIN_FIRST4000)),
                    Cifar10.read(files.path(DataFile.CIFAR10_TEST_FIRST1000)),
                    Cifar10.readClassNames(files.path(DataFile.CIFAR10_META)), files.root());
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "'; use mnist, fashion-mnist or cifar10");
        };
    }
}
