package nnlab.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import nnlab.grading.results.LeaderboardEntry;

/** The report entry format of {@link GradeReport} (documented there): encoding and strict decoding. */
final class GradeReportCodec {

    static final String FORMAT_VERSION = "1";
    static final String FRACTION = GradeReport.KEY_PREFIX + "fraction";
    static final String REASONS = GradeReport.KEY_PREFIX + "reasons";
    static final String REASON = GradeReport.KEY_PREFIX + "reason.";
    static final String FEEDBACK = GradeReport.KEY_PREFIX + "feedback";
    static final String LEADERBOARD = GradeReport.KEY_PREFIX + "leaderboard";

    private static final char QUOTE = '"';

    private GradeReportCodec() {
    }

    static Map<String, String> encode(GradeReport report) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(GradeReport.FORMAT_KEY, FORMAT_VERSION);
        report.fraction().ifPresent(f -> entries.put(FRACTION, Double.toString(f)));
        if (!report.reasons().isEmpty()) {
            entries.put(REASONS, Integer.toString(report.reasons().size()));
            for (int i = 0; i < report.reasons().size(); i++) {
                entries.put(REASON + i, quote(report.reasons().get(i)));
            }
        }
        if (!report.feedback().isEmpty()) {
            entries.put(FEEDBACK, quote(report.feedback()));
        }
        if (!report.leaderboard().isEmpty()) {
            entries.put(LEADERBOARD, Integer.toString(report.leaderboard().size()));
            for (int i = 0; i < report.leaderboard().size(); i++) {
                LeaderboardEntry entry = report.leaderboard().get(i);
                entries.put(leaderboardKey(i, "name"), quote(entry.name()));
                entries.put(leaderboardKey(i, "value"), Double.toString(entry.value()));
                entries.put(leaderboardKey(i, "order"), entry.order().json());
            }
        }
        return entries;
    }

    static GradeReport decode(Map<String, String> entries) {
        Objects.requireNonNull(entries, "grade report: the report entry map is null");
        String format = entries.get(GradeReport.FORMAT_KEY);
        if (format != null && !format.equals(FORMAT_VERSION)) {
            throw malformed(GradeReport.FORMAT_KEY, format, "this nnlab reads format " + FORMAT_VERSION
                    + "; grade with the nnlab-autograder version the suite was built with");
        }
        OptionalDouble fraction = OptionalDouble.empty();
        if (entries.containsKey(FRACTION)) {
            double f = number(entries, FRACTION);
            if (!(f >= 0 && f <= 1)) {
                throw malformed(FRACTION, entries.get(FRACTION), "a fraction is in [0, 1]");
            }
            fraction = OptionalDouble.of(f);
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 0, n = count(entries, REASONS); i < n; i++) {
            reasons.add(string(entries, REASON + i));
        }
        String feedback = entries.containsKey(FEEDBACK) ? string(entries, FEEDBACK) : "";
        List<LeaderboardEntry> leaderboard = new ArrayList<>();
        for (int i = 0, n = count(entries, LEADERBOARD); i < n; i++) {
            String name = string(entries, leaderboardKey(i, "name"));
            double value = number(entries, leaderboardKey(i, "value"));
            if (!Double.isFinite(value)) {
                throw malformed(leaderboardKey(i, "value"), entries.get(leaderboardKey(i, "value")),
                        "a leaderboard value is finite");
            }
            if (name.isBlank()) {
                throw malformed(leaderboardKey(i, "name"), entries.get(leaderboardKey(i, "name")),
                        "a leaderboard name is not blank");
            }
            leaderboard.add(new LeaderboardEntry(name, value, order(entries, leaderboardKey(i, "order"))));
        }
        return new GradeReport(fraction, reasons, feedback, leaderboard);
    }

    private static String leaderboardKey(int index, String field) {
        return LEADERBOARD + "." + index + "." + field;
    }

    private static String quote(String text) {
        return QUOTE + text + QUOTE;
    }

    private static String required(Map<String, String> entries, String key) {
        String value = entries.get(key);
        if (value == null) {
            throw new IllegalArgumentException("malformed grade report entry: key " + key + " is missing, though"
                    + " the count before it says it exists");
        }
        return value;
    }

    private static String string(Map<String, String> entries, String key) {
        String value = required(entries, key);
        if (value.length() < 2 || value.charAt(0) != QUOTE || value.charAt(value.length() - 1) != QUOTE) {
            throw malformed(key, value, "a string is stored between double quotes");
        }
        return value.substring(1, value.length() - 1);
    }

    private static int count(Map<String, String> entries, String key) {
        String value = entries.get(key);
        if (value == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed(key, value, "a count is a whole number >= 0");
    }

    private static double number(Map<String, String> entries, String key) {
        String value = required(entries, key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw malformed(key, value, "a number is written as Double.toString writes it, e.g. 0.25");
        }
    }

    private static LeaderboardOrder order(Map<String, String> entries, String key) {
        String value = required(entries, key);
        for (LeaderboardOrder order : LeaderboardOrder.values()) {
            if (order.json().equals(value)) {
                return order;
            }
        }
        throw malformed(key, value, "an order is " + LeaderboardOrder.ASC.json() + " or " + LeaderboardOrder.DESC.json());
    }

    private static IllegalArgumentException malformed(String key, String value, String rule) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "malformed grade report entry: %s = %s; %s", key, shown, rule));
    }
}
