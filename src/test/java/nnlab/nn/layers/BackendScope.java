package nnlab.nn.layers;

import nnlab.backend.Backend;
import nnlab.backend.Backends;

/**
 * Makes a backend current for a block and restores the previous one afterwards, whatever happens:
 * {@code try (BackendScope on = BackendScope.use(backend)) { ... }}. Closing does not close {@code backend}.
 */
public final class BackendScope implements AutoCloseable {

    private final Backend previous;

    private BackendScope(Backend previous) {
        this.previous = previous;
    }

    /** Makes {@code backend} current until {@link #close()}. */
    public static BackendScope use(Backend backend) {
        BackendScope scope = new BackendScope(Backends.current());
        Backends.use(backend);
        return scope;
    }

    /** The backend that was current before. */
    public Backend previous() {
        return previous;
    }

    @Override
    public void close() {
        Backends.use(previous);
    }
}
