package nnlab.nn.layers;

import java.util.Arrays;
import nnlab.nn.Module;
import nnlab.nn.Parameter;
import nnlab.tensor.Generators;
import nnlab.tensor.Init;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Fully connected layer, as {@code torch.nn.Linear}: {@code y = x W^T + b}.
 *
 * <p>Shapes: input {@code x [N, in]}, output {@code y [N, out]}, weight {@code W [out, in]}, bias {@code b [out]}.
 *
 * <p>Backward, for upstream gradient {@code dY [N, out]}:
 * <pre>
 *   dW += dY^T x        [out, in]   (summed over the batch by the matrix product)
 *   db += sum_n dY[n]   [out]
 *   dx  = dY W          [N, in]
 * </pre>
 *
 * <p>Initialisation (PyTorch's default): {@code W, b ~ U(-1/sqrt(in), 1/sqrt(in))}, i.e.
 * {@code Init.kaimingUniform(W, sqrt(5))}. Same in train and eval mode. All products run on the compute backend.
 */
public class Linear extends Module {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** Cache for backward: the input of the last forward. */
    private Tensor input;

    /** {@code Linear(in, out)} with bias, initialised from the {@linkplain Generators#defaultGenerator() default generator}. */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true, Generators.defaultGenerator());
    }

    /**
     * @param inFeatures  size of each input row ({@code in >= 1})
     * @param outFeatures size of each output row ({@code out >= 1})
     * @param bias        whether to learn an additive bias
     * @param rng         generator for the initial weights
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, RandomGenerator rng) {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException("Linear(" + inFeatures + ", " + outFeatures
                    + "): feature counts must be >= 1");
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", new Parameter(Tensor.zeros(outFeatures, inFeatures)));
        Init.kaimingUniform(weight.value(), Math.sqrt(5), rng);
        if (bias) {
            double bound = 1 / Math.sqrt(inFeatures);
            this.bias = registerParameter("bias", new Parameter(Init.uniform(Tensor.zeros(outFeatures), -bound, bound, rng)));
        } else {
            this.bias = null;
        }
    }

    /** {@code W [out, in]}. */
    public Parameter weight() {
        return weight;
    }

    /** {@code b [out]}, or {@code null} without bias. */
    public Parameter bias() {
        return bias;
    }

    /** Input size {@code in}. */
    public int inFeatures() {
        return inFeatures;
    }

    /** Output size {@code out}. */
    public int outFeatures() {
        return outFeatures;
    }

    @Override
    protected Tensor doForward(Tensor x) {
        if (x.ndim() != 2 || x.dim(1) != inFeatures) {
            throw new IllegalArgumentException(describe() + " expects input [N, " + inFeatures + "], got "
                    + Arrays.toString(x.shape()) + (x.ndim() > 2 ? "; flatten first (new Flatten() or x.flatten(1))" : ""));
        }
        input = x;
        Tensor y = x.matmul(weight.value(), false, true);
        if (bias != null) {
            y.addInPlace(bias.value());
        }
        return y;
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        if (weight.requiresGrad()) {
            Tensor.matmulInto(weight.gradBuffer(), gradOut, input, true, false, 1f, 1f);
        }
        if (bias != null && bias.requiresGrad()) {
            bias.gradBuffer().addInPlace(gradOut.sum(0));
        }
        return gradOut.matmul(weight.value());
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias != null);
    }
}
