package nnlab.train;

import nnlab.nn.Sequential;
import nnlab.nn.layers.Conv2d;
import nnlab.nn.layers.Dropout;
import nnlab.nn.layers.Flatten;
import nnlab.nn.layers.Linear;
import nnlab.nn.layers.MaxPool2d;
import nnlab.nn.layers.ReLU;

/**
 * The networks of the course, as the labs and {@code nnlab train} build them. Their initial weights come from the
 * default generator, so call {@code Generators.manualSeed(seed)} first for a reproducible run.
 */
public final class CourseModels {

    private CourseModels() {
    }

    /** Softmax regression: {@code Flatten, Linear(inputs, classes)}; the softmax is inside the cross-entropy loss. */
    public static Sequential softmax(int inputs, int classes) {
        return new Sequential(new Flatten(), new Linear(inputs, classes));
    }

    /** The course MLP: {@code Flatten, Linear(inputs, hidden), ReLU, Linear(hidden, classes)} (784-1000-10 on MNIST). */
    public static Sequential mlp(int inputs, int hidden, int classes) {
        return new Sequential(new Flatten(), new Linear(inputs, hidden), new ReLU(), new Linear(hidden, classes));
    }

    /**
     * Two convolution blocks and a classifier, for {@code [N, channels, side, side]} images with {@code side}
     * divisible by 4: {@code Conv2d(channels, 32, 3, padding 1), ReLU, MaxPool2d(2), Conv2d(32, 64, 3, padding 1),
     * ReLU, MaxPool2d(2), Flatten, Linear(64 * (side/4)^2, 128), ReLU, Dropout(0.5), Linear(128, classes)}.
     *
     * <p>The hidden layer with dropout is the classifier of PyTorch's MNIST example. Measured on MNIST with Adam
     * lr 1e-3, batch 64 (PyTorch, seed 20261125): a single {@code Linear(3136, 10)} head reaches 98.9% after 4
     * epochs, {@code Linear(3136, 128), ReLU, Linear(128, 10)} also 98.9%, and this head 99.1%.
     */
    public static Sequential cnn(int channels, int side, int classes) {
        if (side % 4 != 0) {
            throw new IllegalArgumentException("cnn expects a side divisible by 4 (two 2x2 poolings), got " + side);
        }
        int pooled = side / 4;
        return new Sequential(
                new Conv2d(channels, 32, 3, 1, 1), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 3, 1, 1), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(64 * pooled * pooled, 128), new ReLU(), new Dropout(0.5),
                new Linear(128, classes));
    }
}
