package nnlab.grading.intake;

/**
 * How much of a submission the intake examines and reads. Sizes count bytes actually read (inflated, for a
 * zip), never the sizes an archive's headers claim, so a zip bomb stops at these limits.
 *
 * @param maxEntries    files, folders and links examined; later entries are ignored as
 *                      {@link IgnoreReason#TOO_MANY_ENTRIES}
 * @param maxFileBytes  the largest file taken, in bytes (at most {@value #MAX_FILE_BYTES_CAP})
 * @param maxTotalBytes bytes read from the whole submission, at least {@code maxFileBytes}
 * @param maxPathLength characters in an entry's path inside the submission
 * @param maxPathDepth  folders an entry may be nested in, plus one (a file at the top has depth 1)
 */
public record IntakeLimits(int maxEntries, long maxFileBytes, long maxTotalBytes, int maxPathLength,
                           int maxPathDepth) {

    /** The largest {@code maxFileBytes} allowed: a file is held in memory while it is checked. */
    public static final long MAX_FILE_BYTES_CAP = 64L * 1024 * 1024;

    /**
     * Validates the limits.
     *
     * @throws IllegalArgumentException if a limit is not positive, {@code maxFileBytes} exceeds
     *                                  {@value #MAX_FILE_BYTES_CAP} or {@code maxTotalBytes} is below it
     */
    public IntakeLimits {
        requirePositive("maxEntries", maxEntries);
        requirePositive("maxFileBytes", maxFileBytes);
        requirePositive("maxTotalBytes", maxTotalBytes);
        requirePositive("maxPathLength", maxPathLength);
        requirePositive("maxPathDepth", maxPathDepth);
        if (maxFileBytes > MAX_FILE_BYTES_CAP) {
            throw new IllegalArgumentException("maxFileBytes " + maxFileBytes + " exceeds " + MAX_FILE_BYTES_CAP
                    + "; lab source files are far smaller, so lower it");
        }
        if (maxTotalBytes < maxFileBytes) {
            throw new IllegalArgumentException("maxTotalBytes " + maxTotalBytes + " is below maxFileBytes "
                    + maxFileBytes + "; raise it so that one largest file can be read");
        }
    }

    /**
     * The defaults: 1000 entries, 256 KiB per file, 16 MiB in all, paths of at most 512 characters nested at most
     * 32 deep. Generous for a lab (a handful of source files) and cheap to examine.
     */
    public static IntakeLimits defaults() {
        return new IntakeLimits(1000, 256 * 1024, 16 * 1024 * 1024, 512, 32);
    }

    /** These limits with {@code maxEntries} replaced. */
    public IntakeLimits withMaxEntries(int value) {
        return new IntakeLimits(value, maxFileBytes, maxTotalBytes, maxPathLength, maxPathDepth);
    }

    /** These limits with {@code maxFileBytes} replaced. */
    public IntakeLimits withMaxFileBytes(long value) {
        return new IntakeLimits(maxEntries, value, maxTotalBytes, maxPathLength, maxPathDepth);
    }

    /** These limits with {@code maxTotalBytes} replaced. */
    public IntakeLimits withMaxTotalBytes(long value) {
        return new IntakeLimits(maxEntries, maxFileBytes, value, maxPathLength, maxPathDepth);
    }

    /** These limits with {@code maxPathLength} replaced. */
    public IntakeLimits withMaxPathLength(int value) {
        return new IntakeLimits(maxEntries, maxFileBytes, maxTotalBytes, value, maxPathDepth);
    }

    /** These limits with {@code maxPathDepth} replaced. */
    public IntakeLimits withMaxPathDepth(int value) {
        return new IntakeLimits(maxEntries, maxFileBytes, maxTotalBytes, maxPathLength, value);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
