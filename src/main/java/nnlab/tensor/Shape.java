package nnlab.tensor;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Shape arithmetic and shape checks shared by {@link Tensor} and by layers that want the same error style.
 *
 * <p>A shape is an {@code int[]} of dimension sizes, outermost first, as in PyTorch: {@code [N, C, H, W]}.
 * Rules (checked by {@link #validate}):
 * <ul>
 *   <li>at most {@link #MAX_DIMS} dimensions; zero dimensions ({@code []}) is a 0-d scalar with one element;</li>
 *   <li>every size is {@code >= 0}; a size of 0 makes an <em>empty</em> tensor, as in PyTorch;</li>
 *   <li>the element count (product of the sizes) fits in one Java array ({@link #MAX_ELEMENTS}).</li>
 * </ul>
 */
public final class Shape {

    /** The most dimensions a tensor may have. PyTorch allows more; no nnlab layer needs more than 4. */
    public static final int MAX_DIMS = 8;

    /** The most elements a tensor may have: the largest {@code float[]} a JVM reliably allocates. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Shape() {
    }

    /** Formats a shape as PyTorch prints it without the {@code torch.Size}: {@code [128, 784]}. */
    public static String format(int[] shape) {
        return Arrays.toString(shape);
    }

    /**
     * Checks a shape and returns its element count (the product of its sizes; 1 for {@code []}).
     *
     * @param op the operation, named first in the error message, e.g. {@code "zeros"}
     * @throws IllegalArgumentException if the shape is null, has more than {@link #MAX_DIMS} dimensions,
     *         has a negative size, or has more than {@link #MAX_ELEMENTS} elements
     */
    public static int validate(String op, int[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException(op + ": shape is null; pass the sizes, e.g. (2, 3)");
        }
        if (shape.length > MAX_DIMS) {
            throw new IllegalArgumentException(op + ": shape " + format(shape) + " has " + shape.length
                    + " dimensions; at most " + MAX_DIMS + " are supported");
        }
        boolean empty = false;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException(op + ": shape " + format(shape) + " has negative size "
                        + shape[i] + " at dimension " + i + "; sizes must be >= 0");
            }
            empty |= shape[i] == 0;
        }
        if (empty) {
            return 0; // an empty tensor, however large its other sizes (as in PyTorch)
        }
        long count = 1;
        for (int size : shape) {
            count *= size; // cannot overflow a long: count <= MAX_ELEMENTS < 2^31 before, size < 2^31
            if (count > MAX_ELEMENTS) {
                throw new IllegalArgumentException(op + ": shape " + format(shape) + " has "
                        + numelAsString(shape) + " elements, more than a Java array can hold (" + MAX_ELEMENTS
                        + "); use a smaller shape, e.g. a smaller batch");
            }
        }
        return (int) count;
    }

    /** The exact element count as a decimal string, so that it can be reported even when it overflows a {@code long}. */
    static String numelAsString(int[] shape) {
        BigInteger count = BigInteger.ONE;
        for (int size : shape) {
            count = count.multiply(BigInteger.valueOf(size));
        }
        return count.toString();
    }

    /**
     * Turns a possibly negative axis into {@code 0 .. ndim-1}, PyTorch style: {@code -1} is the last axis.
     *
     * @throws IllegalArgumentException if the axis is outside {@code [-ndim, ndim-1]}
     */
    public static int normalizeAxis(String op, int axis, int[] shape) {
        int ndim = shape.length;
        if (ndim == 0) {
            throw new IllegalArgumentException(op + ": a 0-d tensor (shape []) has no axes; use the whole-tensor form instead");
        }
        if (axis < -ndim || axis >= ndim) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for shape " + format(shape)
                    + "; use an axis in [" + (-ndim) + ", " + (ndim - 1) + "]");
        }
        return axis < 0 ? axis + ndim : axis;
    }

    /** Product of {@code shape[from .. to-1]} (1 for an empty range); the shape is already validated. */
    static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }

    /** {@code shape} without dimension {@code axis}, e.g. {@code [2, 3, 4]} without axis 1 is {@code [2, 4]}. */
    static int[] remove(int[] shape, int axis) {
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                out[j++] = shape[i];
            }
        }
        return out;
    }
}
