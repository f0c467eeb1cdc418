package nnlab.grading.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.thetaphi.forbiddenapis.Logger;

/**
 * Receives forbiddenapis' report and reads the uses out of it.
 *
 * <p>forbiddenapis has no callback per violation: {@code Checker.run()} logs each one (its
 * {@code ForbiddenViolation.format}) as one or more description lines, {@code Forbidden <kind>: <api> [<message>]},
 * followed by a location line, {@code   in <class> (<source>:<line>)} or, without a line number,
 * {@code   in <class> (<source>, <where>)} / {@code   in <class> (<where>)}. Without {@code FAIL_ON_VIOLATION}
 * these come at warning level. Any other warning or error is unexpected; {@link #uses()} then fails rather than
 * let a use go unreported.
 */
final class ForbiddenApiLog implements Logger {

    private static final Pattern DESCRIPTION = Pattern.compile("Forbidden ([a-z/ ]+?) (?:use|invocation|access): (.+)");
    private static final Pattern LOCATION = Pattern.compile(" {2}in (\\S+) \\((.*)\\)");
    private static final Pattern LINE = Pattern.compile("[0-9]+");

    /**
     * A use forbiddenapis reported.
     *
     * @param className the class it is in (binary name)
     * @param line      its source line, or {@link Violation#UNKNOWN_LINE}
     * @param where     forbiddenapis' description of the place when there is no line
     *                  ({@code method body of 'run()'}, {@code class declaration}), else {@code ""}
     * @param api       the forbidden API as printed: a signature of the rule file or a class name
     * @param message   the rule's message as printed
     */
    record ReportedUse(String className, int line, String where, String api, String message) {
    }

    private final Map<String, String> sourceFileByClass;
    private final List<String> pending = new ArrayList<>();
    private final List<ReportedUse> uses = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();

    /**
     * @param sourceFileByClass each checked class's {@code SourceFile} attribute (classes without one are absent),
     *                          to tell the source file from the place in a location line
     */
    ForbiddenApiLog(Map<String, String> sourceFileByClass) {
        this.sourceFileByClass = Map.copyOf(sourceFileByClass);
    }

    @Override
    public void error(String message) {
        unexpected.add("error: " + message);
    }

    @Override
    public void warn(String message) {
        if (DESCRIPTION.matcher(message).matches()) {
            pending.add(message);
            return;
        }
        Matcher location = LOCATION.matcher(message);
        if (location.matches() && !pending.isEmpty()) {
            for (String description : pending) {
                uses.add(use(description, location.group(1), location.group(2)));
            }
            pending.clear();
            return;
        }
        unexpected.add("warning: " + message);
    }

    @Override
    public void info(String message) {
        // progress ("Scanning classes for violations...") and the summary line
    }

    @Override
    public void debug(String message) {
        // not needed
    }

    /**
     * The uses reported so far.
     *
     * @throws IllegalStateException if forbiddenapis logged anything else at warning or error level, or a
     *                               description without its location
     */
    List<ReportedUse> uses() {
        if (!unexpected.isEmpty() || !pending.isEmpty()) {
            List<String> lines = new ArrayList<>(unexpected);
            pending.forEach(line -> lines.add("description without a location: " + line));
            throw new IllegalStateException("forbiddenapis reported what the gate cannot read, so the check is "
                    + "incomplete: " + String.join(" | ", lines));
        }
        return List.copyOf(uses);
    }

    private ReportedUse use(String description, String className, String place) {
        Matcher parts = DESCRIPTION.matcher(description);
        if (!parts.matches()) {
            throw new IllegalStateException("not a forbiddenapis description: " + description);
        }
        String printout = parts.group(2);
        int bracket = printout.indexOf(" [");
        String api = bracket < 0 ? printout : printout.substring(0, bracket);
        String message = bracket < 0 || !printout.endsWith("]") ? ""
                : printout.substring(bracket + 2, printout.length() - 1);
        String source = sourceFileByClass.get(className);
        if (source != null && place.startsWith(source + ":")
                && LINE.matcher(place.substring(source.length() + 1)).matches()) {
            return new ReportedUse(className, Integer.parseInt(place.substring(source.length() + 1)), "", api,
                    message);
        }
        String where = source != null && place.startsWith(source + ", ") ? place.substring(source.length() + 2)
                : place;
        return new ReportedUse(className, Violation.UNKNOWN_LINE, where, api, message);
    }
}
