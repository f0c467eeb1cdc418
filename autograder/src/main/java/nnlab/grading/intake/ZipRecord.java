package nnlab.grading.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One entry of a zip's central directory, and how to read its data within a {@link ReadBudget}.
 *
 * @param zip                the archive it belongs to
 * @param name               the decoded entry name
 * @param rawName            the name's bytes, compared with the local header's
 * @param versionMadeBy      the "version made by" field (upper byte: the host system)
 * @param flags              the general purpose flags (bit 0: encrypted)
 * @param method             the compression method (0 stored, 8 deflate)
 * @param crc                the CRC-32 of the uncompressed data
 * @param compressedSize     the compressed size, a claim checked against the file
 * @param uncompressedSize   the uncompressed size, a claim used only to refuse early
 * @param localHeaderOffset  where the entry's local header starts
 * @param externalAttributes the external attributes (upper 16 bits: Unix mode; low byte: MS-DOS attributes)
 * @param next               where the next central directory header starts
 */
record ZipRecord(ZipSubmission zip, String name, byte[] rawName, int versionMadeBy, int flags, int method,
                 long crc, long compressedSize, long uncompressedSize, long localHeaderOffset,
                 long externalAttributes, long next) implements SubmissionEntry {

    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int DOS_DIRECTORY = 0x10;
    private static final int DOS_REPARSE_POINT = 0x400;
    private static final long U32_MAX = 0xFFFFFFFFL;
    private static final int ZIP64_EXTRA = 0x0001;
    /** Marks sizes that a broken ZIP64 extra field left unknown; such an entry reads as corrupt. */
    private static final long UNKNOWN = -1;

    /**
     * The type, from the external attributes whatever host made the zip: a Unix link (or a Windows reparse point)
     * is {@link Kind#LINK}, a name ending in {@code /} or a directory mode or attribute is {@link Kind#DIRECTORY},
     * another Unix file type (device, pipe, socket) is {@link Kind#SPECIAL}.
     */
    @Override
    public Kind kind() {
        int unixType = (int) (externalAttributes >>> 16) & S_IFMT;
        if (unixType == S_IFLNK || (externalAttributes & DOS_REPARSE_POINT) != 0) {
            return Kind.LINK;
        }
        if (name.endsWith("/") || name.endsWith("\\") || unixType == S_IFDIR
                || (externalAttributes & DOS_DIRECTORY) != 0) {
            return Kind.DIRECTORY;
        }
        return unixType == 0 || unixType == S_IFREG ? Kind.FILE : Kind.SPECIAL;
    }

    /** This record with the ZIP64 extra field's sizes and offset in place of the 0xFFFFFFFF markers. */
    ZipRecord withZip64(ByteBuffer extra) {
        if (uncompressedSize != U32_MAX && compressedSize != U32_MAX && localHeaderOffset != U32_MAX) {
            return this;
        }
        extra.order(ByteOrder.LITTLE_ENDIAN);
        long uncompressed = UNKNOWN;
        long compressed = UNKNOWN;
        long offset = UNKNOWN;
        int at = 0;
        while (at + 4 <= extra.limit()) {
            int id = ZipSubmission.u16(extra, at);
            int length = ZipSubmission.u16(extra, at + 2);
            int field = at + 4;
            int fieldEnd = field + length;
            if (fieldEnd > extra.limit()) {
                break;
            }
            if (id == ZIP64_EXTRA) {
                uncompressed = uncompressedSize;
                compressed = compressedSize;
                offset = localHeaderOffset;
                if (uncompressedSize == U32_MAX) {
                    uncompressed = field + 8 <= fieldEnd ? extra.getLong(field) : UNKNOWN;
                    field += 8;
                }
                if (compressedSize == U32_MAX) {
                    compressed = field + 8 <= fieldEnd ? extra.getLong(field) : UNKNOWN;
                    field += 8;
                }
                if (localHeaderOffset == U32_MAX) {
                    offset = field + 8 <= fieldEnd ? extra.getLong(field) : UNKNOWN;
                }
                break;
            }
            at = fieldEnd;
        }
        return new ZipRecord(zip, name, rawName, versionMadeBy, flags, method, crc, compressed, uncompressed,
                offset, externalAttributes, next);
    }

    @Override
    public byte[] read(ReadBudget budget) throws EntryRejectedException, IOException {
        if (compressedSize < 0 || uncompressedSize < 0 || localHeaderOffset < 0) {
            throw corrupt("its ZIP64 sizes are missing");
        }
        if ((flags & 1) != 0) {
            throw new EntryRejectedException(IgnoreReason.ENCRYPTED, "it is password-protected; submit a zip "
                    + "without a password");
        }
        if (method != 0 && method != 8) {
            throw new EntryRejectedException(IgnoreReason.UNSUPPORTED_COMPRESSION, "it is compressed with method "
                    + method + ", which the grader cannot read; create the zip with a standard tool (deflate)");
        }
        ReadBudget.FileBuffer buffer = budget.startFile(uncompressedSize);
        long start = zip.dataStart(this);
        byte[] data = method == 0 ? stored(start, buffer) : inflate(start, buffer);
        CRC32 check = new CRC32();
        check.update(data);
        if (data.length != uncompressedSize || check.getValue() != crc) {
            throw corrupt("its contents do not match the size and checksum the zip records");
        }
        return data;
    }

    private byte[] stored(long start, ReadBudget.FileBuffer buffer) throws IOException, EntryRejectedException {
        byte[] chunk = new byte[8192];
        long position = start;
        long end = start + compressedSize;
        while (position < end) {
            int n = zip.readAt(position, ByteBuffer.wrap(chunk, 0, (int) Math.min(buffer.nextChunk(), end - position)));
            if (n <= 0) {
                throw corrupt("its data is cut off");
            }
            buffer.append(chunk, 0, n);
            position += n;
        }
        return buffer.toByteArray();
    }

    /**
     * Inflates the raw deflate stream, counting every byte produced; the compressed input is bounded by the
     * recorded compressed size (checked to lie inside the file), the output by the budget.
     */
    private byte[] inflate(long start, ReadBudget.FileBuffer buffer) throws IOException, EntryRejectedException {
        Inflater inflater = new Inflater(true);
        try {
            byte[] input = new byte[8192];
            byte[] output = new byte[8192];
            long position = start;
            long end = start + compressedSize;
            boolean paddingGiven = false;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    if (position < end) {
                        int n = zip.readAt(position, ByteBuffer.wrap(input, 0, (int) Math.min(input.length, end - position)));
                        if (n <= 0) {
                            throw corrupt("its data is cut off");
                        }
                        position += n;
                        inflater.setInput(input, 0, n);
                    } else if (!paddingGiven) {
                        // A raw (nowrap) inflater may need one byte past the stream to report its end, as in ZipFile.
                        paddingGiven = true;
                        inflater.setInput(new byte[1]);
                    } else {
                        throw corrupt("its compressed data ends too early");
                    }
                }
                int produced = inflater.inflate(output, 0, buffer.nextChunk());
                if (produced > 0) {
                    buffer.append(output, 0, produced);
                } else if (inflater.needsDictionary() || (!inflater.needsInput() && !inflater.finished())) {
                    throw corrupt("its compressed data is invalid");
                }
            }
            return buffer.toByteArray();
        } catch (DataFormatException e) {
            throw corrupt("its compressed data is invalid");
        } finally {
            inflater.end();
        }
    }

    /** An entry that cannot be read because its zip data is damaged. */
    static EntryRejectedException corrupt(String why) {
        return new EntryRejectedException(IgnoreReason.CORRUPT, why + "; create the zip again and submit again");
    }
}
