package nnlab.grading.runner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** {@link StreamDrain}: counts everything, keeps the head and the tail, and signals the shared limit. */
class StreamDrainTest {

    @Test
    void keepsTheHeadAndTailCountsAllAndSignalsTheLimit() throws InterruptedException {
        String text = "HEAD" + "x".repeat(100_000) + "TAIL";
        AtomicInteger signals = new AtomicInteger();
        AtomicLong total = new AtomicLong();

        StreamDrain drain = StreamDrain.start("drain-test",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 10, total, 50_000,
                signals::incrementAndGet);

        assertThat(drain.join(10_000), is(true));
        assertThat(drain.bytes(), is((long) text.length()));
        assertThat(total.get(), is((long) text.length()));
        assertThat(drain.head(), is("HEADxxxxxx"));
        assertThat(drain.tail(), is("x".repeat(StreamDrain.TAIL_BYTES - 4) + "TAIL"));
        assertThat(signals.get() >= 1, is(true));
    }

    @Test
    void aShortStreamIsKeptWholeWithoutASignal() throws InterruptedException {
        AtomicInteger signals = new AtomicInteger();

        StreamDrain drain = StreamDrain.start("drain-test", new ByteArrayInputStream("hi\n".getBytes(
                StandardCharsets.UTF_8)), 64, new AtomicLong(), 1000, signals::incrementAndGet);

        assertThat(drain.join(10_000), is(true));
        assertThat(drain.head(), is("hi\n"));
        assertThat(drain.tail(), is("hi\n"));
        assertThat(signals.get(), is(0));
    }
}
