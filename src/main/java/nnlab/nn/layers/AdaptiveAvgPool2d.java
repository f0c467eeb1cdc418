package nnlab.nn.layers;

import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * 2-D average pooling to a fixed output size, whatever the input size, as {@code torch.nn.AdaptiveAvgPool2d}:
 * output row {@code i} of {@code H_out} averages the input rows
 * <pre>
 *   start(i) = floor(i * H / H_out)   to   end(i) = ceil((i + 1) * H / H_out)   (exclusive)
 * </pre>
 * and likewise for columns, so
 * {@code out[n][c][i][j] = mean of in[n][c][start(i) .. end(i)-1][start(j) .. end(j)-1]}.
 * Bins may differ in size and may overlap when {@code H} is not a multiple of {@code H_out} (AlexNet's
 * {@code (6, 6)} on a {@code 13 x 13} map uses bins of 3 rows that share their edge rows); when the output is
 * larger than the input, input elements are repeated. {@code (1, 1)} is global average pooling.
 *
 * <p>Shapes: input {@code [N, C, H, W]}, output {@code [N, C, H_out, W_out]}. No parameters.
 *
 * <p>Backward: every input element of a bin receives the bin's gradient divided by the bin's size;
 * overlapping bins add up. Same in train and eval mode.
 */
public class AdaptiveAvgPool2d extends Module {

    private final int outH;
    private final int outW;
    private final boolean square;

    /** Cache for backward: the bins of the last input. */
    private PoolGrid grid;

    /** {@code AdaptiveAvgPool2d(size)}: output {@code size x size}; {@code 1} is global average pooling. */
    public AdaptiveAvgPool2d(int outputSize) {
        this(outputSize, outputSize, true);
    }

    /** {@code AdaptiveAvgPool2d((outH, outW))}. */
    public AdaptiveAvgPool2d(int outH, int outW) {
        this(outH, outW, false);
    }

    private AdaptiveAvgPool2d(int outH, int outW, boolean square) {
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("AdaptiveAvgPool2d(output_size=(" + outH + ", " + outW
                    + ")): output sizes must be >= 1");
        }
        this.outH = outH;
        this.outW = outW;
        this.square = square;
    }

    /** First input index of bin {@code i} when {@code size} inputs are split into {@code bins}: {@code floor(i*size/bins)}. */
    static int binStart(int i, int size, int bins) {
        return (int) ((long) i * size / bins);
    }

    /** End (exclusive) of bin {@code i}: {@code ceil((i+1)*size/bins)}. */
    static int binEnd(int i, int size, int bins) {
        return (int) (((long) (i + 1) * size + bins - 1) / bins);
    }

    @Override
    protected Tensor doForward(Tensor x) {
        PoolWindow.requireImageBatch(describe(), x);
        int height = x.dim(2);
        int width = x.dim(3);
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(describe() + " needs a non-empty image, got input "
                    + java.util.Arrays.toString(x.shape()));
        }
        grid = new PoolGrid(x.shape(), outH, i -> binStart(i, height, outH), i -> binEnd(i, height, outH),
                outW, j -> binStart(j, width, outW), j -> binEnd(j, width, outW));
        // out[i][j] = mean of bin (i, j) = its sum / its own size
        return grid.average(x);
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        // dx[bin] += dY / size of the bin
        return grid.averageBackward(gradOut);
    }

    @Override
    protected String extraRepr() {
        return "output_size=" + (square ? Integer.toString(outH) : "(" + outH + ", " + outW + ")");
    }
}
