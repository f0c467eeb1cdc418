package nnlab.grading.intake;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a zip file from its central directory (APPNOTE 6.3), the only place that records each entry's file type:
 * a Unix symbolic link is an entry whose external attributes carry {@code S_IFLNK} in their upper 16 bits, which
 * {@code java.util.zip} does not expose. Every size, count and offset in the archive is treated as a claim: reads
 * are bounded by the file and by {@link ReadBudget}, never by what a header says. ZIP64 records are understood;
 * split archives are refused.
 */
final class ZipSubmission implements Closeable {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int END_SIZE = 22;

    private final Path file;
    private final FileChannel channel;
    private final long size;

    private ZipSubmission(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
    }

    /** Opens the zip at {@code file}; close it when done. */
    static ZipSubmission open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new ZipSubmission(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Lists up to {@code limits.maxEntries()} entries in central-directory order.
     *
     * @throws UnreadableSubmissionException if the end record or the central directory is missing or damaged
     */
    SubmissionListing list(IntakeLimits limits) throws IOException {
        CentralDirectory directory = findCentralDirectory();
        List<SubmissionEntry> entries = new ArrayList<>();
        long position = directory.offset;
        long end = directory.offset + directory.size;
        while (position < end) {
            ZipRecord record = readCentralHeader(position, end, entries.size());
            if (entries.size() == limits.maxEntries()) {
                return new SubmissionListing(List.copyOf(entries), record.name());
            }
            entries.add(record);
            position = record.next();
        }
        return new SubmissionListing(List.copyOf(entries), null);
    }

    private record CentralDirectory(long offset, long size) {
    }

    private CentralDirectory findCentralDirectory() throws IOException {
        if (size < END_SIZE) {
            throw damaged("it is too short to be a zip file");
        }
        int tailLength = (int) Math.min(size, END_SIZE + 0xFFFF);
        ByteBuffer tail = read(size - tailLength, tailLength);
        int end = -1;
        for (int i = tailLength - END_SIZE; i >= 0 && end < 0; i--) {
            if (tail.getInt(i) == END_OF_CENTRAL_DIRECTORY && i + END_SIZE + u16(tail, i + 20) == tailLength) {
                end = i;
            }
        }
        for (int i = tailLength - END_SIZE; i >= 0 && end < 0; i--) {
            if (tail.getInt(i) == END_OF_CENTRAL_DIRECTORY && i + END_SIZE + u16(tail, i + 20) <= tailLength) {
                end = i;
            }
        }
        if (end < 0) {
            throw damaged("its end record is missing (the file is cut off or not a zip)");
        }
        long endPosition = size - tailLength + end;
        int disk = u16(tail, end + 4);
        int directoryDisk = u16(tail, end + 6);
        long directorySize = u32(tail, end + 12);
        long directoryOffset = u32(tail, end + 16);
        long limit = endPosition;
        ByteBuffer locator = endPosition >= 20 ? read(endPosition - 20, 20) : null;
        if (locator != null && locator.getInt(0) == ZIP64_LOCATOR) {
            long zip64End = locator.getLong(8);
            if (zip64End < 0 || zip64End > endPosition - 20 - 56) {
                throw damaged("its ZIP64 end record points outside the file");
            }
            ByteBuffer record = read(zip64End, 56);
            if (record.getInt(0) != ZIP64_END) {
                throw damaged("its ZIP64 end record is missing");
            }
            disk = record.getInt(16);
            directoryDisk = record.getInt(20);
            directorySize = record.getLong(40);
            directoryOffset = record.getLong(48);
            limit = zip64End;
        }
        if (disk != 0 || directoryDisk != 0) {
            throw new UnreadableSubmissionException("Your zip file is one part of a split archive, which the "
                    + "grader cannot read. Create a single zip file and submit again.");
        }
        if (directoryOffset < 0 || directorySize < 0 || directoryOffset > limit - directorySize) {
            throw damaged("its central directory lies outside the file");
        }
        return new CentralDirectory(directoryOffset, directorySize);
    }

    private ZipRecord readCentralHeader(long position, long end, int index) throws IOException {
        if (position > end - 46) {
            throw damaged("its central directory ends in the middle of entry " + (index + 1));
        }
        ByteBuffer header = read(position, 46);
        if (header.getInt(0) != CENTRAL_HEADER) {
            throw damaged("its central directory is broken at entry " + (index + 1));
        }
        int nameLength = u16(header, 28);
        int extraLength = u16(header, 30);
        int commentLength = u16(header, 32);
        long next = position + 46 + nameLength + extraLength + commentLength;
        if (next > end) {
            throw damaged("its central directory ends in the middle of entry " + (index + 1));
        }
        byte[] nameBytes = bytes(read(position + 46, nameLength));
        ByteBuffer extra = read(position + 46 + nameLength, extraLength);
        int flags = u16(header, 8);
        ZipRecord record = new ZipRecord(this, decodeName(nameBytes, (flags & 0x800) != 0), nameBytes,
                u16(header, 4), flags, u16(header, 10), u32(header, 16), u32(header, 20), u32(header, 24),
                u32(header, 42), u32(header, 38), next);
        return record.withZip64(extra);
    }

    /** Reads entry data for {@link ZipRecord#read}: locates it through the local header and checks that header. */
    long dataStart(ZipRecord record) throws IOException, EntryRejectedException {
        if (record.localHeaderOffset() > size - 30) {
            throw ZipRecord.corrupt("its local header lies outside the zip");
        }
        ByteBuffer local = read(record.localHeaderOffset(), 30);
        if (local.getInt(0) != LOCAL_HEADER) {
            throw ZipRecord.corrupt("its local header is missing");
        }
        int nameLength = u16(local, 26);
        long start = record.localHeaderOffset() + 30 + nameLength + u16(local, 28);
        if (start > size) {
            throw ZipRecord.corrupt("its local header runs past the end of the zip");
        }
        if (!Arrays.equals(bytes(read(record.localHeaderOffset() + 30, nameLength)), record.rawName())) {
            throw ZipRecord.corrupt("its two headers name different files");
        }
        if (record.compressedSize() > size - start) {
            throw ZipRecord.corrupt("its data runs past the end of the zip");
        }
        return start;
    }

    /** Reads up to {@code into.remaining()} bytes at {@code position}; the count read, -1 at the end of the file. */
    int readAt(long position, ByteBuffer into) throws IOException {
        return channel.read(into, position);
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw damaged("it ends unexpectedly (is it cut off?)");
            }
        }
        return buffer.flip();
    }

    private UnreadableSubmissionException damaged(String why) {
        return new UnreadableSubmissionException("Your zip file cannot be read: " + why
                + ". Create it again with a standard tool (your system's \"compress\" or \"zip\") and submit again.");
    }

    /**
     * An entry name: UTF-8 when flagged or when valid as UTF-8 (what most tools write), else IBM437 as APPNOTE
     * specifies (ISO-8859-1 if this runtime lacks IBM437). The name only classifies and reports the entry.
     */
    private static String decodeName(byte[] bytes, boolean utf8Flag) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            Charset legacy = !utf8Flag && Charset.isSupported("IBM437") ? Charset.forName("IBM437")
                    : StandardCharsets.ISO_8859_1;
            return new String(bytes, legacy);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    static int u16(ByteBuffer buffer, int index) {
        return Short.toUnsignedInt(buffer.getShort(index));
    }

    static long u32(ByteBuffer buffer, int index) {
        return Integer.toUnsignedLong(buffer.getInt(index));
    }

    @Override
    public String toString() {
        return "zip " + file;
    }
}
