package nnlab.nn.layers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nnlab.nn.Module;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import nnlab.testing.ParityFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conv2d and the pools against PyTorch 1.13: fixtures from {@code src/test/resources/parity/generate_conv.py}
 * (input, parameters, a random upstream gradient, and PyTorch's output and gradients). The layer gets PyTorch's
 * parameters, then forward and backward must match within the acceptance bound
 * {@code |nnlab - torch| <= tol * max(1, |torch|)} ({@link ParityFixture#assertClose}): {@value #CONV_TOLERANCE} for Conv2d
 * (float32 sums of up to 27 products forward and up to 120 for the weight gradient, in another order than
 * PyTorch's), {@value #POOL_TOLERANCE} for the pools (sums of at most 9 terms, or exact for max). Largest errors
 * measured on these fixtures: Conv2d 2.4e-7 forward and 2.9e-6 backward, pools 6e-8 (most of them exact). The
 * fixture's {@code module} text must be the constructor this test uses, so a regenerated fixture cannot silently
 * test something else.
 */
class ConvParityTest {

    static final double CONV_TOLERANCE = 1e-4;
    static final double POOL_TOLERANCE = 1e-5;

    static Stream<Arguments> cases() {
        return Stream.of(
                conv("conv2d_basic", "Conv2d(3, 4, 3)", () -> Conv2d.builder(3, 4, 3)),
                conv("conv2d_stride2_pad1", "Conv2d(3, 4, 3, stride=2, padding=1)",
                        () -> Conv2d.builder(3, 4, 3).stride(2).padding(1)),
                conv("conv2d_dilation2", "Conv2d(2, 3, 3, dilation=2)", () -> Conv2d.builder(2, 3, 3).dilation(2)),
                conv("conv2d_no_bias", "Conv2d(3, 5, 3, padding=1, bias=False)",
                        () -> Conv2d.builder(3, 5, 3).padding(1).bias(false)),
                conv("conv2d_nonsquare", "Conv2d(2, 3, (2, 4), stride=(2, 1), padding=(1, 2))",
                        () -> Conv2d.builder(2, 3, 2, 4).stride(2, 1).padding(1, 2)),
                conv("conv2d_1x1", "Conv2d(4, 2, 1)", () -> Conv2d.builder(4, 2, 1)),
                pool("maxpool2d_2", "MaxPool2d(2)", () -> new MaxPool2d(2)),
                pool("maxpool2d_3_s2_p1", "MaxPool2d(3, stride=2, padding=1)", () -> new MaxPool2d(3, 2, 1)),
                pool("avgpool2d_2", "AvgPool2d(2)", () -> new AvgPool2d(2)),
                pool("avgpool2d_3_s2_p1", "AvgPool2d(3, stride=2, padding=1)", () -> new AvgPool2d(3, 2, 1)),
                pool("adaptiveavgpool2d_6x6_from_13x13", "AdaptiveAvgPool2d((6, 6))", () -> new AdaptiveAvgPool2d(6, 6)),
                pool("adaptiveavgpool2d_6x6_from_5x7", "AdaptiveAvgPool2d((6, 6))", () -> new AdaptiveAvgPool2d(6, 6)),
                pool("adaptiveavgpool2d_1x1", "AdaptiveAvgPool2d((1, 1))", () -> new AdaptiveAvgPool2d(1, 1)));
    }

    private static Arguments conv(String fixture, String torchText, Supplier<Conv2dBuilder> builder) {
        Supplier<Module> module = () -> builder.get().rng(Tensor.rng(0)).build();
        return Arguments.of(fixture, torchText, module, CONV_TOLERANCE);
    }

    private static Arguments pool(String fixture, String torchText, Supplier<Module> module) {
        return Arguments.of(fixture, torchText, module, POOL_TOLERANCE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void forwardAndBackwardMatchPyTorch(String fixture, String torchText, Supplier<Module> factory, double tol) {
        ParityFixture f = ParityFixture.load("conv", fixture);
        assertThat("fixture " + fixture + " was made by", f.meta("module"), is(torchText));
        Module module = factory.get();
        for (Map.Entry<String, Parameter> p : module.namedParameters().entrySet()) {
            p.getValue().value().copyFrom(f.tensor("param." + p.getKey()));
        }
        assertThat("a fixture parameter the layer lacks", f.has("param.bias"), is(module.namedParameters().containsKey("bias")));

        f.assertClose("output", module.forward(f.tensor("input")), tol);
        f.assertClose("grad_input", module.backward(f.tensor("grad_output")), tol);
        for (Map.Entry<String, Parameter> p : module.namedParameters().entrySet()) {
            f.assertClose("grad." + p.getKey(), p.getValue().grad(), tol);
        }
    }

    @Test
    void everyFixtureIsTested() throws IOException, URISyntaxException {
        Set<String> tested = new TreeSet<>();
        cases().forEach(a -> tested.add(a.get()[0] + ".safetensors"));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(ConvParityTest.class.getResource("/parity/conv").toURI()))) {
            files.forEach(file -> present.add(file.getFileName().toString()));
        }
        assertThat(present, is(tested));
    }
}
