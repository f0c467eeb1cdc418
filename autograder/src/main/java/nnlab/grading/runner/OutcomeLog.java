package nnlab.grading.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one test JVM wrote to its outcome file ({@link OutcomeFormat}), read by the runner after the JVM ended.
 * Only lines carrying the run's token count; lines without it, lines that are not well-formed, and a last line
 * cut short are ignored and counted in {@link #ignoredLines()}. At most {@link #MAX_BYTES} are read.
 */
final class OutcomeLog {

    /** The most bytes of an outcome file read; a larger file was written by something other than the runner. */
    static final int MAX_BYTES = 32 << 20;

    /** One event: its name and fields (strings, or for {@code entries} a map of strings). */
    record Event(String name, Map<String, Object> fields) {

        /** The string field {@code key}, or "" if absent or not a string. */
        String get(String key) {
            return fields.get(key) instanceof String s ? s : "";
        }

        /** The map field {@code key}, or an empty map. */
        @SuppressWarnings("unchecked")
        Map<String, String> map(String key) {
            return fields.get(key) instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        }
    }

    private final List<Event> events;
    private final int ignoredLines;

    private OutcomeLog(List<Event> events, int ignoredLines) {
        this.events = List.copyOf(events);
        this.ignoredLines = ignoredLines;
    }

    /** Reads {@code file}; a missing file, a link or anything but a regular file reads as no events. */
    static OutcomeLog read(Path file, String token) {
        byte[] bytes;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                return new OutcomeLog(List.of(), 1);
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes(MAX_BYTES);
            }
        } catch (IOException e) {
            return new OutcomeLog(List.of(), 0);
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), token);
    }

    /** Parses the text of an outcome file; the part after the last newline is an unfinished line, ignored. */
    static OutcomeLog parse(String text, String token) {
        List<Event> events = new ArrayList<>();
        int ignored = 0;
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            Event event = event(text.substring(start, end), token);
            if (event == null) {
                ignored++;
            } else {
                events.add(event);
            }
        }
        if (start < text.length()) {
            ignored++;
        }
        return new OutcomeLog(events, ignored);
    }

    /** The events in the order written. */
    List<Event> events() {
        return events;
    }

    /** The events named {@code name}, in order. */
    List<Event> all(String name) {
        List<Event> found = new ArrayList<>();
        for (Event event : events) {
            if (event.name().equals(name)) {
                found.add(event);
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** The first event named {@code name}, or null. */
    Event first(String name) {
        for (Event event : events) {
            if (event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    /** How many lines were ignored: without the token, malformed, or cut short. */
    int ignoredLines() {
        return ignoredLines;
    }

    private static Event event(String line, String token) {
        try {
            Map<String, Object> fields = JsonLine.parse(line);
            if (!token.equals(fields.get(OutcomeFormat.TOKEN)) || !(fields.get(OutcomeFormat.EVENT) instanceof String name)) {
                return null;
            }
            Map<String, Object> rest = new LinkedHashMap<>(fields);
            rest.remove(OutcomeFormat.TOKEN);
            rest.remove(OutcomeFormat.EVENT);
            return new Event(name, Collections.unmodifiableMap(rest));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
