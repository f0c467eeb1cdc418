package nnlab.grading.runner;

/**
 * How a test JVM ended, seen from outside: it exited by itself, or the runner killed it for exceeding its
 * wall-clock limit or its output limit. Says it in words for the student.
 *
 * @param cause       why it ended
 * @param exitCode    its exit status (128 + the signal if a signal ended it)
 * @param outOfMemory whether it reported running out of heap ({@code -XX:+ExitOnOutOfMemoryError})
 */
record JvmEnd(Cause cause, int exitCode, boolean outOfMemory) {

    /** What the JVM prints to standard output when {@code -XX:+ExitOnOutOfMemoryError} ends it. */
    static final String OUT_OF_MEMORY_MARK = "Terminating due to java.lang.OutOfMemoryError";

    /** Why a test JVM ended. */
    enum Cause {
        /** It exited (or crashed) by itself. */
        EXITED,
        /** The runner killed it at its wall-clock limit. */
        WALL_CLOCK,
        /** The runner killed it for writing more than its output limit. */
        OUTPUT_LIMIT
    }

    /**
     * What happened, to follow "the test JVM", e.g. "exited with status 0 (System.exit or Runtime.halt?)".
     */
    String describe(TestJvmOptions options) {
        return switch (cause) {
            case WALL_CLOCK -> "was killed at its wall-clock limit of " + seconds(options) + " (an endless loop"
                    + " that JUnit's time-out could not stop?)";
            case OUTPUT_LIMIT -> "was killed for writing more than " + bytes(options.outputLimit())
                    + " to standard output and error (printing in a loop?)";
            case EXITED -> exited(options);
        };
    }

    private String exited(TestJvmOptions options) {
        if (outOfMemory) {
            return "ran out of memory (heap limit -Xmx" + options.maxHeap() + ")";
        }
        if (exitCode == 0) {
            return "exited with status 0 (System.exit or Runtime.halt?)";
        }
        if (exitCode > 128 && exitCode < 160) {
            return "was killed by signal " + (exitCode - 128) + (exitCode == 137 ? " (SIGKILL: out of memory?)" : "");
        }
        return "exited with status " + exitCode + " (System.exit, Runtime.halt or a crash of the JVM)";
    }

    private static String seconds(TestJvmOptions options) {
        long millis = options.jvmTimeout().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String bytes(long n) {
        if (n % (1 << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        return n % 1024 == 0 ? (n >> 10) + " KiB" : n + " bytes";
    }
}
