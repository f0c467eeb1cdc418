package nnlab.grading.intake;

import java.io.ByteArrayOutputStream;

/**
 * Counts the bytes read from one submission against {@link IntakeLimits}: each file is collected through a
 * {@link FileBuffer} that refuses a byte past the per-file limit and the submission's total. Readers ask
 * {@link FileBuffer#nextChunk()} how much to read next, so at most one byte past a limit is ever read.
 */
final class ReadBudget {

    private static final int CHUNK = 8192;

    private final IntakeLimits limits;
    private long totalRead;
    private boolean exhausted;

    ReadBudget(IntakeLimits limits) {
        this.limits = limits;
    }

    /** Bytes read so far from the whole submission. */
    long totalRead() {
        return totalRead;
    }

    /**
     * Starts reading one file whose metadata claims {@code declaredSize} bytes (-1 if unknown). The claim is only
     * used to refuse early; the bytes read are always counted.
     *
     * @throws EntryRejectedException if the claim already exceeds the per-file limit, or the total is used up
     */
    FileBuffer startFile(long declaredSize) throws EntryRejectedException {
        if (declaredSize > limits.maxFileBytes()) {
            throw tooLarge();
        }
        if (exhausted) {
            throw totalTooLarge();
        }
        return new FileBuffer();
    }

    private EntryRejectedException tooLarge() {
        return new EntryRejectedException(IgnoreReason.TOO_LARGE, "it is larger than "
                + Display.bytes(limits.maxFileBytes()) + ", far more than a lab's source file; was it generated?");
    }

    private EntryRejectedException totalTooLarge() {
        return new EntryRejectedException(IgnoreReason.TOTAL_TOO_LARGE, "it was not taken: together with the "
                + "files read before it, it passes " + Display.bytes(limits.maxTotalBytes())
                + ", the most the grader reads from one submission");
    }

    /** The bytes of one file, collected within the limits. */
    final class FileBuffer {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        private FileBuffer() {
        }

        /** How many bytes to read next: at most one past either limit, never more than a small chunk. */
        int nextChunk() {
            long fileRoom = limits.maxFileBytes() - bytes.size() + 1;
            long totalRoom = limits.maxTotalBytes() - totalRead + 1;
            return (int) Math.max(1, Math.min(CHUNK, Math.min(fileRoom, totalRoom)));
        }

        /**
         * Adds {@code length} bytes just read and counts them.
         *
         * @throws EntryRejectedException as soon as the file or the submission's total passes its limit
         */
        void append(byte[] data, int offset, int length) throws EntryRejectedException {
            totalRead += length;
            if ((long) bytes.size() + length > limits.maxFileBytes()) {
                if (totalRead > limits.maxTotalBytes()) {
                    exhausted = true;
                }
                throw tooLarge();
            }
            if (totalRead > limits.maxTotalBytes()) {
                exhausted = true;
                throw totalTooLarge();
            }
            bytes.write(data, offset, length);
        }

        /** The bytes collected. */
        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
