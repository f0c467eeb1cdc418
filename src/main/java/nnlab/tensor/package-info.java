/**
 * {@link nnlab.tensor.Tensor}: the float32, row-major, shape-checked tensor every nnlab layer, loss and lab uses.
 *
 * <p>Read {@code Tensor} for the whole user-facing API; the package-private helpers hold the loops
 * ({@code TensorOps} element-wise and broadcasting, {@code Reductions}, {@code MatMul}, {@code TensorRandom},
 * {@code TensorFormat}). {@link nnlab.tensor.Shape} holds the shape checks and formatting that layers can reuse
 * for their own error messages, and {@link nnlab.backend.Backends#current()} names the compute backend in use.
 */
package nnlab.tensor;
