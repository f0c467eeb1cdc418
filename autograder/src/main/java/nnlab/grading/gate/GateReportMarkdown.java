package nnlab.grading.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders a {@link GateReport} as short Markdown for the student. */
final class GateReportMarkdown {

    /** Places listed per rule and file; the rest are counted. */
    static final int MAX_PLACES = 10;
    /** Longest name shown in a code span; longer ones are cut with an ellipsis. */
    static final int MAX_SHOWN = 160;

    private GateReportMarkdown() {
    }

    static String render(GateReport report) {
        StringBuilder md = new StringBuilder("### Check of your compiled code\n\n");
        String files = report.sourceFiles().stream().map(GateReportMarkdown::code).collect(Collectors.joining(", "));
        if (report.passed()) {
            return md.append("Passed: ").append(files).append(report.sourceFiles().size() == 1 ? " uses" : " use")
                    .append(" nothing that lab code must not use.\n").toString();
        }
        Set<String> violating = report.violatingSourceFiles();
        int count = report.violations().size();
        md.append("Before the tests run, the grader checks the compiled code of your files (").append(files)
                .append(") for things lab code must not do. It found ").append(count)
                .append(count == 1 ? " use" : " uses").append(" in ")
                .append(violating.stream().map(GateReportMarkdown::code).collect(Collectors.joining(", ")))
                .append(", so the tests that depend on ").append(violating.size() == 1 ? "that file" : "those files")
                .append(" score 0. Remove ").append(count == 1 ? "it" : "them").append(" and submit again.\n");
        for (String file : violating) {
            md.append("\n#### ").append(code(file)).append("\n");
            Map<String, List<Violation>> byMessage = new LinkedHashMap<>();
            for (Violation violation : report.violations(file)) {
                byMessage.computeIfAbsent(violation.message(), m -> new ArrayList<>()).add(violation);
            }
            for (Map.Entry<String, List<Violation>> group : byMessage.entrySet()) {
                md.append("\n").append(group.getKey()).append("\n\n");
                List<Violation> places = group.getValue();
                for (Violation violation : places.subList(0, Math.min(places.size(), MAX_PLACES))) {
                    md.append("- ").append(place(violation)).append(": uses ").append(code(violation.api()))
                            .append('\n');
                }
                if (places.size() > MAX_PLACES) {
                    md.append("- and ").append(places.size() - MAX_PLACES).append(" more.\n");
                }
            }
        }
        return md.toString();
    }

    /** {@code line 12, in `Softmax.forward`}, {@code in the declaration of `Softmax$Row`}, ... */
    static String place(Violation violation) {
        String simpleClass = violation.className().substring(violation.className().lastIndexOf('.') + 1);
        String member = violation.member();
        String where;
        if (member.isEmpty()) {
            where = violation.hasLine() ? "in " + code(simpleClass) : "in the declaration of " + code(simpleClass);
        } else if (member.equals(ClassFacts.CONSTRUCTOR)) {
            where = "in a constructor of " + code(simpleClass);
        } else if (member.equals(ClassFacts.STATIC_INITIALIZER)) {
            where = "in the static initializer of " + code(simpleClass);
        } else {
            where = "in " + code(simpleClass + "." + member);
        }
        return violation.hasLine() ? "line " + violation.line() + ", " + where : where;
    }

    /**
     * {@code text} as a Markdown code span: control, format and separator characters replaced by U+FFFD, cut to
     * {@value #MAX_SHOWN} characters, fenced with more backticks than it contains in a row.
     */
    static String code(String text) {
        String shown = text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 1) + "\u2026";
        StringBuilder visible = new StringBuilder(shown.length());
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            int type = Character.getType(c);
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE;
            visible.append(hidden ? '\uFFFD' : c);
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(longestRun + 1);
        String pad = shown.startsWith("`") || shown.endsWith("`") ? " " : "";
        return fence + pad + visible + pad + fence;
    }
}
