package nnlab.backend.opencl;

/**
 * One OpenCL device as reported by its driver.
 *
 * @param platform          platform name, e.g. {@code "Portable Computing Language"} or {@code "NVIDIA CUDA"}
 * @param platformVersion   the platform's version string, e.g. {@code "OpenCL 3.0 PoCL 3.1+debian ..."}
 * @param name              device name, e.g. {@code "pthread-skylake-avx512-AMD EPYC"}
 * @param type              {@code "GPU"}, {@code "CPU"}, {@code "ACCELERATOR"} or {@code "UNKNOWN"}
 * @param computeUnits      {@code CL_DEVICE_MAX_COMPUTE_UNITS}
 * @param globalMemoryBytes {@code CL_DEVICE_GLOBAL_MEM_SIZE}
 * @param maxWorkGroupSize  {@code CL_DEVICE_MAX_WORK_GROUP_SIZE}
 */
public record OpenClDeviceInfo(String platform, String platformVersion, String name, String type,
                               int computeUnits, long globalMemoryBytes, int maxWorkGroupSize) {

    /** True for a GPU. */
    public boolean isGpu() {
        return "GPU".equals(type);
    }

    /** The version string up to its first comma, whitespace collapsed: {@code "OpenCL 3.0 PoCL 3.1+debian Linux"}. */
    String shortPlatformVersion() {
        String v = platformVersion == null ? "" : platformVersion;
        int comma = v.indexOf(',');
        if (comma >= 0) {
            v = v.substring(0, comma);
        }
        return v.trim().replaceAll("\\s+", " ");
    }
}
