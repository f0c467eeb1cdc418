package nnlab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that readers only ever see the old contents or the complete new ones: the bytes go to a
 * temporary file in the same directory, which is forced to disk and then renamed over the target
 * ({@code ATOMIC_MOVE}). If anything fails (or the run is interrupted) the temporary file is deleted and an existing
 * target is unchanged. A process killed outright (SIGKILL) cannot delete it: the next successful write of the same
 * file removes such temporary files of processes that no longer run. Used for weights, histories and run reports.
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
                tmp = target.resolveSibling(tempPrefix(target) + ProcessHandle.current().pid()
                        + "-" + TEMP_COUNTER.incrementAndGet() + ".tmp");
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
        removeTempFilesOfDeadWriters(target);
    }

    /**
     * {@code .NAME.} (NAME cut to 100 characters, so that the temporary name stays under a 255-byte file name
     * limit); the temporary file is this plus {@code PID-COUNTER.tmp}.
     */
    private static String tempPrefix(Path target) {
        String base = target.getFileName().toString();
        return "." + base.substring(0, Math.min(base.length(), 100)) + ".";
    }

    /**
     * Deletes temporary files for {@code target} left by writers that were killed mid-write (SIGKILL, power
     * loss: nothing could delete them then), recognised by the process id in their name no longer running.
     * Best effort: a file that cannot be listed or deleted stays.
     */
    private static void removeTempFilesOfDeadWriters(Path target) {
        String prefix = tempPrefix(target);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(target.getParent(), prefix + "*.tmp")) {
            for (Path tmp : temps) {
                String name = tmp.getFileName().toString();
                String pidAndCounter = name.substring(prefix.length(), name.length() - ".tmp".length());
                int dash = pidAndCounter.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(pidAndCounter.substring(0, dash));
                    Long.parseLong(pidAndCounter.substring(dash + 1));
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException | RuntimeException bestEffort) {
            // Leftover temporary files are hidden and harmless; the new file is in place.
        }
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
