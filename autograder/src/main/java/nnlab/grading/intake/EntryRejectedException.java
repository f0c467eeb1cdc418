package nnlab.grading.intake;

/** Thrown while reading one entry of a submission when that entry cannot be taken; the others go on. */
final class EntryRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final IgnoreReason reason;

    /** An entry ignored for {@code reason}; {@code note} is the sentence for the student. */
    EntryRejectedException(IgnoreReason reason, String note) {
        super(note, null, false, false);
        this.reason = reason;
    }

    IgnoreReason reason() {
        return reason;
    }
}
