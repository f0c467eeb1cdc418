package nnlab.nn.layers;

import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import nnlab.tensor.Generators;
import nnlab.tensor.Init;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Conv2d on small examples computed by hand (each test states the arithmetic), its PyTorch defaults (repr,
 * parameter count and initialisation, checked against torch 1.13), frozen parameters, accumulation and errors.
 * Integer-valued inputs and weights make the float32 results exact, so they are compared exactly.
 */
class Conv2dTest {

    /** The 3x3 image 1..9 row by row, as [1, 1, 3, 3]. */
    private static Tensor oneToNine() {
        return Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
    }

    private static Conv2d withParameters(Conv2dBuilder b, float[] weight, float... bias) {
        Conv2d conv = b.rng(Tensor.rng(0)).build();
        conv.weight().value().copyFrom(Tensor.of(weight, conv.weight().shape()));
        if (conv.bias() != null) {
            conv.bias().value().copyFrom(Tensor.vector(bias));
        }
        return conv;
    }

    @Test
    void forwardSlidesTheKernelWithoutFlippingIt() {
        // Kernel [[1, 2], [3, 4]], bias 0.5 over 1..9: top-left 1*1 + 2*2 + 4*3 + 5*4 = 37, top-right
        // 2 + 6 + 15 + 24 = 47, bottom-left 4 + 10 + 21 + 32 = 67, bottom-right 5 + 12 + 24 + 36 = 77; plus 0.5.
        Conv2d conv = withParameters(Conv2d.builder(1, 1, 2), new float[] {1, 2, 3, 4}, 0.5f);
        Tensor y = conv.forward(oneToNine());
        assertThat(y, hasShape(1, 1, 2, 2));
        assertArrayEquals(new float[] {37.5f, 47.5f, 67.5f, 77.5f}, y.data());
    }

    @Test
    void backwardGivesHandComputedGradients() {
        // Same layer, dY = ones. dW[i][j] sums the input under tap (i, j) over the four positions:
        // dW = [[1+2+4+5, 2+3+5+6], [4+5+7+8, 5+6+8+9]] = [[12, 16], [24, 28]]; db = 4 outputs * 1 = 4.
        // dx[p] sums the kernel taps that touched p: corners get one tap each (1, 2, 3, 4), edges two
        // (1+2, 1+3, 2+4, 3+4), the centre all four (10).
        Conv2d conv = withParameters(Conv2d.builder(1, 1, 2), new float[] {1, 2, 3, 4}, 0.5f);
        conv.forward(oneToNine());
        Tensor dx = conv.backward(Tensor.ones(1, 1, 2, 2));
        assertArrayEquals(new float[] {12, 16, 24, 28}, conv.weight().grad().data());
        assertArrayEquals(new float[] {4}, conv.bias().grad().data());
        assertArrayEquals(new float[] {1, 3, 2, 4, 10, 6, 3, 7, 4}, dx.data());
    }

    @Test
    void strideTwoWithPaddingOneSumsTheWindowsClippedToTheImage() {
        // 3x3 kernel of ones, stride 2, padding 1 over 1..9: output 2x2; window (0, 0) covers rows/cols -1..1, i.e.
        // the image's top-left 2x2 block 1+2+4+5 = 12; likewise 2+3+5+6 = 16, 4+5+7+8 = 24, 5+6+8+9 = 28.
        // Backward with dY = ones counts the windows covering each pixel: centre 4, edges 2, corners 1.
        Conv2d conv = withParameters(Conv2d.builder(1, 1, 3).stride(2).padding(1).bias(false), ones(9));
        Tensor y = conv.forward(oneToNine());
        assertArrayEquals(new float[] {12, 16, 24, 28}, y.data());
        Tensor dx = conv.backward(Tensor.ones(1, 1, 2, 2));
        assertArrayEquals(new float[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, dx.data());
    }

    @Test
    void dilationTwoSpreadsTheTapsTwoPixelsApart() {
        // 2x2 kernel of ones, dilation 2 (taps at offsets 0 and 2) over the 5x5 image x[r][c] = 5r + c: output 3x3,
        // y[i][j] = x[i][j] + x[i][j+2] + x[i+2][j] + x[i+2][j+2] = 4(5i + j) + (0 + 2 + 10 + 12) = 24 + 20i + 4j.
        Conv2d conv = withParameters(Conv2d.builder(1, 1, 2).dilation(2).bias(false), ones(4));
        Tensor y = conv.forward(Tensor.arange(25).reshape(1, 1, 5, 5));
        assertArrayEquals(new float[] {24, 28, 32, 44, 48, 52, 64, 68, 72}, y.data());
    }

    @Test
    void weightIsIndexedOutputChannelFirst() {
        // 1x1 kernel = channel mixing, y[o] = sum_c W[o][c] x[c]. Channel 0 holds 1s, channel 1 holds 2s;
        // W = [[1, 10], [100, 1000]] gives y[0] = 1 + 20 = 21 and y[1] = 100 + 2000 = 2100 at every pixel
        // (a weight read as [C, O] would give 201 and 1010).
        Conv2d conv = withParameters(Conv2d.builder(2, 2, 1).bias(false), new float[] {1, 10, 100, 1000});
        Tensor x = Tensor.of(new float[] {1, 1, 1, 1, 2, 2, 2, 2}, 1, 2, 2, 2);
        assertArrayEquals(new float[] {21, 21, 21, 21, 2100, 2100, 2100, 2100}, conv.forward(x).data());
    }

    @Test
    void nonSquareKernelSumsRowsOfThree() {
        // A 1x3 kernel of ones over [[1, 2, 3, 4], [5, 6, 7, 8]]: each row gives 1+2+3, 2+3+4 and 5+6+7, 6+7+8.
        Conv2d conv = withParameters(Conv2d.builder(1, 1, 1, 3).bias(false), ones(3));
        Tensor y = conv.forward(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 1, 2, 4));
        assertThat(y, hasShape(1, 1, 2, 2));
        assertArrayEquals(new float[] {6, 9, 18, 21}, y.data());
    }

    @Test
    void outputShapeFollowsThePyTorchFormula() {
        // H_out = floor((11 + 2*1 - 2*(3-1) - 1) / 2) + 1 = 5, W_out = floor((13 + 2*2 - 1*(5-1) - 1) / 3) + 1 = 5.
        Conv2d conv = Conv2d.builder(3, 8, 3, 5).stride(2, 3).padding(1, 2).dilation(2, 1).rng(Tensor.rng(1)).build();
        assertThat(conv.forward(Tensor.zeros(2, 3, 11, 13)), hasShape(2, 8, 5, 5));
        assertThat(conv.forward(Tensor.zeros(0, 3, 11, 13)), hasShape(0, 8, 5, 5));
    }

    @Test
    void gradientsAccumulateOverBackwardCalls() {
        Conv2d conv = withParameters(Conv2d.builder(1, 1, 2), new float[] {1, 2, 3, 4}, 0.5f);
        for (int i = 0; i < 2; i++) {
            conv.forward(oneToNine());
            conv.backward(Tensor.ones(1, 1, 2, 2));
        }
        // Twice the single-backward gradients of backwardGivesHandComputedGradients.
        assertArrayEquals(new float[] {24, 32, 48, 56}, conv.weight().grad().data());
        assertArrayEquals(new float[] {8}, conv.bias().grad().data());
    }

    @Test
    void frozenWeightGetsNoGradientWhileTheBiasStillDoes() {
        Conv2d conv = withParameters(Conv2d.builder(1, 1, 2), new float[] {1, 2, 3, 4}, 0.5f);
        conv.weight().setRequiresGrad(false);
        conv.forward(oneToNine());
        Tensor dx = conv.backward(Tensor.ones(1, 1, 2, 2));
        assertThat(conv.weight().grad(), is(nullValue()));
        assertArrayEquals(new float[] {4}, conv.bias().grad().data());
        assertArrayEquals(new float[] {1, 3, 2, 4, 10, 6, 3, 7, 4}, dx.data());
    }

    @Test
    void frozenBiasGetsNoGradient() {
        Conv2d conv = withParameters(Conv2d.builder(1, 1, 2), new float[] {1, 2, 3, 4}, 0.5f);
        conv.bias().setRequiresGrad(false);
        conv.forward(oneToNine());
        conv.backward(Tensor.ones(1, 1, 2, 2));
        assertThat(conv.bias().grad(), is(nullValue()));
        assertArrayEquals(new float[] {12, 16, 24, 28}, conv.weight().grad().data());
    }

    @Test
    void initialisationIsPyTorchsDefault() {
        // reset_parameters of torch.nn.Conv2d: kaiming_uniform_(weight, a=sqrt(5)), then bias ~ U(-b, b) with
        // b = 1/sqrt(fanIn), fanIn = C_in*kH*kW = 2*3*3 = 18; drawn in that order from the given generator.
        Conv2d conv = Conv2d.builder(2, 4, 3).rng(Tensor.rng(7)).build();
        var rng = Tensor.rng(7);
        Tensor w = Init.kaimingUniform(Tensor.zeros(4, 2, 3, 3), Math.sqrt(5), rng);
        Tensor b = Init.uniform(Tensor.zeros(4), -1 / Math.sqrt(18), 1 / Math.sqrt(18), rng);
        assertThat(conv.weight().value(), equalTo(w));
        assertThat(conv.bias().value(), equalTo(b));
        assertThat((double) conv.weight().value().abs().max(), is(lessThanOrEqualTo(1 / Math.sqrt(18))));
    }

    @Test
    void constructorWithoutGeneratorDrawsFromTheDefaultGenerator() {
        Generators.manualSeed(123);
        Conv2d implicit = new Conv2d(2, 3, 3);
        Conv2d explicit = Conv2d.builder(2, 3, 3).rng(Tensor.rng(123)).build(); // Generators seeds Well19937c too
        assertThat(implicit.weight().value(), equalTo(explicit.weight().value()));
        assertThat(implicit.bias().value(), equalTo(explicit.bias().value()));
    }

    @Test
    void reprAndParameterCountMatchPyTorch() {
        // Printed by torch 1.13: print(nn.Conv2d(3, 16, 3)), print(nn.Conv2d(3, 16, (3, 5), stride=(2, 1),
        // padding=(1, 2), dilation=2, bias=False)); 16*3*3*3 + 16 = 448 parameters.
        Conv2d plain = new Conv2d(3, 16, 3);
        assertThat(plain.toString(), is("Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1))"));
        assertThat(plain.numParameters(), is(448L));
        assertThat(Conv2d.builder(3, 16, 3, 5).stride(2, 1).padding(1, 2).dilation(2).bias(false).build().toString(),
                is("Conv2d(3, 16, kernel_size=(3, 5), stride=(2, 1), padding=(1, 2), dilation=(2, 2), bias=False)"));
        assertThat(plain.namedParameters().keySet().toString(), is("[weight, bias]"));
    }

    @Test
    void wrongChannelCountNamesTheLayerAndTheFix() {
        Conv2d conv = new Conv2d(3, 16, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> conv.forward(Tensor.zeros(2, 1, 28, 28)));
        assertThat(e.getMessage(), allOf(
                containsString("Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1)) expects input [N, 3, H, W], got [2, 1, 28, 28]"),
                containsString("build Conv2d(1, 16, ...)")));
    }

    @Test
    void missingBatchDimensionIsExplained() {
        Conv2d conv = new Conv2d(3, 16, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> conv.forward(Tensor.zeros(3, 28, 28)));
        assertThat(e.getMessage(), allOf(containsString("got [3, 28, 28]"), containsString("add a batch dimension")));
        var flat = assertThrows(IllegalArgumentException.class, () -> conv.forward(Tensor.zeros(2, 784)));
        assertThat(flat.getMessage(), containsString("got [2, 784]"));
    }

    @Test
    void kernelLargerThanThePaddedInputNamesTheLayer() {
        Conv2d conv = new Conv2d(1, 1, 5);
        var e = assertThrows(IllegalArgumentException.class, () -> conv.forward(Tensor.zeros(1, 1, 3, 3)));
        assertThat(e.getMessage(), allOf(containsString("Conv2d(1, 1, kernel_size=(5, 5)"),
                containsString("[1, 1, 3, 3]"), containsString("does not fit the padded input 3x3"),
                containsString("more padding")));
    }

    @Test
    void invalidSizesAreRejectedAtConstruction() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(1, 1, 3).stride(0).build())
                .getMessage(), containsString("stride must be >= 1, got (0, 0)"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(1, 1, 3).padding(-1, 0).build())
                .getMessage(), containsString("padding must be >= 0, got (-1, 0)"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Conv2d(0, 4, 3)).getMessage(),
                containsString("in_channels must be >= 1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(1, 1, 3).dilation(0).build())
                .getMessage(), containsString("dilation must be >= 1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(1, 1, 0, 3).build())
                .getMessage(), containsString("kernel_size must be >= 1"));
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 1f);
        return a;
    }
}
