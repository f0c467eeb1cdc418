package nnlab.grading.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the start of what the running test prints, from every thread, to {@code System.out} and
 * {@code System.err}, while still passing everything on to the real streams (where the runner counts and
 * limits it). JUnit's own output capture is not used because it only sees the thread that started the test,
 * and with separate-thread time-outs the test body runs on another one.
 *
 * <p>{@link #begin()} when a test starts, {@link #take()} when it ends; output between tests is passed on
 * but not kept.
 */
final class TestOutputCapture {

    /** The most bytes kept per test. */
    static final int MAX_KEPT_BYTES = OutcomeFormat.MAX_TEXT_CHARS;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;
    private boolean capturing;

    private TestOutputCapture() {
    }

    /** Replaces {@code System.out} and {@code System.err} with streams that feed a new capture. */
    static TestOutputCapture install() {
        TestOutputCapture capture = new TestOutputCapture();
        System.setOut(new PrintStream(capture.tee(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capture.tee(System.err), true, StandardCharsets.UTF_8));
        return capture;
    }

    /** Starts keeping output for a new test, forgetting what was kept before. */
    synchronized void begin() {
        kept.reset();
        dropped = 0;
        capturing = true;
    }

    /** What was kept since {@link #begin()} (UTF-8, with a note if some was dropped); stops keeping. */
    synchronized String take() {
        capturing = false;
        String text = kept.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? text : text + "\n... (" + dropped + " more bytes of output not shown)";
    }

    private synchronized void keep(byte[] b, int off, int len) {
        if (!capturing) {
            return;
        }
        int room = Math.max(0, MAX_KEPT_BYTES - kept.size());
        int n = Math.min(room, len);
        kept.write(b, off, n);
        dropped += len - n;
    }

    private OutputStream tee(PrintStream target) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                keep(b, off, len);
                target.write(b, off, len);
            }

            @Override
            public void flush() {
                target.flush();
            }
        };
    }
}
