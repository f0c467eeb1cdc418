package nnlab.backend;

/**
 * A backend that was asked for cannot run on this machine. The message says what is missing and how to
 * fix it, e.g. "OpenCL is not available: no OpenCL platform found. Install PoCL (apt-get install
 * pocl-opencl-icd) or a GPU driver, or use NNLAB_BACKEND=cpu".
 */
public class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String backend;
    private final String problem;
    private final String fix;

    /**
     * @param backend the backend name that was asked for ({@code simd}, {@code opencl})
     * @param problem what is missing, in one sentence
     * @param fix     what the user can do about it, in one sentence
     */
    public BackendUnavailableException(String backend, String problem, String fix) {
        this(backend, problem, fix, null);
    }

    public BackendUnavailableException(String backend, String problem, String fix, Throwable cause) {
        super("backend '" + backend + "' is not available: " + problem + ". " + sentence(fix), cause);
        this.backend = backend;
        this.problem = problem;
        this.fix = fix;
    }

    private static String sentence(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public String backend() {
        return backend;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
