package nnlab.tensor;

import java.util.Objects;

import nnlab.backend.Backend;
import nnlab.backend.CpuBackend;

/**
 * The {@link Backend} that every {@link Tensor} operation runs on (GEMM, axpy, bias broadcast, ...).
 *
 * <p>Defaults to a {@link CpuBackend}, created on first use. Backend selection for a whole program is done
 * elsewhere and installed here with {@link #set}; tests that compare backends set it explicitly.
 */
public final class TensorBackend {

    private static volatile Backend backend;

    private TensorBackend() {
    }

    /** The backend tensor operations use now; a {@link CpuBackend} unless {@link #set} chose another. */
    public static Backend get() {
        Backend b = backend;
        if (b == null) {
            synchronized (TensorBackend.class) {
                if (backend == null) {
                    backend = new CpuBackend();
                }
                b = backend;
            }
        }
        return b;
    }

    /** Makes every later tensor operation, in every thread, run on {@code b}. Does not close the old one. */
    public static void set(Backend b) {
        backend = Objects.requireNonNull(b, "TensorBackend.set: backend is null; pass e.g. new CpuBackend()");
    }
}
