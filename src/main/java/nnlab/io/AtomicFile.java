package nnlab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that readers only ever see the old contents or the complete new ones: the bytes go to a
 * temporary file in the same directory, which is forced to disk and then renamed over the target
 * ({@code ATOMIC_MOVE}). If anything fails (or the run is interrupted) the temporary file is deleted and an existing
 * target is unchanged. Used for weights, histories and run reports.
 */
public final class AtomicFile {

    /** Writes the body of a file to an open channel. */
    @FunctionalInterface
    public interface Body {
        /** Writes everything to {@code out}. */
        void writeTo(FileChannel out) throws IOException;
    }

    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private AtomicFile() {
    }

    /** Atomically replaces {@code file} with UTF-8 {@code text}. */
    public static void writeString(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(file, out -> writeAll(out, ByteBuffer.wrap(bytes)));
    }

    /**
     * Atomically replaces {@code file} with what {@code body} writes.
     *
     * @throws IOException if the file cannot be written; the target is then unchanged and no temporary file remains
     */
    public static void write(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            FileChannel ch = null;
            for (int attempt = 0; ch == null; attempt++) {
                String base = target.getFileName().toString();
                tmp = target.resolveSibling("." + base.substring(0, Math.min(base.length(), 100)) + "." + ProcessHandle.current().pid()
                        + "-" + TEMP_COUNTER.incrementAndGet() + ".tmp"); // short enough for a 255-byte file name limit
                try {
                    ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 100) {
                        throw e;
                    }
                }
            }
            try (FileChannel out = ch) {
                body.writeTo(out);
                out.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException | RuntimeException | Error e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof IOException) {
                throw new IOException("could not write " + file + " (" + e + "); " + (Files.exists(target)
                        ? "the existing file is unchanged" : "nothing was written") + ". Check that the directory exists, is writable and has space", e);
            }
            throw e;
        }
        syncDirectory(target.getParent());
    }

    /** Writes the whole buffer. */
    static void writeAll(FileChannel out, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            out.write(buf);
        }
    }

    /** Makes the rename durable where the platform allows opening a directory (Linux, macOS); best effort elsewhere. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // The file is already in place; only its durability across a power loss is not guaranteed.
        }
    }
}
