package nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import nnlab.testing.ParityFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer configuration against PyTorch 1.13 ({@code parity/generate_optim.py}): two parameters
 * ([3, 4] and [5]) through 10 steps with fixed gradients, including gradient elements that are exactly 0 and
 * a parameter whose gradient is missing at the first step (so its state starts late), compared after every
 * step.
 *
 * <p>Tolerance {@code 1e-6 · max(1, |expected|)}: absolute 1e-6 for values below 1, relative 1e-6 above.
 * Both sides compute in float32 with the same scalar factors; they differ only where PyTorch's CPU kernels
 * fuse a multiply-add (FMA), a few ulps (about 1e-7) per step at most.
 */
class OptimizerParityTest {

    private static final double TOLERANCE = 1e-6;

    /** Each fixture name with the nnlab optimizer built as the generator builds PyTorch's (see its OPTIMIZERS). */
    static Stream<Arguments> configs() {
        return Stream.of(
                config("sgd_plain", ps -> new SGD(ps, 0.1)),
                config("sgd_momentum", ps -> new SGD(ps, 0.05).momentum(0.9)),
                config("sgd_nesterov_weight_decay", ps -> new SGD(ps, 0.05).momentum(0.9).nesterov(true).weightDecay(0.05)),
                config("sgd_dampening", ps -> new SGD(ps, 0.05).momentum(0.9).dampening(0.5)),
                config("adam_default", Adam::new),
                config("adam_amsgrad", ps -> new Adam(ps, 0.01).amsgrad(true)),
                config("adam_weight_decay", ps -> new Adam(ps, 0.01).betas(0.8, 0.99).weightDecay(0.1)),
                config("adamw", ps -> new AdamW(ps, 0.01)),
                config("adamw_amsgrad", ps -> new AdamW(ps, 0.01).weightDecay(0.1).amsgrad(true)),
                config("adagrad_default", Adagrad::new),
                config("adagrad_decay", ps -> new Adagrad(ps, 0.1).lrDecay(0.05).weightDecay(0.1).initialAccumulatorValue(0.1)),
                config("rmsprop_plain", ps -> new RMSprop(ps, 0.01)),
                config("rmsprop_centered_momentum_weight_decay",
                        ps -> new RMSprop(ps, 0.01).centered(true).momentum(0.9).weightDecay(0.1)));
    }

    private static Arguments config(String name, Function<List<Parameter>, Optimizer> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void everyStepMatchesPyTorch(String name, Function<List<Parameter>, Optimizer> make) {
        ParityFixture f = ParityFixture.load("optim", name);
        Parameter p0 = new Parameter(f.tensor("param0.init"));
        Parameter p1 = new Parameter(f.tensor("param1.init"));
        Optimizer opt = make.apply(List.of(p0, p1));
        assertEquals(f.meta("optimizer"), opt.getClass().getSimpleName(), "the fixture was made for this optimizer");
        if (f.meta("lr") != null) {
            assertEquals(Double.parseDouble(f.meta("lr")), opt.lr(), 0.0, "the fixture's lr");
        }
        Tensor grads0 = f.tensor("grad0");
        Tensor grads1 = f.tensor("grad1");
        Tensor steps0 = f.tensor("param0.steps");
        Tensor steps1 = f.tensor("param1.steps");
        double[] present1 = f.doubles("grad1.present");
        int steps = grads0.dim(0);
        for (int t = 0; t < steps; t++) {
            setGrad(p0, grads0.slice(t, t + 1).reshape(3, 4));
            if (present1[t] != 0) {
                setGrad(p1, grads1.slice(t, t + 1).reshape(5));
            } else {
                p1.clearGrad();                          // PyTorch: p.grad = None, the step skips it
            }
            opt.step();
            assertClose(steps0.slice(t, t + 1).reshape(3, 4), p0.value(), name + " param0 after step " + (t + 1));
            assertClose(steps1.slice(t, t + 1).reshape(5), p1.value(), name + " param1 after step " + (t + 1));
        }
        assertEquals(Long.toString(steps), opt.stateDict().settings().get("state.0.step"));
        assertEquals(Long.toString(steps - 1), opt.stateDict().settings().get("state.1.step"), "param1 skipped step 1");
    }

    private static void setGrad(Parameter p, Tensor grad) {
        p.zeroGrad();
        p.accumulateGrad(grad);
    }

    private static void assertClose(Tensor expected, Tensor actual, String what) {
        float[] e = expected.data();
        float[] a = actual.data();
        for (int i = 0; i < e.length; i++) {
            double bound = TOLERANCE * Math.max(1, Math.abs(e[i]));
            if (!(Math.abs((double) a[i] - e[i]) <= bound)) {
                throw new AssertionError(what + " differs from PyTorch at flat index " + i + ": nnlab " + a[i]
                        + ", PyTorch " + e[i] + " (allowed " + bound + ")");
            }
        }
    }
}
