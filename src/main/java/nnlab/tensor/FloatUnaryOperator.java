package nnlab.tensor;

/**
 * A function {@code float -> float}, for {@link Tensor#map}. Java has no primitive-float functional
 * interfaces; this one avoids boxing every element.
 */
@FunctionalInterface
public interface FloatUnaryOperator {

    /** Returns {@code f(x)}. */
    float apply(float x);
}
