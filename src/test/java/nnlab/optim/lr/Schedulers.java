package nnlab.optim.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nnlab.nn.Parameter;
import nnlab.optim.Optimizer;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;

/** Helpers for the scheduler tests: an optimizer to schedule and the lr sequence a scheduler produces. */
final class Schedulers {

    /**
     * Learning rates are doubles computed by a handful of double operations per epoch, so a chain of 50
     * epochs agrees with a hand-written expression to far better than 1e-12 relative.
     */
    static final double LR_RELATIVE = 1e-12;

    private Schedulers() {
    }

    /** An SGD over one scalar parameter with learning rate {@code lr}. */
    static Optimizer sgd(double lr) {
        return new SGD(List.of(new Parameter(Tensor.zeros(1))), lr);
    }

    /** The lr after construction (epoch 0) and after each of {@code epochs - 1} further steps. */
    static double[] lrs(LRScheduler scheduler, int epochs) {
        double[] out = new double[epochs];
        out[0] = scheduler.lastLr();
        for (int e = 1; e < epochs; e++) {
            scheduler.optimizer().step();
            scheduler.step();
            out[e] = scheduler.lastLr();
            assertEquals(out[e], scheduler.optimizer().lr(), 0.0, "lastLr is the optimizer's lr");
            assertEquals(e, scheduler.lastEpoch());
        }
        return out;
    }

    /** Asserts {@code actual} equals {@code expected} element by element within {@link #LR_RELATIVE}. */
    static void assertLrs(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "number of epochs");
        for (int e = 0; e < expected.length; e++) {
            assertEquals(expected[e], actual[e], LR_RELATIVE * Math.abs(expected[e]), "lr at epoch " + e);
        }
    }
}
