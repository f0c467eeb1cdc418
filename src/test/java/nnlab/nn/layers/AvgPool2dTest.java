package nnlab.nn.layers;

import static nnlab.tensor.TensorMatchers.closeTo;
import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import nnlab.testing.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * AvgPool2d on small examples worked out by hand (each test shows the windows), PyTorch's
 * {@code count_include_pad=True} divisor, its repr and its errors. Results that are exact in float32 are compared
 * exactly; ninths within a few ulp ({@link Tolerances#ELEMENTWISE_RELATIVE}).
 */
class AvgPool2dTest {

    private static final double ULPS = Tolerances.ELEMENTWISE_RELATIVE;

    @Test
    void forwardAveragesEachWindowAndBackwardSharesTheGradient() {
        // 2x2 windows of 0..15 as 4x4: (0+1+4+5)/4 = 2.5, (2+3+6+7)/4 = 4.5, (8+9+12+13)/4 = 10.5, 12.5.
        // dY = [[4, 8], [12, 16]]: every pixel of a window gets dY/4, i.e. 1, 2, 3 or 4.
        AvgPool2d pool = new AvgPool2d(2);
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f},
                pool.forward(Tensor.arange(16).reshape(1, 1, 4, 4)).data());
        Tensor dx = pool.backward(Tensor.of(new float[] {4, 8, 12, 16}, 1, 1, 2, 2));
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, dx.data());
    }

    @Test
    void paddingCountsInTheDivisor() {
        // kernel 3, stride 2, padding 1 on a 3x3 image of ones: each of the 2x2 windows holds 4 ones and 5 padding
        // zeros, so 4/9 (count_include_pad=True; torch gives 0.4444 too). Backward with dY = ones: each pixel gets
        // (number of windows covering it)/9: corners 1/9, edges 2/9, centre 4/9.
        AvgPool2d pool = new AvgPool2d(3, 2, 1);
        assertThat(pool.forward(Tensor.ones(1, 1, 3, 3)), closeTo(Tensor.full(4f / 9, 1, 1, 2, 2), ULPS, 0));
        Tensor expected = Tensor.of(new float[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, 1, 1, 3, 3).div(9f);
        assertThat(pool.backward(Tensor.ones(1, 1, 2, 2)), closeTo(expected, ULPS, 0));
    }

    @Test
    void overlappingWindowsAccumulateGradient() {
        // kernel 2, stride 1 on 1..9 as 3x3: (1+2+4+5)/4 = 3, (2+3+5+6)/4 = 4, (4+5+7+8)/4 = 6, 7.
        // dY = ones: each pixel gets (windows covering it)/4.
        AvgPool2d pool = new AvgPool2d(2, 1);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        assertArrayEquals(new float[] {3, 4, 6, 7}, pool.forward(x).data());
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.25f, 0.5f, 1, 0.5f, 0.25f, 0.5f, 0.25f},
                pool.backward(Tensor.ones(1, 1, 2, 2)).data());
    }

    @Test
    void everyImageAndChannelIsPooledSeparately() {
        // [2, 2, 2, 2] holding 0..15: plane means 1.5, 5.5, 9.5, 13.5.
        Tensor y = new AvgPool2d(2).forward(Tensor.arange(16).reshape(2, 2, 2, 2));
        assertThat(y, hasShape(2, 2, 1, 1));
        assertArrayEquals(new float[] {1.5f, 5.5f, 9.5f, 13.5f}, y.data());
    }

    @Test
    void reprMatchesPyTorch() {
        // print(nn.AvgPool2d(2)) in torch 1.13.
        assertThat(new AvgPool2d(2).toString(), is("AvgPool2d(kernel_size=2, stride=2, padding=0)"));
    }

    @Test
    void errorsNameTheLayerAndTheFix() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new AvgPool2d(2, 2, 2)).getMessage(),
                allOf(containsString("AvgPool2d(kernel_size=2, stride=2, padding=2)"),
                        containsString("half the kernel size (1), got 2")));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new AvgPool2d(4).forward(Tensor.zeros(1, 1, 3, 8))).getMessage(),
                allOf(containsString("[1, 1, 3, 8]"), containsString("output size 0x2, which is too small")));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new AvgPool2d(2).forward(Tensor.zeros(4, 16))).getMessage(),
                containsString("expects input [N, C, H, W], got [4, 16]"));
    }
}
