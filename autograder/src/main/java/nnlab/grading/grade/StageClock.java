package nnlab.grading.grade;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Times the stages of a grading, for the summary and the overhead measurement: each lap ends the stage named. */
final class StageClock {

    private final Map<String, Duration> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the stage {@code name}, which began when the previous one ended (or the clock was made). */
    void lap(String name) {
        long now = System.nanoTime();
        laps.merge(name, Duration.ofNanos(now - last), Duration::plus);
        last = now;
    }

    /** The stages in the order they ended, with their durations. */
    Map<String, Duration> laps() {
        return new LinkedHashMap<>(laps);
    }
}
