package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.testing.ParityFixture;
import nnlab.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Linear, ReLU and Flatten against PyTorch 1.13 (fixtures from {@code parity/generate_linear.py}): outputs, input
 * gradients and parameter gradients within {@code 1e-5 * max(1, |expected|)}.
 */
class LinearParityTest {

    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @CsvSource({"linear, 7, 5, true", "linear_no_bias, 3, 4, false", "linear_wide, 129, 33, true"})
    void linearMatchesPyTorch(String name, int in, int out, boolean bias) {
        ParityFixture f = ParityFixture.load("layers", name);
        Linear linear = new Linear(in, out, bias, Tensor.rng(0));
        linear.weight().value().copyFrom(f.tensor("param.weight"));
        if (bias) {
            linear.bias().value().copyFrom(f.tensor("param.bias"));
        }
        check(f, linear);
        f.assertClose("grad.weight", linear.weight().grad(), TOLERANCE);
        if (bias) {
            f.assertClose("grad.bias", linear.bias().grad(), TOLERANCE);
        }
    }

    @ParameterizedTest
    @CsvSource({"relu", "flatten"})
    void parameterFreeLayersMatchPyTorch(String name) {
        ParityFixture f = ParityFixture.load("layers", name);
        check(f, name.equals("relu") ? new ReLU() : new Flatten());
    }

    private static void check(ParityFixture f, Module module) {
        f.assertClose("output", module.forward(f.tensor("input")), TOLERANCE);
        f.assertClose("grad_input", module.backward(f.tensor("grad_output")), TOLERANCE);
    }
}
