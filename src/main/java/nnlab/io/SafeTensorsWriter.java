package nnlab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nnlab.tensor.Shape;
import nnlab.tensor.Tensor;

/**
 * Collects tensors and metadata, then writes them as one safetensors file, atomically. Get one from
 * {@link SafeTensors#writer()}:
 * <pre>{@code
 * SafeTensors.writer()
 *         .putF32("fc.weight", weight)
 *         .putI64("bn.num_batches_tracked", new long[] {100})      // no shape: 0-d, as PyTorch stores it
 *         .putF64("adam.lr", new double[] {1e-3})
 *         .metadata("epoch", "3")
 *         .writeTo(Path.of("checkpoint.safetensors"));
 * }</pre>
 *
 * <p><b>Layout</b>, byte for byte that of {@code safetensors.torch.save_file} (checked against safetensors
 * 0.8.0): tensors ordered by dtype, largest element size first (I64 entries, then F64, then F32), then by name in
 * Unicode code point order; their data back to back with no gaps; the header compact JSON with
 * {@code __metadata__} first (omitted when empty), padded with spaces to a multiple of 8 bytes. The one
 * difference: metadata keys are sorted here, while the Rust writer emits them in hash order. Values are written
 * bit for bit: NaN payloads, -0.0, subnormals and infinities survive a round trip.
 *
 * <p><b>Atomic.</b> {@link #writeTo} writes a temporary file in the target's directory, forces it to disk and
 * renames it over the target ({@code ATOMIC_MOVE}). If anything fails, the temporary file is deleted and an
 * existing target is left as it was. Arrays and tensors are read when {@code writeTo} runs, not when added.
 */
public final class SafeTensorsWriter {

    private static final int CHUNK_BYTES = 1 << 16;

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> metadata = new TreeMap<>(JsonHeaderWriter.CODE_POINT_ORDER);

    /** One tensor to write: exactly one of the three arrays is set. */
    private record Entry(String name, Dtype dtype, int[] shape, float[] f32, double[] f64, long[] i64) {
    }

    SafeTensorsWriter() {
    }

    /**
     * Adds {@code tensor} as F32 with its shape.
     *
     * @throws IllegalArgumentException if the name is null, empty, {@code "__metadata__"}, already added, or not
     *                                  valid Unicode (an unpaired surrogate), or the tensor is null
     */
    public SafeTensorsWriter putF32(String name, Tensor tensor) {
        checkName(name, "putF32");
        if (tensor == null) {
            throw new IllegalArgumentException("putF32(\"" + name + "\"): tensor is null; pass the tensor to save");
        }
        entries.put(name, new Entry(name, Dtype.F32, tensor.shape(), tensor.data(), null, null));
        return this;
    }

    /**
     * Adds {@code values} (row-major) as F64 with {@code shape}; no shape means a 0-d scalar (one value), e.g.
     * {@code putF64("lr", new double[] {1e-3})}. Use it for values that must survive exactly, such as learning rates.
     *
     * @throws IllegalArgumentException for a bad name (see {@link #putF32}), a bad shape, or a value count that does not match it
     */
    public SafeTensorsWriter putF64(String name, double[] values, int... shape) {
        checkName(name, "putF64");
        checkValues("putF64", name, values == null ? -1 : values.length, shape);
        entries.put(name, new Entry(name, Dtype.F64, shape.clone(), null, values, null));
        return this;
    }

    /**
     * Adds {@code values} (row-major) as I64 with {@code shape}; no shape means a 0-d scalar, as PyTorch stores
     * {@code num_batches_tracked}.
     *
     * @throws IllegalArgumentException for a bad name (see {@link #putF32}), a bad shape, or a value count that does not match it
     */
    public SafeTensorsWriter putI64(String name, long[] values, int... shape) {
        checkName(name, "putI64");
        checkValues("putI64", name, values == null ? -1 : values.length, shape);
        entries.put(name, new Entry(name, Dtype.I64, shape.clone(), null, null, values));
        return this;
    }

    /**
     * Adds (or replaces) the metadata entry {@code key: value}.
     *
     * @throws IllegalArgumentException if either is null or has an unpaired surrogate
     */
    public SafeTensorsWriter metadata(String key, String value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("metadata(" + key + ", " + value + "): keys and values must not be null; use \"\" for nothing");
        }
        requireUnicode("metadata key", key);
        requireUnicode("metadata value for \"" + key + "\"", value);
        metadata.put(key, value);
        return this;
    }

    /**
     * Writes everything added so far to {@code file}, atomically, replacing it if it exists.
     *
     * @throws IOException if the file cannot be written; the target is then unchanged and no temporary file remains
     */
    public void writeTo(Path file) throws IOException {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparingInt((Entry e) -> e.dtype().saveFileRank()).thenComparing(Entry::name, JsonHeaderWriter.CODE_POINT_ORDER));
        List<JsonHeaderWriter.Entry> layout = new ArrayList<>();
        long offset = 0;
        for (Entry e : sorted) {
            long bytes = (long) length(e) * e.dtype().itemSize();
            layout.add(new JsonHeaderWriter.Entry(e.name(), e.dtype(), e.shape(), offset, offset + bytes));
            offset += bytes;
        }
        byte[] header = JsonHeaderWriter.header(layout, metadata);
        if (header.length > SafeTensors.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("the header would be " + header.length + " bytes, more than readers accept ("
                    + SafeTensors.MAX_HEADER_BYTES + "); use shorter names or less metadata, or split the tensors over several files");
        }
        AtomicFile.write(file, out -> {
            AtomicFile.writeAll(out, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length));
            AtomicFile.writeAll(out, ByteBuffer.wrap(header));
            writeData(out, sorted);
        });
    }

    private static void writeData(FileChannel out, List<Entry> sorted) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Entry e : sorted) {
            int n = length(e);
            for (int i = 0; i < n; i++) {
                if (buf.remaining() < 8) {
                    AtomicFile.writeAll(out, buf.flip());
                    buf.clear();
                }
                switch (e.dtype()) {
                    case F32 -> buf.putInt(Float.floatToRawIntBits(e.f32()[i]));
                    case F64 -> buf.putLong(Double.doubleToRawLongBits(e.f64()[i]));
                    default -> buf.putLong(e.i64()[i]);
                }
            }
        }
        AtomicFile.writeAll(out, buf.flip());
    }

    private static int length(Entry e) {
        return e.f32() != null ? e.f32().length : e.f64() != null ? e.f64().length : e.i64().length;
    }

    private void checkName(String name, String op) {
        if (name == null || name.isEmpty() || name.equals("__metadata__")) {
            throw new IllegalArgumentException(op + ": tensor name " + (name == null ? "null" : "\"" + name + "\"")
                    + " is not allowed; use a non-empty name other than \"__metadata__\" (which holds the metadata), e.g. \"fc1.weight\"");
        }
        requireUnicode(op + ": tensor name", name);
        if (entries.containsKey(name)) {
            throw new IllegalArgumentException(op + ": tensor \"" + name + "\" was already added; each name may appear once");
        }
    }

    private static void checkValues(String op, String name, int length, int[] shape) {
        if (length < 0) {
            throw new IllegalArgumentException(op + "(\"" + name + "\"): values are null; pass the values, row-major");
        }
        int numel = Shape.validate(op + "(\"" + name + "\")", shape);
        if (length != numel) {
            throw new IllegalArgumentException(op + "(\"" + name + "\"): " + length + " values but shape " + Shape.format(shape)
                    + " needs " + numel + "; pass values and shape that match (no shape means a 0-d scalar: one value)");
        }
    }

    /** Rejects strings with an unpaired surrogate, which UTF-8 cannot encode (Java would silently write '?'). */
    private static void requireUnicode(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format("%s has an unpaired surrogate U+%04X at index %d, which UTF-8 cannot "
                        + "encode; fix the string (it was probably cut in the middle of a character)", what, (int) c, i));
            }
        }
    }
}
