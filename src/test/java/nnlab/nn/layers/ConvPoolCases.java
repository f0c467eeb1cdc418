package nnlab.nn.layers;

import java.util.Arrays;
import nnlab.nn.GradCheck;
import nnlab.nn.Module;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Random gradient-check cases for the convolution and pooling layers: each seed draws a layer configuration, an
 * input shape and the input values, so a loop over {@code GradCheckSeeds} covers many shapes. Used by the
 * gradient-check tests and by {@link ConvPoolGradCheckSweep}.
 */
public final class ConvPoolCases {

    /**
     * Relative tolerance for Conv2d's gradient check. Conv2d is bilinear, so the 4th-order difference has no
     * truncation error; what remains is float32 rounding in the forward (about {@code u * |y|} per output touched,
     * divided by the step {@code h = 2^-8}). Over 1000 seeds the largest error measured was 1.5e-3 on the random
     * configurations and 2.1e-3 on the named ones ({@link ConvPoolGradCheckSweep}); 2e-2, as GradCheck's javadoc
     * suggests for layers that sum many float32 terms, leaves a 10x margin, while a real bug gives 0.3 to 1.
     */
    public static final double CONV_TOLERANCE = 2e-2;
    /**
     * Relative tolerance for the pools. They are linear (AvgPool, AdaptiveAvgPool) or piecewise linear on
     * kink-free inputs (MaxPool), and each output sums at most a few dozen terms, so the rounding noise is
     * smaller than for Conv2d; GradCheck's default 1e-2. Largest errors measured over 1000 seeds: MaxPool2d 1.8e-6,
     * AvgPool2d 3.6e-4, AdaptiveAvgPool2d 4.5e-4.
     */
    public static final double POOL_TOLERANCE = GradCheck.DEFAULT_TOLERANCE;

    /** A module, the input to check it at, and a line describing both for failure messages. */
    record Case(Module module, Tensor input, String description) {
    }

    private ConvPoolCases() {
    }

    /**
     * Conv2d with batch 1..3, 1..3 input and output channels, kernel 1..3 in each direction (often non-square),
     * stride 1..3, padding 0..2, dilation 1..2 (each per direction), bias or not, on an input just large enough or
     * up to 4 pixels larger than the dilated kernel needs; input values U(-1, 1).
     */
    static Case conv(long seed) {
        RandomGenerator rng = Tensor.rng(seed);
        int n = 1 + rng.nextInt(3);
        int c = 1 + rng.nextInt(3);
        int o = 1 + rng.nextInt(3);
        int kH = 1 + rng.nextInt(3);
        int kW = 1 + rng.nextInt(3);
        int sH = 1 + rng.nextInt(3);
        int sW = 1 + rng.nextInt(3);
        int pH = rng.nextInt(3);
        int pW = rng.nextInt(3);
        int dH = 1 + rng.nextInt(2);
        int dW = 1 + rng.nextInt(2);
        int h = fitting(dH * (kH - 1) + 1, pH, rng);
        int w = fitting(dW * (kW - 1) + 1, pW, rng);
        Conv2d conv = Conv2d.builder(c, o, kH, kW).stride(sH, sW).padding(pH, pW).dilation(dH, dW)
                .bias(rng.nextBoolean()).rng(rng).build();
        return describe(conv, Tensor.uniform(rng, -1f, 1f, n, c, h, w), seed);
    }

    /** MaxPool2d with kernel 1..3, stride 1..3, padding 0..kernel/2 on a kink-free input (distinct values). */
    static Case maxPool(long seed) {
        RandomGenerator rng = Tensor.rng(seed);
        int k = 1 + rng.nextInt(3);
        int s = 1 + rng.nextInt(3);
        int p = rng.nextInt(k / 2 + 1);
        int[] shape = {1 + rng.nextInt(3), 1 + rng.nextInt(3), fitting(k, p, rng), fitting(k, p, rng)};
        return describe(new MaxPool2d(k, s, p), GradCheck.kinkFreeInput(rng, shape), seed);
    }

    /** AvgPool2d with kernel 1..3, stride 1..3, padding 0..kernel/2; input values U(-1, 1). */
    static Case avgPool(long seed) {
        RandomGenerator rng = Tensor.rng(seed);
        int k = 1 + rng.nextInt(3);
        int s = 1 + rng.nextInt(3);
        int p = rng.nextInt(k / 2 + 1);
        int[] shape = {1 + rng.nextInt(3), 1 + rng.nextInt(3), fitting(k, p, rng), fitting(k, p, rng)};
        return describe(new AvgPool2d(k, s, p), Tensor.uniform(rng, -1f, 1f, shape), seed);
    }

    /** AdaptiveAvgPool2d to 1..7 x 1..7 from 1..9 x 1..9 (so bins overlap, or repeat inputs); values U(-1, 1). */
    static Case adaptiveAvgPool(long seed) {
        RandomGenerator rng = Tensor.rng(seed);
        AdaptiveAvgPool2d pool = new AdaptiveAvgPool2d(1 + rng.nextInt(7), 1 + rng.nextInt(7));
        int[] shape = {1 + rng.nextInt(3), 1 + rng.nextInt(3), 1 + rng.nextInt(9), 1 + rng.nextInt(9)};
        return describe(pool, Tensor.uniform(rng, -1f, 1f, shape), seed);
    }

    /** An input size whose padded size fits a window of {@code extent}: the smallest such, plus 0..4. */
    private static int fitting(int extent, int padding, RandomGenerator rng) {
        return Math.max(1, extent - 2 * padding) + rng.nextInt(5);
    }

    private static Case describe(Module module, Tensor x, long seed) {
        return new Case(module, x, module + " on input " + Arrays.toString(x.shape()) + " (seed " + seed + ")");
    }
}
