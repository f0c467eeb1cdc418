package nnlab.nn.layers;

import static nnlab.tensor.TensorMatchers.closeTo;
import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import nnlab.testing.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * AdaptiveAvgPool2d: PyTorch's bins {@code [floor(i*H/out), ceil((i+1)*H/out))} worked out by hand, overlapping
 * and repeating bins, global pooling, repr and errors.
 */
class AdaptiveAvgPool2dTest {

    private static final double ULPS = Tolerances.ELEMENTWISE_RELATIVE;

    @Test
    void alexNetBinsOnThirteenByThirteenOverlapByOne() {
        // out = 6 over 13: starts floor(i*13/6) = 0, 2, 4, 6, 8, 10; ends ceil((i+1)*13/6) = 3, 5, 7, 9, 11, 13.
        int[] starts = new int[6];
        int[] ends = new int[6];
        for (int i = 0; i < 6; i++) {
            starts[i] = AdaptiveAvgPool2d.binStart(i, 13, 6);
            ends[i] = AdaptiveAvgPool2d.binEnd(i, 13, 6);
        }
        assertArrayEquals(new int[] {0, 2, 4, 6, 8, 10}, starts);
        assertArrayEquals(new int[] {3, 5, 7, 9, 11, 13}, ends);
        assertThat(new AdaptiveAvgPool2d(6, 6).forward(Tensor.zeros(2, 3, 13, 13)), hasShape(2, 3, 6, 6));
    }

    @Test
    void unevenBinsAverageTheirOwnRowsAndColumns() {
        // 5x7 image x[r][c] = 7r + c to (2, 3). Row bins: [0, 3) and [2, 5) (share row 2); column bins [0, 3),
        // [2, 5), [4, 7). A bin's mean is 7 * (mean row) + (mean column): rows mean 1 or 3, columns 1, 3 or 5,
        // so [[8, 10, 12], [22, 24, 26]].
        AdaptiveAvgPool2d pool = new AdaptiveAvgPool2d(2, 3);
        Tensor y = pool.forward(Tensor.arange(35).reshape(1, 1, 5, 7));
        assertThat(y, closeTo(Tensor.of(new float[] {8, 10, 12, 22, 24, 26}, 1, 1, 2, 3), ULPS, 0));
        // dY = ones: each pixel gets (bins covering it)/9, every bin being 3x3. Pixel (0, 0): 1 bin; (2, 2): both
        // row bins x column bins 0 and 1 = 4 bins; (4, 6): 1 bin; (2, 3): 2 bins.
        Tensor dx = pool.backward(Tensor.ones(1, 1, 2, 3));
        assertThat(dx.get(0, 0, 0, 0) * 9, is(1f));
        assertThat(dx.get(0, 0, 2, 2) * 9, is(4f));
        assertThat(dx.get(0, 0, 4, 6) * 9, is(1f));
        assertThat(dx.get(0, 0, 2, 3) * 9, is(2f));
    }

    @Test
    void outputLargerThanInputRepeatsInputs() {
        // out = 4 over 2: bins [0, 1), [0, 1), [1, 2), [1, 2): nearest-neighbour upsampling by 2.
        Tensor y = new AdaptiveAvgPool2d(4).forward(Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2));
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, y.data());
    }

    @Test
    void outputOfOneIsTheGlobalAverage() {
        // Planes 0..3, 4..7, 8..11 of a [1, 3, 2, 2] tensor: means 1.5, 5.5, 9.5; backward spreads dY/4.
        AdaptiveAvgPool2d pool = new AdaptiveAvgPool2d(1);
        Tensor y = pool.forward(Tensor.arange(12).reshape(1, 3, 2, 2));
        assertArrayEquals(new float[] {1.5f, 5.5f, 9.5f}, y.data());
        Tensor dx = pool.backward(Tensor.of(new float[] {4, 8, 12}, 1, 3, 1, 1));
        assertArrayEquals(new float[] {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}, dx.data());
    }

    @Test
    void reprMatchesPyTorch() {
        // print(nn.AdaptiveAvgPool2d((6, 6))) and print(nn.AdaptiveAvgPool2d(1)) in torch 1.13.
        assertThat(new AdaptiveAvgPool2d(6, 6).toString(), is("AdaptiveAvgPool2d(output_size=(6, 6))"));
        assertThat(new AdaptiveAvgPool2d(1).toString(), is("AdaptiveAvgPool2d(output_size=1)"));
    }

    @Test
    void errorsNameTheLayerAndTheFix() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new AdaptiveAvgPool2d(0, 3)).getMessage(),
                containsString("output sizes must be >= 1"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new AdaptiveAvgPool2d(6).forward(Tensor.zeros(256, 13, 13))).getMessage(),
                containsString("AdaptiveAvgPool2d(output_size=6) expects input [N, C, H, W], got [256, 13, 13]"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new AdaptiveAvgPool2d(6).forward(Tensor.zeros(1, 1, 0, 4))).getMessage(),
                containsString("needs a non-empty image"));
    }
}
