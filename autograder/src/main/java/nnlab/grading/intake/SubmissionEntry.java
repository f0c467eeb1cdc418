package nnlab.grading.intake;

import java.io.IOException;

/** One entry of a submission (a folder's file or a zip's entry) as listed, before it is classified. */
interface SubmissionEntry {

    /** What an entry is, from its metadata; links and special files are never opened. */
    enum Kind { FILE, DIRECTORY, LINK, SPECIAL }

    /** The entry's path inside the submission as stored: a zip entry name, or a relative path with {@code /}. */
    String name();

    /** What the entry is. */
    Kind kind();

    /**
     * Reads a {@link Kind#FILE} entry's bytes within {@code budget}.
     *
     * @throws EntryRejectedException if the entry is too large, damaged, encrypted or compressed unreadably
     * @throws IOException            if the submission itself cannot be read
     */
    byte[] read(ReadBudget budget) throws EntryRejectedException, IOException;
}
