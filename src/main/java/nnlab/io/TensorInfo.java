package nnlab.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a safetensors header says about one tensor, without its values: its name, element type, shape and where
 * its bytes lie. {@link SafeTensorsFile#info} returns it after the header has been validated, so
 * {@code byteLength == numel() * dtype.itemSize()} always holds.
 *
 * <p>The shape is kept as {@code long[]}, as the file declares it (the format allows sizes up to 2^64 - 1);
 * {@link SafeTensorsFile#tensor} checks that it fits an nnlab {@link nnlab.tensor.Tensor}.
 *
 * @param name       the tensor's key in the header, e.g. {@code "fc1.weight"}
 * @param dtype      the element type
 * @param shape      the sizes, outermost first; {@code []} is a 0-d tensor (one element)
 * @param dataOffset where the bytes start, counted from the start of the data section (after the header)
 * @param byteLength how many bytes the tensor occupies
 */
public record TensorInfo(String name, Dtype dtype, long[] shape, long dataOffset, long byteLength) {

    /** Copies the shape, so that the record cannot be changed from outside. */
    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
    }

    /** A copy of the shape. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The number of dimensions; 0 for a 0-d tensor. */
    public int ndim() {
        return shape.length;
    }

    /**
     * The element count: the product of the sizes, 1 for a 0-d tensor, 0 if any size is 0.
     *
     * @throws ArithmeticException if the product overflows a {@code long} (never for a validated header)
     */
    public long numel() {
        long n = 1;
        for (long size : shape) {
            if (size == 0) {
                return 0;
            }
        }
        for (long size : shape) {
            n = Math.multiplyExact(n, size);
        }
        return n;
    }

    /** Compares every component, the shape by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && dataOffset == t.dataOffset && byteLength == t.byteLength;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), dataOffset, byteLength);
    }

    /** E.g. {@code fc1.weight: F32 [128, 784], bytes [0, 401408)}. */
    @Override
    public String toString() {
        return name + ": " + dtype + " " + Arrays.toString(shape) + ", bytes [" + dataOffset + ", " + (dataOffset + byteLength) + ")";
    }
}
