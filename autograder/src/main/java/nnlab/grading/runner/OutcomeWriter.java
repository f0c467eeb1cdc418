package nnlab.grading.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends events to the outcome file in the test JVM ({@link OutcomeFormat}): each line is tagged with the
 * run's token, written with one call on an unbuffered channel and forced to disk before the method returns,
 * so what was written survives any later death of the JVM. Thread-safe.
 */
final class OutcomeWriter implements AutoCloseable {

    private final FileChannel channel;
    private final String token;

    private OutcomeWriter(FileChannel channel, String token) {
        this.channel = channel;
        this.token = token;
    }

    /**
     * Opens the outcome file the runner created, for appending; it is not created here, and a link is refused.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    static OutcomeWriter open(Path file, String token) {
        try {
            return new OutcomeWriter(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                    LinkOption.NOFOLLOW_LINKS), token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outcome file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends one event: {@code token} and {@code event} first, then {@code fields} in order.
     *
     * @param fields pairs of field names and values (strings, or a {@code Map<String, String>})
     * @throws UncheckedIOException if the line cannot be written
     */
    void write(String event, Object... fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(OutcomeFormat.TOKEN, token);
        line.put(OutcomeFormat.EVENT, event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.put((String) fields[i], fields[i + 1] == null ? "" : fields[i + 1]);
        }
        ByteBuffer bytes = ByteBuffer.wrap((JsonLine.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the outcome file: " + e.getMessage(), e);
            }
        }
    }

    /** Closes the file; later writes fail. */
    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
