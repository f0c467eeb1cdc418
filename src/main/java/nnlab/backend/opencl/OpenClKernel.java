package nnlab.backend.opencl;

import com.aparapi.Kernel;
import com.aparapi.Range;

/**
 * Base class of nnlab's Aparapi kernels: explicit buffer management, and a fallback hook that lets
 * {@link KernelSlot} notice (instead of silently tolerating) a run that did not happen on OpenCL.
 *
 * <p><b>Why explicit mode.</b> In Aparapi's default mode every array field is copied to the device
 * before and back after every {@code execute}. With {@code setExplicit(true)} only the arrays we
 * {@code put} go in and only those we {@code get} come back: inputs are never copied back, and an
 * output that the kernel overwrites completely is never sent.
 *
 * <p><b>Why the fallback hook.</b> When an OpenCL run fails, Aparapi marks the device failed and quietly
 * runs {@code run()} again on its next preferred device, by default a Java thread pool (slow, and each
 * pool is never shut down). {@link KernelSlot} restricts every kernel's preferred devices to the chosen
 * OpenCL device followed by {@code JavaDevice.ALTERNATIVE_ALGORITHM}; Aparapi then calls
 * {@link #executeFallbackAlgorithm} below, which computes nothing and only records that the run was
 * not on OpenCL, so that the backend can hand the operation to the CPU backend instead.
 *
 * <p>Subclasses may hold only primitive and primitive-array fields that {@code run()} uses: no objects,
 * lambdas, {@code switch}, exceptions or interface calls (Aparapi translates {@code run()} to OpenCL C).
 */
abstract class OpenClKernel extends Kernel {

    /** Set (on the Java side only) when Aparapi ran its fallback instead of the OpenCL kernel. */
    private volatile boolean fellBack;

    OpenClKernel() {
        setExplicit(true);
        // Keep the device buffers between calls; they are released by dispose() in OpenClBackend.close().
        setAutoCleanUpArrays(false);
    }

    @Override
    public boolean hasFallbackAlgorithm() {
        return true;
    }

    @Override
    public void executeFallbackAlgorithm(Range range, int passId) {
        fellBack = true;
    }

    /** Clears the fallback marker before a run. */
    final void clearFellBack() {
        fellBack = false;
    }

    /** True when the last run went to Aparapi's fallback instead of OpenCL. */
    final boolean fellBack() {
        return fellBack;
    }
}
