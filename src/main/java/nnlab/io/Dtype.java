package nnlab.io;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element types of the safetensors format, with the header spelling ({@code "F32"}) as the constant name
 * and the size of one element in bytes. Data is always little-endian.
 *
 * <p>nnlab converts every type except the two 8-bit floats to float32 ({@link SafeTensorsFile#tensor}),
 * to double ({@link SafeTensorsFile#doubles}) and, for the integer types and {@code BOOL}, to long
 * ({@link SafeTensorsFile#longs}). {@code F8_E5M2} and {@code F8_E4M3} are recognised, so a file holding them
 * still opens and can be inspected, but their values cannot be read. Types added to the format after these
 * ({@code F4}, {@code F6_*}, {@code F8_E8M0}, {@code C64}, ...) are rejected when the file is opened.
 */
public enum Dtype {
    /** IEEE 754 binary64. */
    F64(8),
    /** IEEE 754 binary32, nnlab's own type. */
    F32(4),
    /** IEEE 754 binary16 (half): 1 sign, 5 exponent and 10 fraction bits. */
    F16(2),
    /** bfloat16: the top 16 bits of a binary32 (1 sign, 8 exponent, 7 fraction bits). */
    BF16(2),
    /** 8-bit float with 5 exponent and 2 fraction bits; recognised, not convertible. */
    F8_E5M2(1),
    /** 8-bit float with 4 exponent and 3 fraction bits; recognised, not convertible. */
    F8_E4M3(1),
    /** Signed 64-bit integer, two's complement ({@code torch.int64}, PyTorch's default integer type). */
    I64(8),
    /** Unsigned 64-bit integer. */
    U64(8),
    /** Signed 32-bit integer. */
    I32(4),
    /** Unsigned 32-bit integer. */
    U32(4),
    /** Signed 16-bit integer. */
    I16(2),
    /** Unsigned 16-bit integer. */
    U16(2),
    /** Signed 8-bit integer. */
    I8(1),
    /** Unsigned 8-bit integer ({@code torch.uint8}). */
    U8(1),
    /** Boolean, one byte per element: 0 is false, anything else true (PyTorch writes 0 and 1). */
    BOOL(1);

    private final int itemSize;

    Dtype(int itemSize) {
        this.itemSize = itemSize;
    }

    /** The size of one element in bytes: 8, 4, 2 or 1. */
    public int itemSize() {
        return itemSize;
    }

    /** Whether this is a floating-point type ({@code F64}, {@code F32}, {@code F16}, {@code BF16}, {@code F8_*}). */
    public boolean isFloatingPoint() {
        return this == F64 || this == F32 || this == F16 || this == BF16 || this == F8_E5M2 || this == F8_E4M3;
    }

    /**
     * Where {@code safetensors.torch.save_file} puts tensors of this type: it sorts by this rank, then by name.
     * The rank is the reverse of the Rust crate's {@code Dtype} declaration order (U64, I64, F64, F32, U32, I32,
     * BF16, F16, U16, I16, F8_E4M3, F8_E5M2, I8, U8, BOOL), which groups element sizes largest first but, within
     * one size, is not alphabetical: I64 comes before F64. Checked against safetensors 0.8.0.
     */
    int saveFileRank() {
        return switch (this) {
            case U64 -> 0;
            case I64 -> 1;
            case F64 -> 2;
            case F32 -> 3;
            case U32 -> 4;
            case I32 -> 5;
            case BF16 -> 6;
            case F16 -> 7;
            case U16 -> 8;
            case I16 -> 9;
            case F8_E4M3 -> 10;
            case F8_E5M2 -> 11;
            case I8 -> 12;
            case U8 -> 13;
            case BOOL -> 14;
        };
    }

    /** Whether {@link SafeTensorsFile#tensor} and {@link SafeTensorsFile#doubles} can convert this type. */
    public boolean isConvertible() {
        return this != F8_E5M2 && this != F8_E4M3;
    }

    /**
     * The type spelled {@code name} in a header, or {@code null} if there is none. Spelling is exact, as in the
     * format: {@code "F32"}, not {@code "f32"} or {@code "float32"}.
     */
    static Dtype fromHeader(String name) {
        for (Dtype d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** The header spellings, comma-separated, for error messages. */
    static String allNames() {
        return Arrays.stream(values()).map(Dtype::name).collect(Collectors.joining(", "));
    }
}
