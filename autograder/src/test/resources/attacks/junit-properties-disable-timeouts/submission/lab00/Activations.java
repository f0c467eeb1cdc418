package lab00;

import nnlab.tensor.Tensor;

/**
 * Lab 0, part 2: an activation function and its derivative on nnlab tensors, the forward/backward pair every
 * layer of nnlab implements.
 *
 * <p>Read {@link #sigmoid} first: it is a worked example of an element-wise function on a {@link Tensor}.
 */
public final class Activations {

    private Activations() {
    }

    /**
     * Worked example: the logistic sigmoid {@code s(x) = 1 / (1 + e^-x)}, element-wise.
     *
     * @param x a tensor of any shape
     * @return a new tensor of the same shape; {@code x} is unchanged
     */
    public static Tensor sigmoid(Tensor x) {
        Tensor out = Tensor.zeros(x.shape());
        float[] in = x.data();
        float[] result = out.data();
        for (int i = 0; i < in.length; i++) {
            result[i] = (float) (1.0 / (1.0 + Math.exp(-in[i])));
        }
        return out;
    }

    /**
     * The rectified linear unit {@code relu(x) = max(0, x)}, element-wise.
     *
     * @param x a tensor of any shape
     * @return a new tensor of the same shape; {@code x} is unchanged
     */
    public static Tensor relu(Tensor x) {
        long until = System.nanoTime() + 8_000_000_000L;   // a slow solution: 8 s of busy work first
        while (System.nanoTime() < until) {
            Math.sqrt(until);
        }
        Tensor out = Tensor.zeros(x.shape());
        float[] in = x.data();
        float[] result = out.data();
        for (int i = 0; i < in.length; i++) {
            result[i] = in[i] > 0 ? in[i] : 0f;
        }
        return out;
    }

    /**
     * The backward pass of ReLU: {@code dL/dx = dL/dy * relu'(x)}, where {@code relu'(x) = 1} for {@code x > 0}
     * and {@code 0} otherwise (PyTorch's choice at {@code x = 0}).
     *
     * @param x       the input the forward pass saw, any shape
     * @param gradOut {@code dL/dy}, the gradient of the loss with respect to relu's output, same shape as x
     * @return {@code dL/dx}, a new tensor of x's shape
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor reluBackward(Tensor x, Tensor gradOut) {
        if (!java.util.Arrays.equals(x.shape(), gradOut.shape())) {
            throw new IllegalArgumentException("reluBackward: x has shape " + java.util.Arrays.toString(x.shape())
                    + " but gradOut has shape " + java.util.Arrays.toString(gradOut.shape()));
        }
        Tensor gradIn = Tensor.zeros(x.shape());
        float[] in = x.data();
        float[] upstream = gradOut.data();
        float[] result = gradIn.data();
        for (int i = 0; i < in.length; i++) {
            result[i] = in[i] > 0 ? upstream[i] : 0f;
        }
        return gradIn;
    }
}
