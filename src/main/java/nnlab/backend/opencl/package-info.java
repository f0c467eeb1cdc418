/**
 * The {@code opencl} backend: GEMM, im2col and col2im as Aparapi kernels on an OpenCL device.
 *
 * <ul>
 *   <li>{@link nnlab.backend.opencl.OpenClSupport#probe()}: is OpenCL usable here, which devices, and if
 *       not, why and what to install. Never throws, never prints.</li>
 *   <li>{@link nnlab.backend.opencl.OpenClBackend#open()}: the backend on the preferred device (first GPU,
 *       else first device), after a start-up check of every kernel against the CPU backend.</li>
 *   <li>{@link nnlab.backend.opencl.ExecutionProof}: evidence that a kernel really ran on OpenCL.</li>
 * </ul>
 *
 * <p>Kernels: {@code GemmKernel} (register-blocked 4x8 tiles on host-packed operands), {@code Im2ColKernel},
 * {@code Col2ImKernel} (a gather, no atomics). All run in Aparapi's explicit mode on an explicit device
 * and never fall back to Aparapi's Java thread pool; a kernel that cannot run on OpenCL is retired with
 * one logged warning and its operation goes to {@link nnlab.backend.CpuBackend}.
 *
 * <p>System property {@code nnlab.opencl.sharedMemory=false} makes Aparapi's put/get real copies even on
 * CPU devices (as on a discrete GPU); tests run once that way to catch a missing put or get.
 */
package nnlab.backend.opencl;
