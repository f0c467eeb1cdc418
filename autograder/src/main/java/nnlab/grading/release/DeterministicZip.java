package nnlab.grading.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip archive whose bytes depend only on its entries: the entries in the order given, every time stamp
 * 1980-01-01 00:00 (the earliest a zip can hold), Unix modes in the external attributes (which
 * {@link java.util.zip.ZipOutputStream} cannot write), UTF-8 names, no extra fields. Files are deflated, folders
 * stored. No ZIP64: at most 65,535 entries and 4 GiB.
 */
final class DeterministicZip {

    private static final int DOS_DATE_1980_01_01 = (1 << 5) | 1;
    private static final int UTF8_NAMES = 1 << 11;
    private static final int VERSION = 20;
    private static final int MADE_BY_UNIX = (3 << 8) | VERSION;
    private static final long MAX = 0xFFFF_FFFFL;

    private record Written(byte[] name, int method, long crc, long compressed, long size, int mode, long offset) {
    }

    private final OutputStream out;
    private final List<Written> written = new ArrayList<>();
    private long offset;

    /** Writes to {@code out}, which the caller closes after {@link #finish()}. */
    DeterministicZip(OutputStream out) {
        this.out = out;
    }

    /** Adds a file with Unix permissions {@code permissions} (e.g. {@code 0644}). */
    void file(String name, byte[] content, int permissions) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(content.length / 2 + 64);
        try {
            deflater.setInput(content);
            deflater.finish();
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        entry(name, Deflater.DEFLATED, crc.getValue(), compressed.toByteArray(), content.length,
                0100000 | permissions);
    }

    /** Adds a folder entry ({@code name} ends with {@code /}) with Unix permissions {@code permissions}. */
    void folder(String name, int permissions) throws IOException {
        entry(name, 0, 0, new byte[0], 0, 040000 | permissions);
    }

    private void entry(String name, int method, long crc, byte[] data, long size, int mode) throws IOException {
        if (written.size() >= 0xFFFF || size > MAX || offset + data.length > MAX) {
            throw new IOException("the zip would need ZIP64 (over 65,535 entries or 4 GiB) at " + name
                    + "; make the grading bundle smaller");
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int32(header, 0x04034b50);
        int16(header, VERSION);
        int16(header, UTF8_NAMES);
        int16(header, method);
        int16(header, 0);
        int16(header, DOS_DATE_1980_01_01);
        int32(header, crc);
        int32(header, data.length);
        int32(header, size);
        int16(header, nameBytes.length);
        int16(header, 0);
        header.write(nameBytes);
        written.add(new Written(nameBytes, method, crc, data.length, size, mode, offset));
        header.writeTo(out);
        out.write(data);
        offset += header.size() + data.length;
    }

    /** Writes the central directory; call once, after the last entry. */
    void finish() throws IOException {
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Written entry : written) {
            int32(directory, 0x02014b50);
            int16(directory, MADE_BY_UNIX);
            int16(directory, VERSION);
            int16(directory, UTF8_NAMES);
            int16(directory, entry.method());
            int16(directory, 0);
            int16(directory, DOS_DATE_1980_01_01);
            int32(directory, entry.crc());
            int32(directory, entry.compressed());
            int32(directory, entry.size());
            int16(directory, entry.name().length);
            int16(directory, 0);
            int16(directory, 0);
            int16(directory, 0);
            int16(directory, 0);
            boolean isFolder = (entry.mode() & 040000) != 0;
            int32(directory, ((long) entry.mode() << 16) | (isFolder ? 0x10 : 0));
            int32(directory, entry.offset());
            directory.write(entry.name());
        }
        long directorySize = directory.size();
        if (offset + directorySize > MAX) {
            throw new IOException("the zip would need ZIP64 (over 4 GiB); make the grading bundle smaller");
        }
        int32(directory, 0x06054b50);
        int16(directory, 0);
        int16(directory, 0);
        int16(directory, written.size());
        int16(directory, written.size());
        int32(directory, directorySize);
        int32(directory, offset);
        int16(directory, 0);
        directory.writeTo(out);
        offset += directory.size();
    }

    private static void int16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, long value) {
        int16(out, (int) (value & 0xFFFF));
        int16(out, (int) ((value >>> 16) & 0xFFFF));
    }
}
