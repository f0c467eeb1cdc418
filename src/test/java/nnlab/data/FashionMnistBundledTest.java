package nnlab.data;

/**
 * The bundled Fashion-MNIST files. Expected values come from numpy on the official files (gzip.open +
 * numpy.frombuffer): train labels start 9 0 0 3 0, test 9 2 1 1 6; 6000 training images per class (as the
 * Fashion-MNIST README states); training pixel mean 0.286041 and std 0.353024.
 */
class FashionMnistBundledTest extends BundledImagesContract {

    FashionMnistBundledTest() {
        super(MnistDataset.Variant.FASHION_MNIST);
    }

    @Override
    float[] firstTrainLabels() {
        return new float[] {9, 0, 0, 3, 0};
    }

    @Override
    float[] firstTestLabels() {
        return new float[] {9, 2, 1, 1, 6};
    }

    @Override
    int[] trainClassCounts() {
        return new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000};
    }
}
