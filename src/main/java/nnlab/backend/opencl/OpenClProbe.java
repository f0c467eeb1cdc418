package nnlab.backend.opencl;

import java.util.List;
import java.util.Optional;

/**
 * What {@link OpenClSupport#probe()} found: whether OpenCL can run here, and if not, why and what to do.
 *
 * @param available true when at least one OpenCL device was found
 * @param problem   what is missing, in one sentence; {@code null} when available
 * @param fix       what the user can do about it, in one sentence; {@code null} when available
 * @param devices   every device of every platform, in driver order; empty when unavailable
 */
public record OpenClProbe(boolean available, String problem, String fix, List<OpenClDeviceInfo> devices) {

    public OpenClProbe {
        devices = List.copyOf(devices);
    }

    /** The device {@link OpenClBackend#open()} uses: the first GPU, else the first device. */
    public Optional<OpenClDeviceInfo> preferred() {
        return devices.stream().filter(OpenClDeviceInfo::isGpu).findFirst().or(() -> devices.stream().findFirst());
    }
}
