package nnlab.backend.opencl;

import com.aparapi.ProfileInfo;
import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.kernel.KernelManager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One kernel instance of an {@link OpenClBackend}, with the device it runs on and its health.
 *
 * <p>Kernel fields are the kernel's arguments, so every use of a slot (setting fields, put, execute,
 * get) must hold the slot's monitor; {@link OpenClBackend} does {@code synchronized (slot)}.
 *
 * <p>Runs never reach Aparapi's Java thread pool: the kernel's preferred devices are exactly the chosen
 * OpenCL device and then {@code JavaDevice.ALTERNATIVE_ALGORITHM}, whose "algorithm" (see
 * {@link OpenClKernel}) only flags the run as failed. After a run that did not verifiably happen on
 * OpenCL the slot is <em>broken</em>: one warning is logged and the backend sends this operation to the
 * CPU backend from then on.
 */
final class KernelSlot<K extends OpenClKernel> {

    private static final System.Logger LOG = System.getLogger(OpenClBackend.class.getName());

    /** Work-group size of 1-D kernels. */
    static final int GROUP_1D = 64;
    /** Work-group side of 2-D kernels (8 x 8 = 64 work items). */
    static final int GROUP_SIDE = 8;

    final String name;
    final K kernel;
    private final OpenCLDevice device;
    private boolean compileAttempted;
    private boolean compileFailed;
    private boolean executed;
    private boolean ranOnOpenCl;
    private String failure;
    private boolean closed;
    /** While false (during the start-up check) a failure is reported by open(), not logged. */
    private boolean warnOnFailure;

    KernelSlot(String name, K kernel, OpenCLDevice device) {
        this.name = name;
        this.kernel = kernel;
        this.device = device;
        LinkedHashSet<Device> preferred = new LinkedHashSet<>();
        preferred.add(device);
        preferred.add(JavaDevice.ALTERNATIVE_ALGORITHM);
        KernelManager.instance().setPreferredDevices(kernel, preferred);
    }

    /** Compiles for the device. The caller must execute right after: dispose() after a bare compile crashes Aparapi. */
    void compile() throws CompileFailedException {
        compileAttempted = true;
        try {
            kernel.compile(device);
        } catch (CompileFailedException | RuntimeException | Error e) {
            compileFailed = true;
            markBroken("it did not compile for " + device.getName() + ": " + message(e));
            throw e;
        }
    }

    /** Whether the kernel may be used: not broken, not closed. */
    boolean usable() {
        return failure == null && !closed;
    }

    boolean closed() {
        return closed;
    }

    void warnOnFailure(boolean warn) {
        warnOnFailure = warn;
    }

    String failure() {
        return failure;
    }

    /**
     * A 1-D range of at least {@code size} work items (rounded up to the work-group size; the kernel
     * ignores the extra ones) in work-groups of {@value #GROUP_1D}.
     */
    Range range(int size) {
        int local = device.getMaxWorkGroupSize() >= GROUP_1D ? GROUP_1D : 1;
        return derived(device.createRange(roundUp(Math.max(size, 1), local), local));
    }

    /**
     * A 2-D range of at least {@code width x height} work items (each rounded up to the work-group side;
     * the kernel ignores the extra ones) in {@value #GROUP_SIDE} x {@value #GROUP_SIDE} work-groups.
     */
    /** Side of the square work-groups {@link #range2D} uses: {@link #GROUP_SIDE}, or 1 on a device too small for it. */
    int groupSide() {
        return device.getMaxWorkGroupSize() >= GROUP_SIDE * GROUP_SIDE ? GROUP_SIDE : 1;
    }

    Range range2D(int width, int height) {
        int side = groupSide();
        return derived(device.createRange2D(roundUp(Math.max(width, 1), side), roundUp(Math.max(height, 1), side), side, side));
    }

    /**
     * Marks an explicit work-group size as "derived". Aparapi's own choice takes the largest group that
     * fits (4096 work items on PoCL), which for a mid-size problem is a single group, and PoCL runs one
     * group on one core; small groups let every core (or GPU multiprocessor) work. The flag matters only
     * when a run fails: Aparapi then rebuilds a derived range for its next device (our no-op fallback)
     * instead of retrying the failed device with the caller's range.
     */
    private static Range derived(Range range) {
        range.setLocalIsDerived(true);
        return range;
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /**
     * Runs the kernel on the device and checks that it really ran there. Returns false (and marks the
     * slot broken, warning once) when it did not; the caller then computes the result on the CPU.
     */
    boolean execute(Range range) {
        kernel.clearFellBack();
        Throwable error = null;
        try {
            kernel.execute(range);
        } catch (RuntimeException | Error e) {
            error = e;
        }
        executed = true;
        List<String> failed = failedDevices();
        ranOnOpenCl = error == null && !kernel.fellBack() && failed.isEmpty();
        if (!ranOnOpenCl) {
            markBroken(error != null ? "its run failed: " + message(error)
                    : kernel.fellBack() ? "Aparapi could not run it on " + device.getName()
                    : "Aparapi marked " + failed + " failed for it");
        }
        return ranOnOpenCl;
    }

    private void markBroken(String why) {
        if (failure != null) {
            return;
        }
        failure = why;
        if (warnOnFailure) {
            LOG.log(System.Logger.Level.WARNING, "OpenCL kernel ''{0}'' is not used any more ({1}); "
                    + "this operation runs on the CPU backend from now on", name, why);
        }
    }

    /** What the last run left as evidence; see {@link ExecutionProof}. */
    ExecutionProof proof() {
        int events = 0;
        if (executed && ranOnOpenCl && !closed) {
            List<ProfileInfo> infos = kernel.getProfileInfo();
            if (infos != null) {
                for (ProfileInfo info : infos) {
                    // Labels are "read"/"exec"/"write" style; the type letter X marks a kernel execution.
                    if (String.valueOf(info.getType()).equals("X")) {
                        events++;
                    }
                }
            }
        }
        return new ExecutionProof(name, device.getName(), executed, ranOnOpenCl, events, failedDevices(), failure);
    }

    private List<String> failedDevices() {
        List<String> out = new ArrayList<>();
        for (Device d : KernelManager.instance().getPreferences(kernel).getFailedDevices()) {
            out.add(d.getShortDescription());
        }
        return out;
    }

    /**
     * Releases the kernel's native resources. Only a kernel that has been executed is disposed: Aparapi
     * crashes the JVM when a kernel is disposed after a compile with no execute, and a kernel never
     * compiled holds nothing. Idempotent.
     */
    void dispose() {
        if (closed) {
            return;
        }
        closed = true;
        if (executed) {
            kernel.dispose();
        }
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
