package nnlab.grading.intake;

import java.util.Objects;

/**
 * An entry of a submission the intake did not take.
 *
 * @param path   the entry's path inside the submission, with {@code /} separators (as written in the zip when it
 *               is unsafe; cut to 1024 characters)
 * @param reason the category
 * @param note   one sentence for the student: what was wrong and, where there is one, the fix
 */
public record IgnoredEntry(String path, IgnoreReason reason, String note) {

    /** Checks that no component is null. */
    public IgnoredEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(note, "note");
    }
}
