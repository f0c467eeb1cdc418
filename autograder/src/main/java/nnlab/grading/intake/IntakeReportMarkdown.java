package nnlab.grading.intake;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders an {@link IntakeReport} as short Markdown for the student. */
final class IntakeReportMarkdown {

    /** Ignored entries listed one by one; the rest are counted. */
    static final int MAX_LISTED = 40;

    private IntakeReportMarkdown() {
    }

    static String render(IntakeReport report) {
        LabManifest manifest = report.manifest();
        StringBuilder md = new StringBuilder();
        md.append("### Files taken from your submission (").append(manifest.labId()).append(")\n\n");
        md.append("Graded files: ").append(manifest.files().stream().map(Display::code)
                .collect(Collectors.joining(", "))).append(", in package ").append(Display.code(manifest.javaPackage()))
                .append(".\n\n");
        if (report.accepted().isEmpty()) {
            md.append("**Taken:** none.\n\n");
        } else {
            md.append("**Taken (").append(report.accepted().size()).append(" of ").append(manifest.files().size())
                    .append("):**\n\n");
            for (Map.Entry<String, String> taken : report.accepted().entrySet()) {
                md.append("- ").append(Display.code(taken.getKey())).append(" from ")
                        .append(Display.code(taken.getValue())).append('\n');
            }
            md.append('\n');
        }
        if (!report.missing().isEmpty()) {
            md.append("**Missing (").append(report.missing().size()).append("):** ")
                    .append(report.missing().stream().map(Display::code).collect(Collectors.joining(", ")))
                    .append(". Submit each one with ").append(Display.code("package " + manifest.javaPackage() + ";"))
                    .append(" as its first statement, best in folder ").append(Display.code(manifest.packagePath() + "/"))
                    .append(".");
            if (!report.ignored().isEmpty()) {
                md.append(" The ignored entries below say why a file you sent was not taken.");
            }
            md.append("\n\n");
        }
        List<IgnoredEntry> ignored = report.ignored();
        if (!ignored.isEmpty()) {
            md.append("**Ignored (").append(ignored.size()).append("):** only the graded files are used; the grader "
                    + "builds and tests them with its own project.\n\n");
            for (IgnoredEntry entry : ignored.subList(0, Math.min(ignored.size(), MAX_LISTED))) {
                md.append("- ").append(Display.code(entry.path())).append(": ").append(entry.note()).append('\n');
            }
            if (ignored.size() > MAX_LISTED) {
                md.append("- and ").append(ignored.size() - MAX_LISTED).append(" more.\n");
            }
        }
        return md.toString();
    }
}
