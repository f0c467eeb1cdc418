/**
 * Saving and loading tensors: {@link nnlab.io.SafeTensors} reads and writes the
 * <a href="https://github.com/huggingface/safetensors">safetensors</a> format that PyTorch and Hugging Face use,
 * so that weights, checkpoints and the PyTorch parity fixtures under {@code src/test/resources/parity} move
 * between nnlab and PyTorch without pickle.
 *
 * <p>Start with {@link nnlab.io.SafeTensors#read} and {@link nnlab.io.SafeTensors#write}. For a look inside a file
 * without converting it (names, {@link nnlab.io.Dtype dtypes}, shapes, metadata) or for exact {@code double} and
 * {@code long} values, use {@link nnlab.io.SafeTensors#open}, which returns a {@link nnlab.io.SafeTensorsFile};
 * to store F64 or I64 values (learning rates, step counts, {@code num_batches_tracked}) next to float32 weights,
 * use {@link nnlab.io.SafeTensors#writer}. A broken file gives a {@link nnlab.io.SafeTensorsFormatException} that
 * says what is wrong with it. The header JSON is parsed by a small strict parser of the package's own; nnlab
 * has no JSON dependency.
 */
package nnlab.io;
