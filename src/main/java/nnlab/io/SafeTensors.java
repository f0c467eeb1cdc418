package nnlab.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import nnlab.tensor.Tensor;

/**
 * Reads and writes the <a href="https://github.com/huggingface/safetensors">safetensors</a> format, the file
 * format of Hugging Face and of {@code safetensors.torch.save_file}, so that nnlab models, checkpoints and
 * PyTorch parity fixtures can be exchanged with PyTorch.
 *
 * <p><b>Format.</b> 8 bytes: {@code N}, the header length, unsigned little-endian; {@code N} bytes: a UTF-8 JSON
 * object {@code {"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, ...,
 * "__metadata__": {"key": "value"}}}, possibly padded with spaces; then the data section, each tensor's bytes
 * at {@code [begin, end)} counted from the start of the data section, little-endian, row-major.
 *
 * <p><b>Reading</b> ({@link #read}, {@link #open}) validates before it converts anything, and every problem is a
 * {@link SafeTensorsFormatException} naming the file, the problem and the fix: a file shorter than 8 bytes; a
 * header length above {@link #MAX_HEADER_BYTES} (checked before allocating, so a corrupt length cannot exhaust
 * memory) or beyond the end of the file; a header that is not UTF-8 JSON; an entry without dtype, shape or
 * data_offsets; an unknown dtype; a negative or overflowing shape; offsets that disagree with shape times item
 * size; offsets past the end of the file; tensors that overlap or leave gaps or trailing bytes in the data
 * section; a repeated key. A missing file gives {@link java.nio.file.NoSuchFileException}. A call either
 * returns everything it was asked for or throws; it never returns part of a file.
 *
 * <p><b>Conversion to float32:</b> F32 as is; F16 and BF16 exactly (every value, subnormals, infinities and NaN
 * included, is a float32); F64 rounded to nearest (ties to even); integer dtypes and BOOL (0 or 1) rounded to the
 * nearest float32, which is exact only for {@code |x| <= 2^24} (16777217 reads as 16777216). A 0-d tensor
 * (shape {@code []}) becomes a 0-d {@link Tensor}, an empty one (a size of 0) an empty Tensor. Use
 * {@link SafeTensorsFile#doubles} and {@link SafeTensorsFile#longs} for exact F64 and integer values.
 *
 * <p><b>Writing</b> ({@link #write}, {@link #writer}) produces the layout of {@code safetensors.torch.save_file}
 * and is atomic; see {@link SafeTensorsWriter}.
 */
public final class SafeTensors {

    /** The largest header accepted, in bytes: 100 MB, the limit of the reference implementation. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private SafeTensors() {
    }

    /**
     * Every tensor in {@code file}, converted to float32, in data order (ascending {@code data_offsets}; for files
     * written by safetensors or nnlab, the header's order: largest dtype first, then by name; see {@link SafeTensorsWriter}).
     *
     * @return a new {@link java.util.LinkedHashMap} from name to tensor
     * @throws SafeTensorsFormatException if the file is invalid, or a tensor cannot be converted (F8 dtypes,
     *                                    shapes larger than a Tensor holds); nothing is returned then
     * @throws IOException                if the file cannot be read, e.g. {@link java.nio.file.NoSuchFileException}
     */
    public static Map<String, Tensor> read(Path file) throws IOException {
        return SafeTensorsFile.open(file).tensors();
    }

    /**
     * Opens {@code file} and validates its header, for inspecting names, dtypes, shapes and metadata, or for
     * reading single tensors and exact {@code double}/{@code long} values. Same checks as {@link #read}.
     */
    public static SafeTensorsFile open(Path file) throws IOException {
        return SafeTensorsFile.open(file);
    }

    /**
     * Writes {@code tensors} as F32, atomically, replacing {@code file} if it exists.
     *
     * @throws IllegalArgumentException if a name is empty, {@code "__metadata__"} or not valid Unicode, or a tensor is null
     * @throws IOException              if writing fails; {@code file} is then unchanged
     */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    /**
     * Writes {@code tensors} as F32 with {@code metadata} (saved as {@code __metadata__}), atomically.
     *
     * @throws IllegalArgumentException as {@link #write(Path, Map)}, or if a metadata key or value is null
     * @throws IOException              if writing fails; {@code file} is then unchanged
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        if (tensors == null || metadata == null) {
            throw new IllegalArgumentException("write: " + (tensors == null ? "tensors" : "metadata") + " is null; pass a map (Map.of() for none)");
        }
        SafeTensorsWriter writer = writer();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            writer.putF32(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            writer.metadata(e.getKey(), e.getValue());
        }
        writer.writeTo(file);
    }

    /** A new, empty writer for mixing F32, F64 and I64 tensors and metadata in one file. */
    public static SafeTensorsWriter writer() {
        return new SafeTensorsWriter();
    }
}
