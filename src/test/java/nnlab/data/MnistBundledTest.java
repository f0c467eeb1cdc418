package nnlab.data;

/**
 * The bundled MNIST files. Expected values: first labels from the official files (train starts 5 0 4 1 9, test
 * 7 2 1 0 4, as in every MNIST tutorial); class counts from numpy.bincount over the official training labels; the
 * mean and std are those of PyTorch's MNIST example (0.1307, 0.3081); numpy on the same files gives 0.130660 and
 * 0.308108.
 */
class MnistBundledTest extends BundledImagesContract {

    MnistBundledTest() {
        super(MnistDataset.Variant.MNIST);
    }

    @Override
    float[] firstTrainLabels() {
        return new float[] {5, 0, 4, 1, 9};
    }

    @Override
    float[] firstTestLabels() {
        return new float[] {7, 2, 1, 0, 4};
    }

    @Override
    int[] trainClassCounts() {
        return new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    }
}
