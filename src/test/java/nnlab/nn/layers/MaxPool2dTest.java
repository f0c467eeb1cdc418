package nnlab.nn.layers;

import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * MaxPool2d on small examples worked out by hand (each test shows the windows), PyTorch's tie and padding rules,
 * its repr and its errors (texts compared with torch 1.13's). Results are exact, so they are compared exactly.
 */
class MaxPool2dTest {

    @Test
    void forwardTakesEachWindowsMaximumAndBackwardRoutesToIt() {
        // 2x2 windows of [[1, 2, 5, 3], [4, 0, 1, 2], [7, 8, 3, 1], [6, 9, 2, 4]]: maxima 4 (at row 1, col 0),
        // 5 (0, 2), 9 (3, 1), 4 (3, 3). dY = [[10, 20], [30, 40]] goes to exactly those four positions.
        Tensor x = Tensor.of(new float[] {1, 2, 5, 3, 4, 0, 1, 2, 7, 8, 3, 1, 6, 9, 2, 4}, 1, 1, 4, 4);
        MaxPool2d pool = new MaxPool2d(2);
        assertArrayEquals(new float[] {4, 5, 9, 4}, pool.forward(x).data());
        Tensor dx = pool.backward(Tensor.of(new float[] {10, 20, 30, 40}, 1, 1, 2, 2));
        assertArrayEquals(new float[] {0, 0, 20, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 30, 0, 40}, dx.data());
    }

    @Test
    void tiesSendTheGradientToTheFirstMaximumInRowMajorOrder() {
        // Window 1 is all 2s: the first (top-left) wins. Window 2 is [[1, 3], [3, 0]]: the 3 in the top row wins.
        // This is PyTorch's CPU rule (a strictly greater value replaces the running maximum).
        Tensor x = Tensor.of(new float[] {2, 2, 1, 3, 2, 2, 3, 0}, 1, 1, 2, 4);
        MaxPool2d pool = new MaxPool2d(2);
        pool.forward(x);
        Tensor dx = pool.backward(Tensor.of(new float[] {1, 1}, 1, 1, 1, 2));
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0, 0, 0}, dx.data());
    }

    @Test
    void overlappingWindowsAccumulateGradient() {
        // kernel 2, stride 1 on [[1, 2, 3], [4, 9, 5], [6, 7, 8]]: all four windows contain the centre 9,
        // so the output is all 9s and dY = ones sends 4 to the centre.
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 9, 5, 6, 7, 8}, 1, 1, 3, 3);
        MaxPool2d pool = new MaxPool2d(2, 1);
        assertArrayEquals(new float[] {9, 9, 9, 9}, pool.forward(x).data());
        assertArrayEquals(new float[] {0, 0, 0, 0, 4, 0, 0, 0, 0}, pool.backward(Tensor.ones(1, 1, 2, 2)).data());
    }

    @Test
    void paddingCountsAsMinusInfinityNotZero() {
        // kernel 3, stride 2, padding 1 on -1..-9 as 3x3: output 2x2 (floor((3 + 2 - 3) / 2) + 1). Window (0, 0)
        // covers rows and columns -1..1, i.e. -1, -2, -4, -5 plus padding: the maximum is -1, not the padding's 0.
        // Window (0, 1) covers columns 1..3: -2, -3, -5, -6 -> -2; (1, 0): -4, -5, -7, -8 -> -4; (1, 1): -5.
        // The gradients go to those four pixels, the top-left 2x2 block.
        Tensor x = Tensor.of(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9}, 1, 1, 3, 3);
        MaxPool2d pool = new MaxPool2d(3, 2, 1);
        assertArrayEquals(new float[] {-1, -2, -4, -5}, pool.forward(x).data());
        assertArrayEquals(new float[] {1, 1, 0, 1, 1, 0, 0, 0, 0}, pool.backward(Tensor.ones(1, 1, 2, 2)).data());
    }

    @Test
    void everyImageAndChannelIsPooledSeparately() {
        // [2, 2, 2, 2] holding 0..15: each 2x2 plane's maximum is its last element, 3, 7, 11, 15.
        MaxPool2d pool = new MaxPool2d(2);
        Tensor y = pool.forward(Tensor.arange(16).reshape(2, 2, 2, 2));
        assertThat(y, hasShape(2, 2, 1, 1));
        assertArrayEquals(new float[] {3, 7, 11, 15}, y.data());
        Tensor dx = pool.backward(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2, 1, 1));
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4}, dx.data());
    }

    @Test
    void nanInAWindowPropagates() {
        // As torch.max_pool2d: a NaN in the window is the window's maximum.
        Tensor x = Tensor.of(new float[] {1, Float.NaN, 3, 4}, 1, 1, 2, 2);
        assertTrue(Float.isNaN(new MaxPool2d(2).forward(x).item()));
    }

    @Test
    void unrolledTwoByTwoPathAgreesWithTheGeneralWindowLoop() {
        // MaxPool2d(2) takes PoolGrid.max2x2; compare it with the general loop on data full of ties (values from a
        // set of 4) and NaNs, odd sizes included (the last row and column are dropped), on values and argmax.
        java.util.SplittableRandom rng = new java.util.SplittableRandom(nnlab.testing.TestSeeds.of(22));
        for (int[] shape : new int[][] {{3, 2, 6, 8}, {2, 3, 7, 5}, {1, 1, 2, 2}}) {
            Tensor x = Tensor.zeros(shape);
            float[] data = x.data();
            for (int i = 0; i < data.length; i++) {
                int pick = rng.nextInt(10);
                data[i] = pick == 0 ? Float.NaN : pick % 4 - 1.5f;
            }
            PoolGrid grid = PoolWindow.of("MaxPool2d(2)", 2, 2, 0).grid("MaxPool2d(2)", x);
            int outputs = Tensor.zeros(grid.outputShape()).numel();
            float[] fast = new float[outputs];
            int[] fastAt = new int[outputs];
            grid.max2x2(data, fast, fastAt);
            float[] general = new float[outputs];
            int[] generalAt = new int[outputs];
            grid.max(data, general, generalAt);
            assertArrayEquals(generalAt, fastAt, "argmax of " + java.util.Arrays.toString(shape));
            for (int o = 0; o < outputs; o++) {
                assertThat("output " + o, Float.floatToRawIntBits(fast[o]), is(Float.floatToRawIntBits(general[o])));
            }
        }
    }

    @Test
    void twoNansInAWindowRouteTheGradientToTheLastOneAsPyTorchDoes() {
        // torch: if ((val > maxval) || isnan(val)) takes every NaN, so the last NaN of the window is its argmax.
        Tensor x = Tensor.of(new float[] {Float.NaN, 1, Float.NaN, 4}, 1, 1, 2, 2);
        MaxPool2d pool = new MaxPool2d(2);
        pool.forward(x);
        assertArrayEquals(new float[] {0, 0, 1, 0}, pool.backward(Tensor.of(new float[] {1}, 1, 1, 1, 1)).data());
    }

    @Test
    void outputShapeFloorsAndStrideDefaultsToTheKernel() {
        // floor((7 + 0 - 2) / 2) + 1 = 3 rows; floor((5 - 2) / 2) + 1 = 2 columns; PyTorch: ceil_mode=False.
        assertThat(new MaxPool2d(2).forward(Tensor.zeros(2, 3, 7, 5)), hasShape(2, 3, 3, 2));
        // floor((13 + 2 - 3) / 2) + 1 = 7, as torch.nn.MaxPool2d(3, 2, 1) on 13x13.
        assertThat(new MaxPool2d(3, 2, 1).forward(Tensor.zeros(1, 1, 13, 13)), hasShape(1, 1, 7, 7));
    }

    @Test
    void reprMatchesPyTorch() {
        // print(nn.MaxPool2d(3, 2, 1)) in torch 1.13.
        assertThat(new MaxPool2d(3, 2, 1).toString(),
                is("MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False)"));
    }

    @Test
    void errorsNameTheLayerAndTheFix() {
        // PyTorch: "pad should be at most half of kernel size, but got pad=2 and kernel_size=3".
        assertThat(assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(3, 1, 2)).getMessage(),
                allOf(containsString("MaxPool2d(kernel_size=3, stride=1, padding=2)"),
                        containsString("padding must be between 0 and half the kernel size (1), got 2")));
        // PyTorch: "Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small".
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new MaxPool2d(3).forward(Tensor.zeros(1, 1, 2, 2))).getMessage(),
                allOf(containsString("gives output size 0x0, which is too small"), containsString("larger input")));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new MaxPool2d(2).forward(Tensor.zeros(3, 4, 4))).getMessage(),
                allOf(containsString("expects input [N, C, H, W], got [3, 4, 4]"),
                        containsString("add a batch dimension")));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(0)).getMessage(),
                containsString("kernel_size must be >= 1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(2, 0)).getMessage(),
                containsString("stride must be >= 1"));
    }
}
