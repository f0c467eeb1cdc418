package nnlab.grading.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a test JVM's standard output or error on its own daemon thread, as fast as the JVM writes, so the JVM
 * never blocks on a full pipe. Keeps the first {@code keep} bytes and the last {@link #TAIL_BYTES}, counts
 * everything, and calls {@code onLimit} when the bytes of all drains sharing {@code total} exceed {@code limit}.
 */
final class StreamDrain implements Runnable {

    /** How many of the last bytes are kept, where the JVM's own last words (e.g. out of memory) appear. */
    static final int TAIL_BYTES = 4096;

    private final InputStream in;
    private final int keep;
    private final AtomicLong total;
    private final long limit;
    private final Runnable onLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail = new byte[TAIL_BYTES];
    private long bytes;
    private Thread thread;

    private StreamDrain(InputStream in, int keep, AtomicLong total, long limit, Runnable onLimit) {
        this.in = in;
        this.keep = keep;
        this.total = total;
        this.limit = limit;
        this.onLimit = onLimit;
    }

    /** Starts draining {@code in} on a daemon thread named {@code name}. */
    static StreamDrain start(String name, InputStream in, int keep, AtomicLong total, long limit, Runnable onLimit) {
        StreamDrain drain = new StreamDrain(in, keep, total, limit, onLimit);
        drain.thread = new Thread(drain, name);
        drain.thread.setDaemon(true);
        drain.thread.start();
        return drain;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                record(buffer, n);
                if (total.addAndGet(n) > limit) {
                    onLimit.run();
                }
            }
        } catch (IOException e) {
            // the stream was closed: the JVM is gone
        }
    }

    /** Waits up to {@code millis} for the stream to end; false if it is still open (a descendant holds it). */
    boolean join(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** How many bytes were read. */
    synchronized long bytes() {
        return bytes;
    }

    /** The first bytes read (at most {@code keep}), as UTF-8 text. */
    synchronized String head() {
        return head.toString(StandardCharsets.UTF_8);
    }

    /** The last bytes read (at most {@link #TAIL_BYTES}), as UTF-8 text. */
    synchronized String tail() {
        int n = (int) Math.min(bytes, TAIL_BYTES);
        byte[] last = new byte[n];
        int start = (int) ((bytes - n) % TAIL_BYTES);
        for (int i = 0; i < n; i++) {
            last[i] = tail[(start + i) % TAIL_BYTES];
        }
        return new String(last, StandardCharsets.UTF_8);
    }

    private synchronized void record(byte[] buffer, int n) {
        int toHead = (int) Math.max(0, Math.min(n, keep - head.size()));
        head.write(buffer, 0, toHead);
        for (int i = Math.max(0, n - TAIL_BYTES); i < n; i++) {
            tail[(int) ((bytes + i) % TAIL_BYTES)] = buffer[i];
        }
        bytes += n;
    }
}
