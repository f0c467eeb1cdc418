package nnlab.grading.grade;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import nnlab.grading.results.TestResult;

/**
 * The readable summary {@code nnlab-grade} prints on the terminal: one line per graded test (number, name, score,
 * status, and the first line of the reason when it lost points), the total, what the intake took, and where the time
 * went. The full feedback is in {@code results.json}.
 */
public final class GradeSummary {

    private static final int NAME_WIDTH = 52;

    private GradeSummary() {
    }

    /** The summary of a grading, lines ending in {@code \n}. */
    public static String render(GradingRun run) {
        StringBuilder out = new StringBuilder();
        out.append(run.labId()).append(": ");
        if (run.intake() == null) {
            out.append("the submission could not be read (see results.json)\n");
        } else {
            out.append("took ").append(run.intake().accepted().size()).append(" of ")
                    .append(run.intake().manifest().files().size()).append(" files");
            if (!run.intake().missing().isEmpty()) {
                out.append(" (missing: ").append(String.join(", ", run.intake().missing())).append(')');
            }
            if (!run.intake().ignored().isEmpty()) {
                out.append("; ignored ").append(run.intake().ignored().size()).append(" entries");
            }
            out.append('\n');
        }
        for (TestResult test : run.results().tests()) {
            String number = test.number() == null ? "" : test.number();
            out.append(String.format(Locale.ROOT, "  %-6s %-" + NAME_WIDTH + "s %7s / %-5s %s%n", number,
                    clip(test.name(), NAME_WIDTH), points(test.score()), points(test.maxScore()),
                    test.score() >= test.maxScore() ? "passed" : firstLine(test.output())));
        }
        out.append(String.format(Locale.ROOT, "  %-6s %-" + NAME_WIDTH + "s %7s / %-5s%n", "", "total",
                points(run.results().totalScore()), points(run.results().totalMaxScore())));
        out.append("time ").append(seconds(run.total())).append(": ").append(stages(run.stages()))
                .append("; ").append(run.testJvmCount()).append(" test JVMs ran ").append(seconds(run.testJvmTime()))
                .append('\n');
        return out.toString();
    }

    private static String stages(Map<String, Duration> stages) {
        StringJoiner joiner = new StringJoiner(", ");
        stages.forEach((name, time) -> joiner.add(name + " " + seconds(time)));
        return joiner.toString();
    }

    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0);
    }

    private static String points(double value) {
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("\\.?0+$", "");
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "failed";
        }
        String line = text.strip().lines().findFirst().orElse("").replace("`", "");
        return clip(line, 100);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
