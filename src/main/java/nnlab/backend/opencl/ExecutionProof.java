package nnlab.backend.opencl;

import java.util.List;

/**
 * Evidence about the last run of one of {@link OpenClBackend}'s kernels, from {@link OpenClBackend#lastExecution}.
 *
 * <p>{@code Kernel.isRunningCL()} and {@code getTargetDevice()} only report Aparapi's <em>preferred</em>
 * device, not where a run happened, so they prove nothing. This record combines three independent facts:
 * <ul>
 *   <li>{@code ranOnOpenCl}: the run raised nothing, Aparapi did not divert it to its fallback (see
 *       {@link OpenClKernel}), and Aparapi's {@code KernelManager} did not mark the device failed;</li>
 *   <li>{@code executionEvents}: OpenCL kernel-execution events in {@code Kernel.getProfileInfo()}
 *       (recorded by the OpenCL runtime itself; only with {@code -Dcom.aparapi.enableProfiling=true},
 *       otherwise 0);</li>
 *   <li>{@code failedDevices}: the devices {@code KernelManager} lists as failed for this kernel class.</li>
 * </ul>
 *
 * @param kernel          {@code "gemm"}, {@code "im2col"} or {@code "col2im"}
 * @param device          the OpenCL device the kernel was sent to
 * @param executed        whether the kernel was executed at all since the backend opened
 * @param ranOnOpenCl     whether the last run verifiably happened on that device
 * @param executionEvents kernel-execution ({@code X}) events in the last run's OpenCL profile
 * @param failedDevices   short descriptions of devices Aparapi marked failed for this kernel class
 * @param failure         why the kernel is not used (it then runs on the CPU backend), or null
 */
public record ExecutionProof(String kernel, String device, boolean executed, boolean ranOnOpenCl,
                             int executionEvents, List<String> failedDevices, String failure) {

    public ExecutionProof {
        failedDevices = List.copyOf(failedDevices);
    }

    /** Strongest proof available: ran on OpenCL, the profile holds an execution event, and no device failed. */
    public boolean proven() {
        return executed && ranOnOpenCl && executionEvents > 0 && failedDevices.isEmpty() && failure == null;
    }
}
