package nnlab.nn.layers;

import nnlab.tensor.Tensor;

/**
 * The backward loop of the element-wise activations (ReLU, LeakyReLU, Sigmoid, Tanh, ArcTan): each applies the
 * chain rule {@code dx_i = dy_i * f'(...)} one element at a time, and supplies only the expression for one
 * element, written in terms of {@code dy_i} and the value it cached in forward (the input {@code x_i} or the
 * output {@code y_i}).
 */
final class LocalGradient {

    /** {@code dx_i} from {@code dy_i} and the cached value {@code v_i} ({@code x_i} or {@code y_i}). */
    @FunctionalInterface
    interface Rule {
        float dx(float dy, float cached);
    }

    private LocalGradient() {
    }

    /** {@code dx} of {@code gradOut}'s shape with {@code dx_i = rule.dx(dy_i, cached_i)}. */
    static Tensor apply(Tensor gradOut, Tensor cached, Rule rule) {
        float[] v = cached.data();
        float[] dy = gradOut.data();
        Tensor dx = Tensor.zerosLike(gradOut);
        float[] out = dx.data();
        for (int i = 0; i < out.length; i++) {
            out[i] = rule.dx(dy[i], v[i]);
        }
        return dx;
    }
}
