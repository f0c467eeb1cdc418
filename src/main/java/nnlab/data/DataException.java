package nnlab.data;

/**
 * A data file is missing, corrupt or not in the expected format. The message names the file, what was expected,
 * what was found, and how to fix it (where to get the file, or how to point nnlab at it).
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and how to fix it
     */
    public DataException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and how to fix it
     * @param cause   the underlying I/O or format error
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
