package nnlab.grading.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the intake took from a submission, what it ignored and why, and what is missing.
 *
 * @param manifest  the lab's allow-list the submission was checked against
 * @param accepted  each taken file's manifest name (e.g. {@code SoftmaxRegression.java}) mapped to the path it came
 *                  from inside the submission, in manifest order
 * @param ignored   the entries not taken, in the submission's order (sorted names for a folder, the zip's order for
 *                  a zip); folders are listed only when they matter (named like an allow-listed file, a link, unsafe
 *                  or too deep)
 * @param missing   the manifest files not taken, in manifest order
 * @param bytesRead bytes read from the submission (inflated bytes, for a zip); at most one past
 *                  {@link IntakeLimits#maxTotalBytes()}
 */
public record IntakeReport(LabManifest manifest, Map<String, String> accepted, List<IgnoredEntry> ignored,
                           List<String> missing, long bytesRead) {

    /** Copies the collections (keeping the order of {@code accepted}) and checks that nothing is null. */
    public IntakeReport {
        Objects.requireNonNull(manifest, "manifest");
        accepted = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(accepted, "accepted")));
        ignored = List.copyOf(ignored);
        missing = List.copyOf(missing);
    }

    /** Whether every manifest file was taken. */
    public boolean complete() {
        return missing.isEmpty();
    }

    /** The ignored entries of one category, in examination order. */
    public List<IgnoredEntry> ignored(IgnoreReason reason) {
        return ignored.stream().filter(entry -> entry.reason() == reason).toList();
    }

    /**
     * The report for the student, in Markdown (as Gradescope renders it): the files taken and where they came from,
     * the files missing and how to fix that, and the entries ignored with their notes (at most 40 listed, then a
     * count). Paths from the submission are shown in code spans, with control characters replaced and long ones cut,
     * so a file name cannot inject Markdown.
     */
    public String toMarkdown() {
        return IntakeReportMarkdown.render(this);
    }
}
