package nnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import nnlab.backend.BackendUnavailableException;
import nnlab.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the errors a user can fix into one line, {@code nnlab train: <message>}, and exit status 1: missing or
 * corrupt data, bad files, an unavailable backend, wrong arguments found while running. Their messages already
 * say what is wrong and what to do; a stack trace would only bury that. Anything else is a bug in nnlab: it is
 * printed with its stack trace (exit status 70, as sysexits' EX_SOFTWARE). {@code NNLAB_DEBUG=1} prints the
 * stack trace for every error.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    /** Exit status for an error in the user's input or environment. */
    static final int USER_ERROR = 1;
    /** Exit status for an unexpected error (a bug). */
    static final int INTERNAL_ERROR = 70;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean debug = System.getenv("NNLAB_DEBUG") != null && !System.getenv("NNLAB_DEBUG").isEmpty();
        if (isUserError(e)) {
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return USER_ERROR;
        }
        err.println(cmd.getCommandSpec().qualifiedName() + ": unexpected error, please report it with the lines below");
        e.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    /** Errors whose message tells the user what to fix. */
    static boolean isUserError(Throwable e) {
        return e instanceof DataException || e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof BackendUnavailableException || e instanceof IllegalArgumentException;
    }

    /**
     * The message for running out of heap: the launcher caps the heap (see {@code ./nnlab}) so that the course runs
     * stay small; bigger data or models need a bigger cap.
     */
    static String outOfMemoryMessage(OutOfMemoryError e) {
        return "nnlab: out of memory (" + e.getMessage() + "). The Java heap is capped at "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; give it more with "
                + "NNLAB_JAVA_OPTS=-Xmx4g (or another size), or use a smaller --batch-size or --limit";
    }
}
