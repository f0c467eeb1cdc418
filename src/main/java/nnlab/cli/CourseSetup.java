package nnlab.cli;

import nnlab.nn.Sequential;
import nnlab.nn.loss.Reduction;
import nnlab.train.CourseModels;

/**
 * The course's settings per model, used by {@code nnlab train} unless an option overrides them.
 *
 * @param optimizer  adam or sgd
 * @param lr         learning rate
 * @param batchSize  examples per batch
 * @param epochs     epochs
 * @param iterations optimizer steps to stop after, or null for whole epochs
 * @param reduction  loss reduction
 * @param lrDecay    factor applied to the learning rate after every epoch ({@code ExponentialLR}); 1 = constant
 */
record CourseSetup(String optimizer, double lr, int batchSize, int epochs, Long iterations, Reduction reduction,
                   double lrDecay) {

    /** The models {@code nnlab train} knows. */
    enum ModelKind { SOFTMAX, MLP, CNN }

    /**
     * softmax: the single-layer lab (SGD lr 0.005 on the summed loss, batch 100, 5000 iterations); mlp: 784-1000-10
     * with Adam lr 1e-3, batch 128, 15 epochs; cnn: two conv blocks and a 128-unit hidden layer with dropout, Adam
     * lr 1e-3 multiplied by 0.8 after every epoch, batch 64, 8 epochs.
     */
    static CourseSetup defaults(ModelKind kind) {
        return switch (kind) {
            case SOFTMAX -> new CourseSetup("sgd", 0.005, 100, 1, 5000L, Reduction.SUM, 1.0);
            case MLP -> new CourseSetup("adam", 1e-3, 128, 15, null, Reduction.MEAN, 1.0);
            case CNN -> new CourseSetup("adam", 1e-3, 64, 8, null, Reduction.MEAN, 0.8);
        };
    }

    /** The network for {@code kind} sized for the dataset's images and classes. */
    static Sequential build(ModelKind kind, CourseData data) {
        int[] shape = data.train().inputShape();
        int inputs = 1;
        for (int d : shape) {
            inputs *= d;
        }
        int classes = data.classNames().size();
        return switch (kind) {
            case SOFTMAX -> CourseModels.softmax(inputs, classes);
            case MLP -> CourseModels.mlp(inputs, 1000, classes);
            case CNN -> CourseModels.cnn(shape[0], shape[1], classes);
        };
    }
}
