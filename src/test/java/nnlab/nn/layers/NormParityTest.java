package nnlab.nn.layers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.nn.Module;
import nnlab.tensor.Tensor;
import nnlab.testing.ParityFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BatchNorm1d/2d, Dropout (eval), LeakyReLU, Sigmoid, Tanh, ArcTan ({@code torch.atan}), Softmax and LogSoftmax
 * against PyTorch 1.13 (fixtures from {@code parity/generate_norm.py}). Every comparison is
 * {@code |nnlab - PyTorch| <= tol * max(1, |PyTorch|)} ({@link ParityFixture#assertClose}): {@code tol = 1e-5}
 * for the activations and {@code 1e-4} for BatchNorm (the acceptance bounds; BatchNorm divides by a standard
 * deviation computed from float32 sums in PyTorch, in double here). Dropout's training masks come from PyTorch's
 * generator and cannot match; {@code DropoutTest} checks training mode statistically.
 */
class NormParityTest {

    private static final double TOLERANCE = 1e-5;
    private static final double BN_TOLERANCE = 1e-4;
    private static final String[] BUFFERS = {"running_mean", "running_var"};

    @ParameterizedTest
    @CsvSource({"batchnorm1d_2d, 1d, 4", "batchnorm1d_3d, 1d, 3", "batchnorm2d, 2d, 3"})
    void batchNormTrainingMatchesPyTorch(String name, String kind, int channels) {
        ParityFixture f = ParityFixture.load("norm", name + "_train");
        BatchNormBase bn = batchNorm(kind, channels);
        assertThat(bn.toString(), bn.toString().startsWith(f.meta("module").replace(")", ",")), is(true));
        bn.weight().value().copyFrom(f.tensor("param.weight"));
        bn.bias().value().copyFrom(f.tensor("param.bias"));
        checkForwardBackward(f, bn, BN_TOLERANCE);
        f.assertClose("grad.weight", bn.weight().grad(), BN_TOLERANCE);
        f.assertClose("grad.bias", bn.bias().grad(), BN_TOLERANCE);
        checkBuffers(f, bn);
    }

    @ParameterizedTest
    @CsvSource({"batchnorm1d_2d, 1d, 4", "batchnorm1d_3d, 1d, 3", "batchnorm2d, 2d, 3"})
    void batchNormRunningStatsAfterThreeForwardsMatchPyTorch(String name, String kind, int channels) {
        ParityFixture f = ParityFixture.load("norm", name + "_train_3steps");
        BatchNormBase bn = batchNorm(kind, channels);
        Tensor y = null;
        for (int step = 0; step < 3; step++) {
            y = bn.forward(f.tensor("input." + step));
        }
        f.assertClose("output", y, BN_TOLERANCE);
        checkBuffers(f, bn);
        assertThat(bn.numBatchesTracked(), is(3L));
    }

    @ParameterizedTest
    @CsvSource({"batchnorm1d_2d, 1d, 4", "batchnorm1d_3d, 1d, 3", "batchnorm2d, 2d, 3"})
    void batchNormEvalWithLoadedRunningStatsMatchesPyTorch(String name, String kind, int channels) {
        ParityFixture f = ParityFixture.load("norm", name + "_eval");
        BatchNormBase bn = batchNorm(kind, channels);
        // PyTorch's state dict, num_batches_tracked (int64 there) included
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (String key : new String[] {"weight", "bias"}) {
            state.put(key, f.tensor("param." + key));
        }
        for (String key : new String[] {"running_mean", "running_var", "num_batches_tracked"}) {
            state.put(key, f.tensor("buffer." + key));
        }
        bn.loadStateDict(state);
        bn.eval();
        checkForwardBackward(f, bn, BN_TOLERANCE);
        f.assertClose("grad.weight", bn.weight().grad(), BN_TOLERANCE);
        f.assertClose("grad.bias", bn.bias().grad(), BN_TOLERANCE);
        checkBuffers(f, bn); // unchanged by an eval forward
    }

    @ParameterizedTest
    @CsvSource({"dropout_eval", "leaky_relu", "leaky_relu_0.2", "sigmoid", "tanh", "atan",
            "softmax_2d_dim1", "softmax_3d_dim1", "softmax_3d_dim-1",
            "log_softmax_2d_dim1", "log_softmax_3d_dim1", "log_softmax_3d_dim-1"})
    void activationMatchesPyTorch(String name) {
        ParityFixture f = ParityFixture.load("norm", name);
        Module m = activation(name);
        if (f.meta("mode").equals("eval")) {
            m.eval();
        }
        assertThat(name.equals("atan") || m.toString().equals(f.meta("module")), is(true));
        checkForwardBackward(f, m, TOLERANCE);
    }

    private static Module activation(String name) {
        switch (name) {
            case "dropout_eval": return new Dropout(0.3);
            case "leaky_relu": return new LeakyReLU();
            case "leaky_relu_0.2": return new LeakyReLU(0.2);
            case "sigmoid": return new Sigmoid();
            case "tanh": return new Tanh();
            case "atan": return new ArcTan();
            default:
                int dim = Integer.parseInt(name.substring(name.lastIndexOf("dim") + 3));
                return name.startsWith("log_") ? new LogSoftmax(dim) : new Softmax(dim);
        }
    }

    private static BatchNormBase batchNorm(String kind, int channels) {
        return kind.equals("1d") ? new BatchNorm1d(channels) : new BatchNorm2d(channels);
    }

    private static void checkForwardBackward(ParityFixture f, Module m, double tol) {
        f.assertClose("output", m.forward(f.tensor("input")), tol);
        f.assertClose("grad_input", m.backward(f.tensor("grad_output")), tol);
    }

    private static void checkBuffers(ParityFixture f, BatchNormBase bn) {
        Map<String, Tensor> state = bn.stateDict();
        for (String b : BUFFERS) {
            f.assertClose("buffer." + b, state.get(b), BN_TOLERANCE);
        }
        assertThat(bn.numBatchesTracked(), is((long) f.tensor("buffer.num_batches_tracked").item()));
    }
}
