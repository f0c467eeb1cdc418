package nnlab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nnlab.tensor.Shape;
import nnlab.tensor.Tensor;

/**
 * An opened safetensors file: its validated header, and its tensors read on demand, converted to float32
 * ({@link #tensor}), double ({@link #doubles}) or long ({@link #longs}).
 *
 * <p>{@link #open} reads and validates only the header (see {@link SafeTensors} for every check); the data is
 * read from the file by each call, in chunks, so opening a large file is cheap. Each call opens the file again
 * and first checks that its size has not changed since {@code open}. The object is immutable and may be shared
 * between threads. Names are in <em>data order</em> (ascending {@code data_offsets}), which for files written
 * by safetensors, {@code fixtures.save} or nnlab is also the order of the header.
 */
public final class SafeTensorsFile {

    private static final int CHUNK_BYTES = 1 << 16; // a multiple of every item size

    private final Path file;
    private final long fileSize;
    private final long dataStart;
    private final Map<String, TensorInfo> infos;
    private final Map<String, String> metadata;

    private SafeTensorsFile(Path file, long fileSize, long dataStart, Header header) {
        this.file = file;
        this.fileSize = fileSize;
        this.dataStart = dataStart;
        Map<String, TensorInfo> byName = new LinkedHashMap<>();
        for (TensorInfo t : header.tensors) {
            byName.put(t.name(), t);
        }
        this.infos = Collections.unmodifiableMap(byName);
        this.metadata = header.metadata;
    }

    /**
     * Opens {@code file} and validates its header without reading any tensor data.
     *
     * @throws NoSuchFileException        if the file does not exist (the message gives the absolute path)
     * @throws SafeTensorsFormatException if the file is not a valid safetensors file
     * @throws IOException                if the file cannot be read
     */
    public static SafeTensorsFile open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a safetensors file; pass the file inside it, e.g. "
                    + file.resolve("model.safetensors"));
        }
        try (FileChannel ch = openChannel(file)) {
            long size = ch.size();
            if (size < 8) {
                throw new SafeTensorsFormatException(file, "the file is " + size + " bytes long, shorter than the 8-byte header "
                        + "length that starts every safetensors file; it is empty, truncated, or not a safetensors file");
            }
            ByteBuffer lengthField = readFully(file, ch, 0, 8);
            long n = lengthField.getLong(0);
            if (Long.compareUnsigned(n, SafeTensors.MAX_HEADER_BYTES) > 0) {
                throw new SafeTensorsFormatException(file, "the first 8 bytes (" + hex(lengthField) + ") declare a header of "
                        + Long.toUnsignedString(n) + " bytes, more than the " + SafeTensors.MAX_HEADER_BYTES + "-byte limit; "
                        + (lengthField.get(0) == 'P' && lengthField.get(1) == 'K'
                                ? "this looks like a zip archive, e.g. a PyTorch .pt/.pth file: load it in Python and save it with safetensors.torch.save_file"
                                : "the file is corrupt or not a safetensors file"));
            }
            if (n > size - 8) {
                throw new SafeTensorsFormatException(file, "the header length field says " + n + " bytes, but only " + (size - 8)
                        + " bytes follow it; the file is truncated (copy or download it again) or not a safetensors file");
            }
            byte[] headerBytes = readFully(file, ch, 8, (int) n).array();
            Header header = Header.parse(file, headerBytes, size - 8 - n);
            return new SafeTensorsFile(file, size, 8 + n, header);
        }
    }

    /** The file as given to {@link #open}. */
    public Path file() {
        return file;
    }

    /** The tensor names in data order. */
    public List<String> names() {
        return new ArrayList<>(infos.keySet());
    }

    /** The header's {@code __metadata__} entries, unmodifiable; empty if it has none. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * What the header says about tensor {@code name}.
     *
     * @throws IllegalArgumentException if there is no such tensor (the message lists the names)
     */
    public TensorInfo info(String name) {
        TensorInfo info = infos.get(name);
        if (info == null) {
            List<String> names = names();
            throw new IllegalArgumentException(file + " has no tensor \"" + name + "\"; it has " + names.size() + ": "
                    + (names.size() <= 20 ? names : names.subList(0, 20) + " ...") + ". Check the name");
        }
        return info;
    }

    /**
     * Tensor {@code name} as a float32 {@link Tensor} with the file's shape ({@code []} gives a 0-d tensor).
     * Conversions are described in {@link SafeTensors}.
     *
     * @throws SafeTensorsFormatException if the dtype cannot be converted (F8) or the shape does not fit a Tensor
     *                                    (more than {@link Shape#MAX_DIMS} dimensions or {@link Shape#MAX_ELEMENTS} elements)
     */
    public Tensor tensor(String name) throws IOException {
        TensorInfo info = info(name);
        int[] shape = tensorShape(info);
        try (FileChannel ch = openChannel(file)) {
            return read(ch, info, shape);
        }
    }

    /**
     * The values of tensor {@code name}, row-major, as doubles: exact for F64, F32, F16, BF16 and integers up to
     * 2^53 in magnitude (larger I64/U64 values are rounded).
     *
     * @throws SafeTensorsFormatException if the dtype is F8 or the tensor has more than {@link Shape#MAX_ELEMENTS} elements
     */
    public double[] doubles(String name) throws IOException {
        TensorInfo info = info(name);
        requireConvertible(info);
        double[] out = new double[elementCount(info)];
        try (FileChannel ch = openChannel(file)) {
            readChunks(ch, info, (buf, first, count) -> Conversions.toDoubles(info.dtype(), buf, out, first, count));
        }
        return out;
    }

    /**
     * The values of integer or BOOL tensor {@code name}, row-major, exactly (BOOL gives 0 and 1), e.g. a
     * BatchNorm {@code num_batches_tracked} or an optimizer step count.
     *
     * @throws IllegalArgumentException   if the tensor has a floating-point dtype (use {@link #doubles} or {@link #tensor})
     * @throws SafeTensorsFormatException if a U64 value exceeds {@code Long.MAX_VALUE}, or there are more than
     *                                    {@link Shape#MAX_ELEMENTS} elements
     */
    public long[] longs(String name) throws IOException {
        TensorInfo info = info(name);
        if (info.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(file + ": tensor \"" + name + "\" is " + info.dtype()
                    + ", not an integer dtype; read it with doubles(name) or tensor(name)");
        }
        long[] out = new long[elementCount(info)];
        try (FileChannel ch = openChannel(file)) {
            readChunks(ch, info, (buf, first, count) -> Conversions.toLongs(info.dtype(), buf, out, first, count));
        }
        if (info.dtype() == Dtype.U64) {
            for (int i = 0; i < out.length; i++) {
                if (out[i] < 0) {
                    throw new SafeTensorsFormatException(file, "tensor \"" + name + "\" element " + i + " is " + Long.toUnsignedString(out[i])
                            + ", more than a Java long holds; read it with doubles(name) (rounded) instead");
                }
            }
        }
        return out;
    }

    /**
     * Every tensor as float32, in data order. Checks that every tensor can be converted before reading any, so
     * it either returns them all or throws.
     */
    public Map<String, Tensor> tensors() throws IOException {
        List<int[]> shapes = new ArrayList<>();
        for (TensorInfo info : infos.values()) {
            shapes.add(tensorShape(info));
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (FileChannel ch = openChannel(file)) {
            int i = 0;
            for (TensorInfo info : infos.values()) {
                out.put(info.name(), read(ch, info, shapes.get(i++)));
            }
        }
        return out;
    }

    private Tensor read(FileChannel ch, TensorInfo info, int[] shape) throws IOException {
        float[] data = new float[elementCount(info)];
        readChunks(ch, info, (buf, first, count) -> Conversions.toFloats(info.dtype(), buf, data, first, count));
        return Tensor.of(data, shape);
    }

    /** What receives each chunk: {@code count} elements starting at element {@code first}. */
    private interface ChunkSink {
        void accept(ByteBuffer buf, int first, int count);
    }

    private void readChunks(FileChannel ch, TensorInfo info, ChunkSink sink) throws IOException {
        if (ch.size() != fileSize) {
            throw new SafeTensorsFormatException(file, "the file is now " + ch.size() + " bytes long but was " + fileSize
                    + " when it was opened; something changed it: open it again");
        }
        int itemSize = info.dtype().itemSize();
        long position = dataStart + info.dataOffset();
        long remaining = info.byteLength();
        int first = 0;
        while (remaining > 0) {
            int length = (int) Math.min(remaining, CHUNK_BYTES);
            ByteBuffer buf = readFully(file, ch, position, length);
            sink.accept(buf, first, length / itemSize);
            first += length / itemSize;
            position += length;
            remaining -= length;
        }
    }

    private int[] tensorShape(TensorInfo info) throws SafeTensorsFormatException {
        requireConvertible(info);
        long[] shape = info.shape();
        boolean fits = shape.length <= Shape.MAX_DIMS && info.numel() <= Shape.MAX_ELEMENTS;
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            fits &= shape[i] <= Integer.MAX_VALUE;
            out[i] = (int) shape[i];
        }
        if (!fits) {
            throw new SafeTensorsFormatException(file, "tensor \"" + info.name() + "\" has shape " + Arrays.toString(shape)
                    + ", which an nnlab Tensor cannot hold (at most " + Shape.MAX_DIMS + " dimensions, each below 2^31, and "
                    + Shape.MAX_ELEMENTS + " elements); reshape or split it in Python and save again");
        }
        return out;
    }

    private void requireConvertible(TensorInfo info) throws SafeTensorsFormatException {
        if (!info.dtype().isConvertible()) {
            throw new SafeTensorsFormatException(file, "tensor \"" + info.name() + "\" is " + info.dtype() + ", which nnlab cannot convert; "
                    + "convert it in Python (t.to(torch.float32)) and save again, or read the other tensors with SafeTensors.open(file)");
        }
    }

    private int elementCount(TensorInfo info) throws SafeTensorsFormatException {
        if (info.numel() > Shape.MAX_ELEMENTS) {
            throw new SafeTensorsFormatException(file, "tensor \"" + info.name() + "\" has " + info.numel()
                    + " elements, more than a Java array holds (" + Shape.MAX_ELEMENTS + "); split it in Python and save again");
        }
        return (int) info.numel();
    }

    private static FileChannel openChannel(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such safetensors file (absolute path "
                    + file.toAbsolutePath() + "); check the path");
        }
    }

    /** {@code length} bytes at {@code position}, little-endian, positioned at 0. */
    private static ByteBuffer readFully(Path file, FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new SafeTensorsFormatException(file, "the file ended at byte " + (position + buf.position())
                        + " while " + length + " bytes at " + position + " were read; something truncated it: open it again");
            }
        }
        return buf.flip();
    }

    private static String hex(ByteBuffer b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.limit(); i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02X", b.get(i) & 0xff));
        }
        return sb.toString();
    }
}
