package nnlab.grading.intake;

import java.util.List;

/**
 * The entries of a submission, at most {@link IntakeLimits#maxEntries()} of them.
 *
 * @param entries          the entries, in a fixed order (sorted for a folder, central-directory order for a zip)
 * @param firstNotExamined the name of the first entry past the limit, or null when every entry is listed
 */
record SubmissionListing(List<SubmissionEntry> entries, String firstNotExamined) {
}
