package nnlab.data;

import static nnlab.data.IdxTestFiles.gzip;
import static nnlab.data.IdxTestFiles.idx;
import static nnlab.data.IdxTestFiles.write;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import nnlab.data.MnistDataset.Options;
import nnlab.data.MnistDataset.Split;
import nnlab.data.MnistDataset.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST-format files generated in a temp folder: conversion, options, and mismatched or wrong files. */
class MnistDatasetTest {

    @TempDir
    Path dir;

    /** Three 28x28 images: image k has every pixel equal to 100 * k (0, 100, 200). */
    private Path images(int n) {
        byte[] px = new byte[n * 784];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (100 * (i / 784));
        }
        return write(dir, "img-" + n + ".gz", gzip(idx(0x08, new int[] {n, 28, 28}, px)));
    }

    private Path labels(byte... values) {
        return write(dir, "lab-" + values.length + ".idx", idx(0x08, new int[] {values.length}, values));
    }

    @Test
    void pixelsAreScaledToUnitRangeAndLabelsBecomeFloats() {
        TensorDataset d = MnistDataset.read(images(3), labels((byte) 7, (byte) 0, (byte) 9), Variant.MNIST,
                Options.DEFAULT);
        assertArrayEquals(new int[] {3, 1, 28, 28}, d.inputs().shape());
        assertArrayEquals(new float[] {7, 0, 9}, d.targets().data());
        float[] x = d.inputs().data();
        assertThat(x[0], is(0f));
        assertThat(x[784 + 5], is(100f / 255f));
        assertThat(x[2 * 784 + 783], is(200f / 255f));
    }

    @Test
    void flattenedAndNormalizedUseVariantStatistics() {
        TensorDataset d = MnistDataset.read(images(3), labels((byte) 1, (byte) 2, (byte) 3), Variant.FASHION_MNIST,
                Options.DEFAULT.flattened().normalized());
        assertArrayEquals(new int[] {3, 784}, d.inputs().shape());
        // (p / 255 - mean) / std with Fashion-MNIST's 0.2860 / 0.3530, in float as the loader computes it
        assertThat(d.inputs().data()[784], is((100f / 255f - 0.2860f) / 0.3530f));
        assertThat(d.inputs().data()[0], is((0f - 0.2860f) / 0.3530f));
    }

    @Test
    void imageAndLabelCountMismatchNamesBothFiles() {
        Path img = images(3);
        Path lab = labels((byte) 1, (byte) 2);
        DataException e = assertThrows(DataException.class,
                () -> MnistDataset.read(img, lab, Variant.MNIST, Options.DEFAULT));
        assertThat(e.getMessage(), allOf(containsString(img + " has 3 images"),
                containsString(lab + " has 2 labels"), containsString("same split")));
    }

    @Test
    void labelOutsideZeroToNineIsRejectedWithItsIndex() {
        DataException e = assertThrows(DataException.class, () -> MnistDataset.read(images(2),
                labels((byte) 3, (byte) 10), Variant.MNIST, Options.DEFAULT));
        assertThat(e.getMessage(), containsString("has label 10 at index 1; labels must be 0..9"));
    }

    @Test
    void swappedFilesAreRecognised() {
        Path img = images(2);
        Path lab = labels((byte) 3, (byte) 4);
        DataException e = assertThrows(DataException.class,
                () -> MnistDataset.read(lab, img, Variant.MNIST, Options.DEFAULT));
        assertThat(e.getMessage(), allOf(containsString("holds UBYTE [2], expected UBYTE [N, 28, 28]"),
                containsString("images file")));
    }

    @Test
    void wrongImageSizeIsRejected() {
        Path img = write(dir, "small.idx", idx(0x08, new int[] {1, 28, 27}, new byte[28 * 27]));
        DataException e = assertThrows(DataException.class,
                () -> MnistDataset.read(img, labels((byte) 1), Variant.MNIST, Options.DEFAULT));
        assertThat(e.getMessage(), containsString("[1, 28, 27], expected UBYTE [N, 28, 28]"));
    }

    @Test
    void missingBundledFileSaysWhereToPutIt() {
        write(dir, "data/" + DataFiles.MARKER, new byte[] {'#'});
        DataFiles files = DataFiles.at(dir.resolve("data"));
        DataException e = assertThrows(DataException.class,
                () -> MnistDataset.load(Variant.FASHION_MNIST, Split.TEST, files));
        assertThat(e.getMessage(), allOf(containsString("fashion-mnist/t10k-images-idx3-ubyte.gz is missing"),
                containsString("zalandoresearch/fashion-mnist")));
    }

    @Test
    void variantsNameTheirFilesAndClasses() {
        assertThat(Variant.MNIST.images(Split.TRAIN), is(DataFile.MNIST_TRAIN_IMAGES));
        assertThat(Variant.FASHION_MNIST.labels(Split.TEST), is(DataFile.FASHION_TEST_LABELS));
        // class names from the Fashion-MNIST README (zalandoresearch/fashion-mnist), label order
        assertThat(Variant.FASHION_MNIST.classNames().get(0), is("T-shirt/top"));
        assertThat(Variant.FASHION_MNIST.classNames().get(9), is("Ankle boot"));
        assertThat(Variant.MNIST.classNames().size(), is(10));
    }
}
