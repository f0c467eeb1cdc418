package nnlab.tensor;

import java.util.Arrays;

import nnlab.backend.Backends;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A dense float32 tensor: a {@code float[]} of values and an {@code int[]} shape, row-major (the last index
 * varies fastest), as a contiguous PyTorch tensor. Every layer, loss and lab in nnlab passes these around.
 *
 * <p><b>Storage.</b> Element {@code (i0, i1, ..., i_{d-1})} of a tensor of shape {@code [s0, s1, ..., s_{d-1}]}
 * is {@code data()[((i0 * s1 + i1) * s2 + i2) ...]}. There are no strides and no views, with one documented
 * exception: {@link #reshape} (and {@link #flatten}, which is a reshape) returns a tensor that <em>shares</em>
 * the data array, as PyTorch's {@code view}. Every other operation returns a new tensor or, when its name
 * ends in {@code InPlace} (or is {@link #fill}, {@link #zeroFill}, {@link #set}, {@link #copyFrom}), changes
 * this one and returns it.
 *
 * <p><b>Shapes.</b> Up to {@link Shape#MAX_DIMS} dimensions. {@code []} is a 0-d tensor holding one value
 * ({@link #scalar}). A size of 0 gives an <em>empty</em> tensor, which is allowed everywhere and behaves
 * as in PyTorch: element-wise ops return empty tensors, {@code sum} of nothing is 0, {@code mean} of nothing
 * is NaN, and {@code max}/{@code min}/{@code argmax}/{@link #item} of nothing throw.
 *
 * <p><b>Broadcasting</b> is a subset of PyTorch's: equal shapes, a {@code float} scalar, or a row vector
 * {@code [D]} / {@code [1, D]} against a tensor whose last dimension is {@code D} (a bias added to
 * {@code [N, D]}). Other combinations throw and say what shape was expected.
 *
 * <p><b>Numbers.</b> Arithmetic follows IEEE float rules: NaN and infinity propagate, nothing is checked.
 * Creation <em>arguments</em> ({@link #full}'s value, {@link #uniform}'s bounds, {@link #randn}'s mean and
 * std) must be finite and are checked, because a NaN there is always a bug; {@link #of} copies any data,
 * NaN included.
 *
 * <p><b>Errors.</b> Bad arguments throw {@link IllegalArgumentException} naming the operation, the shapes and
 * the fix, e.g. {@code add: shapes [128, 10] and [784] do not broadcast; a bias row for [N, 10] must be [10] or [1, 10]}.
 *
 * <p><b>Speed.</b> GEMM, add, mul, axpy, scale, bias broadcast, column sums and relu run on
 * {@link nnlab.backend.Backends#current()}; the rest are plain Java loops. Tensors are not thread-safe.
 */
public final class Tensor {

    /** The values, row-major; shared only by tensors made with {@link #reshape}. */
    final float[] data;

    /** The sizes, outermost first; never exposed, never changed. */
    final int[] shape;

    /** Wraps {@code data} and {@code shape} without copying or checking; callers guarantee they match. */
    Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /** A zero tensor of a validated shape; {@code op} names the caller in error messages. */
    static Tensor allocate(String op, int[] shape) {
        int numel = Shape.validate(op, shape);
        return new Tensor(new float[numel], shape.clone());
    }

    // =============================================================== creation

    /** A tensor of zeros, e.g. {@code zeros(128, 10)}. {@code zeros()} is a 0-d zero. */
    public static Tensor zeros(int... shape) {
        return allocate("zeros", shape);
    }

    /** A tensor of ones. */
    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /**
     * A tensor with every element equal to {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static Tensor full(float value, int... shape) {
        TensorRandom.requireFinite("full", "value", value, "pass a finite value (use of(data, shape) to build a tensor holding NaN or inf on purpose)");
        Tensor t = allocate("full", shape);
        Arrays.fill(t.data, value);
        return t;
    }

    /** A zero tensor with the same shape as {@code like}, e.g. a gradient buffer for a parameter. */
    public static Tensor zerosLike(Tensor like) {
        return new Tensor(new float[like.data.length], like.shape.clone());
    }

    /**
     * A tensor holding a copy of {@code data} (row-major) with the given shape; {@code data} may contain
     * NaN or infinity. {@code of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)} is {@code [[1, 2, 3], [4, 5, 6]]}.
     *
     * @throws IllegalArgumentException if {@code data.length} is not the product of the shape
     */
    public static Tensor of(float[] data, int... shape) {
        if (data == null) {
            throw new IllegalArgumentException("of: data is null; pass the values, row-major");
        }
        int numel = Shape.validate("of", shape);
        if (data.length != numel) {
            throw new IllegalArgumentException("of: data has " + data.length + " elements but shape " + Shape.format(shape)
                    + " needs " + numel + "; pass data and shape that match"
                    + (shape.length == 0 ? " (no shape means a 0-d scalar; for a 1-D tensor use vector(data) or of(data, data.length))" : ""));
        }
        return new Tensor(data.clone(), shape.clone());
    }

    /** A 1-D tensor {@code [values.length]} holding a copy of the values, e.g. {@code vector(1, 2, 3)}. */
    public static Tensor vector(float... values) {
        return of(values, values.length);
    }

    /**
     * A 2-D tensor {@code [rows.length, rows[0].length]} copied from a Java 2-D array; {@code new float[0][]} gives {@code [0, 0]}.
     *
     * @throws IllegalArgumentException if the array is null, has a null row, or is ragged
     */
    public static Tensor fromArray(float[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("fromArray: array is null; pass a float[rows][cols]");
        }
        int cols = rows.length == 0 || rows[0] == null ? 0 : rows[0].length;
        int numel = Shape.validate("fromArray", new int[] {rows.length, cols});
        float[] data = new float[numel];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                throw new IllegalArgumentException("fromArray: row " + r + " is null; every row needs " + cols + " values");
            }
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("fromArray: row " + r + " has " + rows[r].length + " elements but row 0 has "
                        + cols + "; all rows must have the same length (a tensor is rectangular)");
            }
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new Tensor(data, new int[] {rows.length, cols});
    }

    /** A 0-d tensor (shape {@code []}) holding {@code value}, like {@code torch.tensor(value)}. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[0]);
    }

    /** The 1-D tensor {@code [0, 1, ..., end-1]}, shape {@code [end]}. Handy for tests: {@code arange(24).reshape(2, 3, 4)}. */
    public static Tensor arange(int end) {
        Tensor t = allocate("arange", new int[] {end});
        for (int i = 0; i < end; i++) {
            t.data[i] = i;
        }
        return t;
    }

    /**
     * Uniform random values on {@code [0, 1)}, drawn from {@code rng} in row-major order.
     *
     * @throws IllegalArgumentException if {@code rng} is null or the shape is invalid
     */
    public static Tensor rand(RandomGenerator rng, int... shape) {
        return TensorRandom.rand(rng, shape);
    }

    /**
     * A seeded generator for the random factories: {@code Tensor.rand(Tensor.rng(42), 3, 4)}. It is a
     * {@code new Well19937c(seed)} (Commons Math); pass the same generator on to draw further tensors from
     * one reproducible stream, as {@code torch.Generator().manual_seed(42)} does.
     *
     * <p>The seed is a {@code long}: Commons Math seeds {@code new Well19937c(42)} (an {@code int})
     * differently from {@code new Well19937c(42L)}, and this method always means the latter.
     */
    public static RandomGenerator rng(long seed) {
        return new Well19937c(seed);
    }

    /**
     * Uniform random values on {@code [low, high)}: {@code low + (high - low) * u}, {@code u} uniform on {@code [0, 1)}
     * ({@code torch.empty(shape).uniform_(low, high)}).
     *
     * @throws IllegalArgumentException if a bound is NaN or infinite, or {@code low >= high}
     */
    public static Tensor uniform(RandomGenerator rng, float low, float high, int... shape) {
        return TensorRandom.uniform(rng, low, high, shape);
    }

    /**
     * Normally distributed values {@code mean + std * z}, {@code z ~ N(0, 1)} from {@code rng.nextGaussian()}
     * ({@code torch.normal(mean, std, shape)}). {@code std == 0} gives a constant tensor.
     *
     * @throws IllegalArgumentException if {@code mean} or {@code std} is NaN or infinite, or {@code std < 0}
     */
    public static Tensor randn(RandomGenerator rng, float mean, float std, int... shape) {
        return TensorRandom.randn(rng, mean, std, shape);
    }

    // =============================================================== accessors

    /** The shape, e.g. {@code [128, 784]}; a copy, so changing it does not change the tensor. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions ({@code x.dim()} in PyTorch): 2 for {@code [128, 784]}, 0 for a scalar. */
    public int ndim() {
        return shape.length;
    }

    /**
     * Size of dimension {@code i} ({@code x.size(i)} in PyTorch); negative {@code i} counts from the end,
     * so {@code dim(-1)} is the last dimension.
     *
     * @throws IllegalArgumentException if {@code i} is outside {@code [-ndim, ndim-1]}
     */
    public int dim(int i) {
        return shape[Shape.normalizeAxis("dim", i, shape)];
    }

    /** Number of elements, the product of the shape ({@code x.numel()}); 1 for a scalar, 0 if empty. */
    public int numel() {
        return data.length;
    }

    /**
     * The element at {@code (i0, i1, ...)}: {@code get(r, c)} of a 2-D tensor is row {@code r}, column {@code c}.
     * Indices are 0-based; negative indices are not allowed.
     *
     * @throws IllegalArgumentException if the number of indices is not {@link #ndim()} or one is out of bounds
     */
    public float get(int... index) {
        return data[offset("get", index)];
    }

    /**
     * Sets the element at {@code (i0, i1, ...)} to {@code value} (any float, NaN included) and returns this tensor.
     *
     * @throws IllegalArgumentException if the number of indices is not {@link #ndim()} or one is out of bounds
     */
    public Tensor set(float value, int... index) {
        data[offset("set", index)] = value;
        return this;
    }

    private int offset(String op, int[] index) {
        if (index == null || index.length != shape.length) {
            throw new IllegalArgumentException(op + ": shape " + Shape.format(shape) + " needs " + shape.length
                    + " indices, got " + (index == null ? "null" : index.length + " " + Arrays.toString(index)));
        }
        int offset = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IllegalArgumentException(op + ": index " + index[d] + " is out of bounds for dimension " + d
                        + " of shape " + Shape.format(shape) + " (index " + Arrays.toString(index) + "); "
                        + (shape[d] == 0 ? "that dimension is empty" : "valid indices are 0.." + (shape[d] - 1)));
            }
            offset = offset * shape[d] + index[d];
        }
        return offset;
    }

    /**
     * The value of a one-element tensor (any shape with {@code numel() == 1}), like PyTorch's {@code item()}.
     *
     * @throws IllegalArgumentException if the tensor does not have exactly one element
     */
    public float item() {
        if (data.length != 1) {
            throw new IllegalArgumentException("item: only a one-element tensor has an item, but this one has shape "
                    + Shape.format(shape) + " (" + data.length + " elements); use get(...) for one element or reduce first, e.g. sum()");
        }
        return data[0];
    }

    /**
     * The backing array itself, row-major, not a copy: writes to it change this tensor (and every tensor
     * {@link #reshape}d from it). For backends and fast loops; use {@link #toArray()} for a safe copy.
     */
    public float[] data() {
        return data;
    }

    /** A copy of the values, row-major. */
    public float[] toArray() {
        return data.clone();
    }

    /** A deep copy: same shape, same values, its own data array. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    // =============================================================== shape changes

    /**
     * The same elements with a new shape; one size may be {@code -1}, inferred from the others
     * ({@code reshape(-1, 784)} of {@code [128, 28, 28]} is {@code [128, 784]}).
     *
     * <p><b>Shares data:</b> the result is a view of this tensor's array, as PyTorch's {@code view}: writing to
     * one changes the other. Call {@link #copy()} on the result if you need independent storage.
     *
     * @throws IllegalArgumentException if the element count would change, more than one size is {@code -1},
     *         a size is otherwise negative, or {@code -1} cannot be inferred because the other sizes multiply to 0
     */
    public Tensor reshape(int... newShape) {
        if (newShape == null) {
            throw new IllegalArgumentException("reshape: shape is null; pass the new sizes, e.g. reshape(-1, 784)");
        }
        int[] resolved = newShape.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: shape " + Shape.format(newShape)
                            + " has more than one -1; only one size can be inferred");
                }
                inferred = i;
            } else if (resolved[i] >= 0) {
                known *= resolved[i];
            } // other negative sizes are reported by Shape.validate below
        }
        if (inferred >= 0) {
            if (known == 0 || data.length % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + Shape.format(shape) + " (" + data.length
                        + " elements) into " + Shape.format(newShape) + "; "
                        + (known == 0 ? "the -1 is ambiguous when the other sizes multiply to 0" : data.length
                        + " is not a multiple of " + known));
            }
            resolved[inferred] = (int) (data.length / known);
        }
        int numel = Shape.validate("reshape", resolved);
        if (numel != data.length) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shape.format(shape) + " (" + data.length
                    + " elements) into " + Shape.format(newShape) + " (" + numel + " elements); the element count must stay the same");
        }
        return new Tensor(data, resolved);
    }

    /**
     * Merges dimensions {@code startDim..} into one, as {@code torch.flatten(x, startDim)}:
     * {@code flatten(1)} turns a batch {@code [N, C, H, W]} into {@code [N, C*H*W]} (what {@code nn.Flatten} does),
     * {@code flatten(0)} turns any tensor into 1-D {@code [numel]}. Negative {@code startDim} counts from the end.
     * Shares data, like {@link #reshape}.
     *
     * @throws IllegalArgumentException if {@code startDim} is not a dimension of this tensor
     */
    public Tensor flatten(int startDim) {
        if (shape.length == 0 && (startDim == 0 || startDim == -1)) {
            return reshape(1); // PyTorch: flattening a 0-d tensor gives [1]
        }
        int s = Shape.normalizeAxis("flatten", startDim, shape);
        int[] newShape = Arrays.copyOf(shape, s + 1);
        newShape[s] = Shape.product(shape, s, shape.length);
        return new Tensor(data, newShape);
    }

    /**
     * The transpose of a 2-D tensor, {@code out[j][i] = this[i][j]}, {@code [m, n] -> [n, m]}, as a new tensor
     * (a copy, not a view). For a product with a transpose prefer {@link #matmul(Tensor, boolean, boolean)}.
     *
     * @throws IllegalArgumentException if the tensor is not 2-D
     */
    public Tensor transpose() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("transpose: expects a 2-D tensor, got shape " + Shape.format(shape)
                    + "; reshape it to 2-D first (a vector [D] becomes a row with reshape(1, D))");
        }
        int rows = shape[0];
        int cols = shape[1];
        float[] out = new float[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = data[i * cols + j];
            }
        }
        return new Tensor(out, new int[] {cols, rows});
    }

    /**
     * Entries {@code start .. end-1} along dimension 0 as a new tensor (a copy), {@code x[start:end]} in PyTorch:
     * a mini-batch of rows. {@code [N, ...] -> [end - start, ...]}; {@code start == end} gives an empty tensor.
     *
     * @throws IllegalArgumentException unless {@code 0 <= start <= end <= dim(0)}
     */
    public Tensor slice(int start, int end) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("slice: a 0-d tensor (shape []) has no dimension 0 to slice");
        }
        if (start < 0 || start > end || end > shape[0]) {
            throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") is out of bounds for dimension 0 of shape "
                    + Shape.format(shape) + "; need 0 <= start <= end <= " + shape[0]);
        }
        int rowSize = Shape.product(shape, 1, shape.length);
        int[] newShape = shape.clone();
        newShape[0] = end - start;
        return new Tensor(Arrays.copyOfRange(data, start * rowSize, end * rowSize), newShape);
    }

    /**
     * The entries along dimension 0 at the given indices, in that order, as a new tensor (a copy);
     * {@code x.index_select(0, rows)} in PyTorch. Indices may repeat. {@code [N, ...] -> [rows.length, ...]}.
     * Used to gather a shuffled mini-batch.
     *
     * @throws IllegalArgumentException if an index is outside {@code 0 .. dim(0)-1}
     */
    public Tensor indexSelect(int... rows) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("indexSelect: a 0-d tensor (shape []) has no dimension 0 to select from");
        }
        if (rows == null) {
            throw new IllegalArgumentException("indexSelect: indices are null; pass the row numbers to take");
        }
        int rowSize = Shape.product(shape, 1, shape.length);
        int[] newShape = shape.clone();
        newShape[0] = rows.length;
        Tensor out = allocate("indexSelect", newShape);
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= shape[0]) {
                throw new IllegalArgumentException("indexSelect: row index " + r + " (at position " + i + ") is out of bounds for dimension 0 of shape "
                        + Shape.format(shape) + "; " + (shape[0] == 0 ? "the tensor has no rows" : "valid rows are 0.." + (shape[0] - 1)));
            }
            System.arraycopy(data, r * rowSize, out.data, i * rowSize, rowSize);
        }
        return out;
    }

    // =============================================================== element-wise, new tensor

    /**
     * {@code this + other}, element-wise. Shapes: equal, or a row {@code [D]} / {@code [1, D]} on either side of a
     * tensor {@code [..., D]} (bias: {@code [N, D] + [D] -> [N, D]}).
     *
     * @throws IllegalArgumentException if the shapes do not broadcast; the message names both
     */
    public Tensor add(Tensor other) {
        return TensorOps.add(this, other);
    }

    /** {@code this - other}, element-wise; shapes as {@link #add(Tensor)}. */
    public Tensor sub(Tensor other) {
        return TensorOps.sub(this, other);
    }

    /** {@code this * other}, element-wise (Hadamard product, not matmul); shapes as {@link #add(Tensor)}. */
    public Tensor mul(Tensor other) {
        return TensorOps.mul(this, other);
    }

    /** {@code this / other}, element-wise (IEEE: {@code x / 0} is ±inf or NaN); shapes as {@link #add(Tensor)}. */
    public Tensor div(Tensor other) {
        return TensorOps.div(this, other);
    }

    /** {@code this + value}, element-wise. */
    public Tensor add(float value) {
        return map(x -> x + value);
    }

    /** {@code this - value}, element-wise. */
    public Tensor sub(float value) {
        return map(x -> x - value);
    }

    /** {@code this * value}, element-wise. */
    public Tensor mul(float value) {
        return TensorOps.scale(this, value);
    }

    /** {@code this / value}, element-wise (a true division, not a multiplication by {@code 1/value}). */
    public Tensor div(float value) {
        return map(x -> x / value);
    }

    /** {@code -x}, element-wise. */
    public Tensor neg() {
        return map(x -> -x);
    }

    /** {@code e^x}, element-wise (overflows to inf above about 88.7). */
    public Tensor exp() {
        return map(x -> (float) Math.exp(x));
    }

    /** Natural logarithm {@code ln x}, element-wise: {@code -inf} at 0, NaN below 0. */
    public Tensor log() {
        return map(x -> (float) Math.log(x));
    }

    /** {@code sqrt(x)}, element-wise: NaN below 0. */
    public Tensor sqrt() {
        return map(x -> (float) Math.sqrt(x));
    }

    /** {@code |x|}, element-wise. */
    public Tensor abs() {
        return map(Math::abs);
    }

    /** {@code x^exponent}, element-wise, as {@link Math#pow} ({@code pow(2)} squares). */
    public Tensor pow(float exponent) {
        return map(x -> (float) Math.pow(x, exponent));
    }

    /** {@code max(x, 0)}, element-wise; runs on the backend. */
    public Tensor relu() {
        return TensorOps.relu(this);
    }

    /** Logistic sigmoid {@code 1 / (1 + e^-x)}, element-wise, computed without overflow for large {@code |x|}. */
    public Tensor sigmoid() {
        return map(TensorOps::sigmoid);
    }

    /** Hyperbolic tangent, element-wise. */
    public Tensor tanh() {
        return map(x -> (float) Math.tanh(x));
    }

    /**
     * {@code min(max(x, min), max)}, element-wise ({@code torch.clamp}); NaN elements stay NaN.
     *
     * @throws IllegalArgumentException if a bound is NaN or {@code min > max}
     */
    public Tensor clamp(float min, float max) {
        if (Float.isNaN(min) || Float.isNaN(max) || min > max) {
            throw new IllegalArgumentException("clamp: bounds must satisfy min <= max and not be NaN, got min=" + min
                    + ", max=" + max + "; use Float.NEGATIVE_INFINITY / POSITIVE_INFINITY for a one-sided clamp");
        }
        return map(x -> x < min ? min : x > max ? max : x);
    }

    /** {@code f(x)} for every element, as a new tensor of the same shape. */
    public Tensor map(FloatUnaryOperator f) {
        return TensorOps.map(this, f);
    }

    // =============================================================== element-wise, in place (return this)

    /**
     * {@code this += other}; shapes as {@link #add(Tensor)}, except that the result must keep this tensor's shape
     * (so {@code [N, D].addInPlace([D])} works and {@code [D].addInPlace([N, D])} throws).
     */
    public Tensor addInPlace(Tensor other) {
        TensorOps.addInPlace(this, other);
        return this;
    }

    /** {@code this -= other}; shapes as {@link #addInPlace}. */
    public Tensor subInPlace(Tensor other) {
        TensorOps.subInPlace(this, other);
        return this;
    }

    /** {@code this *= other}, element-wise; shapes as {@link #addInPlace}. */
    public Tensor mulInPlace(Tensor other) {
        TensorOps.mulInPlace(this, other);
        return this;
    }

    /** {@code this /= other}, element-wise; shapes as {@link #addInPlace}. */
    public Tensor divInPlace(Tensor other) {
        TensorOps.divInPlace(this, other);
        return this;
    }

    /** {@code this *= alpha}; runs on the backend. */
    public Tensor scaleInPlace(float alpha) {
        Backends.current().scale(data.length, alpha, data, data);
        return this;
    }

    /**
     * {@code this += alpha * other} (BLAS axpy), the optimizer update: {@code w.addScaledInPlace(-lr, grad)}.
     *
     * @throws IllegalArgumentException if the shapes differ (no broadcasting here)
     */
    public Tensor addScaledInPlace(float alpha, Tensor other) {
        TensorOps.addScaledInPlace(this, alpha, other);
        return this;
    }

    /**
     * Sets every element to {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is NaN or infinite, as for {@link #full}
     */
    public Tensor fill(float value) {
        TensorRandom.requireFinite("fill", "value", value, "pass a finite value");
        Arrays.fill(data, value);
        return this;
    }

    /** Sets every element to 0 ({@code zero_()} in PyTorch), e.g. to clear a gradient. */
    public Tensor zeroFill() {
        Arrays.fill(data, 0f);
        return this;
    }

    /**
     * Copies {@code source}'s values into this tensor ({@code copy_} in PyTorch), e.g. to load weights.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public Tensor copyFrom(Tensor source) {
        TensorOps.requireSameShape("copyFrom", this, source);
        System.arraycopy(source.data, 0, data, 0, data.length);
        return this;
    }

    // =============================================================== reductions

    /** Sum of all elements, accumulated in double; 0 for an empty tensor. */
    public float sum() {
        return (float) Reductions.sum(this);
    }

    /** Mean of all elements, {@code sum() / numel()}; NaN for an empty tensor, as in PyTorch. */
    public float mean() {
        return (float) (Reductions.sum(this) / data.length);
    }

    /**
     * Largest element; NaN if any element is NaN (as PyTorch).
     *
     * @throws IllegalArgumentException if the tensor is empty
     */
    public float max() {
        return Reductions.extreme("max", this, true);
    }

    /**
     * Smallest element; NaN if any element is NaN (as PyTorch).
     *
     * @throws IllegalArgumentException if the tensor is empty
     */
    public float min() {
        return Reductions.extreme("min", this, false);
    }

    /**
     * Row-major position of the largest element (of the first one on ties, or of the first NaN), as PyTorch's {@code argmax()}.
     *
     * @throws IllegalArgumentException if the tensor is empty
     */
    public int argmax() {
        return Reductions.argmax(this);
    }

    /**
     * Sum along {@code axis} (negative counts from the end), removing that axis as PyTorch's {@code sum(axis)}
     * with {@code keepdim=False}: {@code [2, 3, 4].sum(1)} is {@code [2, 4]}. Summing a 1-D tensor gives a 0-d
     * one. An empty axis sums to 0. {@code sum(0)} of {@code [N, D]} (a bias gradient) runs on the backend.
     *
     * @throws IllegalArgumentException if {@code axis} is not a dimension of this tensor
     */
    public Tensor sum(int axis) {
        return Reductions.sum(this, axis);
    }

    /**
     * Mean along {@code axis}, removing it (shapes as {@link #sum(int)}); NaN where the axis is empty, as in PyTorch.
     *
     * @throws IllegalArgumentException if {@code axis} is not a dimension of this tensor
     */
    public Tensor mean(int axis) {
        return Reductions.mean(this, axis);
    }

    /**
     * Maximum along {@code axis}, removing it (shapes as {@link #sum(int)}); the values only (PyTorch also
     * returns indices: use {@link #argmax(int)}). NaN propagates.
     *
     * @throws IllegalArgumentException if {@code axis} is not a dimension or has size 0
     */
    public Tensor max(int axis) {
        return Reductions.extreme("max", this, axis, true);
    }

    /**
     * Minimum along {@code axis}, removing it (shapes as {@link #sum(int)}). NaN propagates.
     *
     * @throws IllegalArgumentException if {@code axis} is not a dimension or has size 0
     */
    public Tensor min(int axis) {
        return Reductions.extreme("min", this, axis, false);
    }

    /**
     * Index of the maximum along {@code axis}, for every position of the other axes, row-major over them: for
     * logits {@code [N, C]}, {@code argmax(1)} is the {@code int[N]} of predicted classes. Ties go to the first
     * index and a NaN counts as the maximum, as in PyTorch.
     *
     * @throws IllegalArgumentException if {@code axis} is not a dimension or has size 0
     */
    public int[] argmax(int axis) {
        return Reductions.argmax(this, axis);
    }

    // =============================================================== matrix products

    /**
     * Matrix product {@code this @ other}: {@code [m, k] x [k, n] -> [m, n]},
     * {@code out[i][j] = sum_p this[i][p] * other[p][j]}; runs on the backend's GEMM. {@code k == 0} gives zeros.
     *
     * @throws IllegalArgumentException if either tensor is not 2-D or the inner dimensions differ
     */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other, false, false);
    }

    /**
     * {@code op(this) @ op(other)}, where {@code op} transposes when its flag is set, without building the
     * transpose: {@code x.matmul(w, false, true)} of {@code x [N, in]} and {@code w [out, in]} is {@code x w^T [N, out]}
     * (the Linear forward).
     *
     * @throws IllegalArgumentException if either tensor is not 2-D or the inner dimensions differ (the message
     *         suggests the flag that would fix it, if one would)
     */
    public Tensor matmul(Tensor other, boolean transposeThis, boolean transposeOther) {
        return MatMul.matmul(this, other, transposeThis, transposeOther);
    }

    /**
     * {@code out = alpha * op(a) @ op(b) + beta * out} into an existing {@code [m, n]} tensor (BLAS GEMM), for
     * backward passes that accumulate: {@code matmulInto(w.grad, dy, x, true, false, 1f, 1f)} adds
     * {@code dy^T x}. With {@code beta == 0} the old contents of {@code out} are ignored, even NaN.
     *
     * @throws IllegalArgumentException if a shape is wrong, or {@code out} shares its data with {@code a} or {@code b}
     */
    public static void matmulInto(Tensor out, Tensor a, Tensor b, boolean transA, boolean transB, float alpha, float beta) {
        MatMul.matmulInto(out, a, b, transA, transB, alpha, beta);
    }

    // =============================================================== comparison, printing

    /**
     * Whether every element is close to {@code other}'s, with PyTorch's {@code allclose} rule
     * {@code |a - b| <= atol + rtol * |b|} (so {@code other} is the reference). Equal infinities are close;
     * NaN is never close to anything, itself included.
     *
     * @throws IllegalArgumentException if the shapes differ, or a tolerance is negative or NaN
     */
    public boolean allClose(Tensor other, double rtol, double atol) {
        return TensorOps.allClose(this, other, rtol, atol);
    }

    /** {@link #allClose(Tensor, double, double)} with PyTorch's defaults {@code rtol = 1e-5}, {@code atol = 1e-8}. */
    public boolean allClose(Tensor other) {
        return allClose(other, 1e-5, 1e-8);
    }

    /**
     * {@code max |this - other|} over all elements, for error messages; 0 for empty tensors and for equal
     * values (equal infinities included), NaN if any difference is NaN.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public double maxAbsDiff(Tensor other) {
        return TensorOps.maxAbsDiff(this, other);
    }

    /**
     * Exact equality of shape and values, as {@link Arrays#equals(float[], float[])}: NaN equals NaN, but
     * {@code 0.0} does not equal {@code -0.0}. For numerical comparisons use {@link #allClose}. Tensors are
     * mutable: do not change one while it is a key in a hash map.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tensor)) {
            return false;
        }
        Tensor t = (Tensor) o;
        return Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    /** Hash of shape and values, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /**
     * One line, PyTorch-like, with the shape: {@code tensor([[1., 2.], [3., 4.]], shape=[2, 2])}; more than 1000
     * elements are summarised with {@code ...}.
     */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
