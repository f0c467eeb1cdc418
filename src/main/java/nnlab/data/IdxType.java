package nnlab.data;

/**
 * The element types of the IDX format (third byte of the magic number), as defined with the MNIST files
 * (http://yann.lecun.com/exdb/mnist/). All multi-byte values are big-endian.
 */
public enum IdxType {
    /** {@code 0x08}: unsigned byte (MNIST pixels and labels). */
    UBYTE(0x08, 1),
    /** {@code 0x09}: signed byte. */
    BYTE(0x09, 1),
    /** {@code 0x0B}: 16-bit signed integer. */
    SHORT(0x0B, 2),
    /** {@code 0x0C}: 32-bit signed integer. */
    INT(0x0C, 4),
    /** {@code 0x0D}: 32-bit IEEE float. */
    FLOAT(0x0D, 4),
    /** {@code 0x0E}: 64-bit IEEE double. */
    DOUBLE(0x0E, 8);

    private final int code;
    private final int bytes;

    IdxType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The type code as stored in the header, e.g. {@code 0x08}. */
    public int code() {
        return code;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type with this code, or {@code null} if the IDX format defines none. */
    public static IdxType ofCode(int code) {
        for (IdxType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
