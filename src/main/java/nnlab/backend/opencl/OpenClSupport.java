package nnlab.backend.opencl;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds out, once per JVM and without ever throwing, whether OpenCL can run here.
 *
 * <p>{@link #probe()} loads Aparapi's JNI library (which needs the OpenCL ICD loader
 * {@code libOpenCL.so.1}) and lists every platform and device. Every failure on the way, including an
 * {@link UnsatisfiedLinkError} or {@link NoClassDefFoundError} from native loading, becomes an
 * unavailable {@link OpenClProbe} whose {@code problem} says what is missing and whose {@code fix} says
 * what to install. Nothing is printed: Aparapi's {@code java.util.logging} output (logger
 * {@code com.aparapi}) is limited to {@code SEVERE} unless {@code -Dcom.aparapi.logLevel} is given.
 *
 * <p>System property {@code nnlab.opencl.sharedMemory} (default {@code true}): when {@code false}, every
 * device is configured with {@code setSharedMemory(false)} before first use, so that Aparapi's explicit
 * {@code put}/{@code get} are real copies even on a CPU device (as on a discrete GPU). CI runs the
 * backend tests once that way to catch a missing {@code put} or {@code get}.
 */
public final class OpenClSupport {

    /** The fix offered whenever OpenCL is missing. */
    static final String FIX = "install an OpenCL driver: PoCL for CPUs (apt-get install pocl-opencl-icd "
            + "ocl-icd-libopencl1) or your GPU vendor's driver (NVIDIA: nvidia-opencl-icd), or run with NNLAB_BACKEND=cpu";

    /** System property that turns Aparapi's shared (host-pointer) buffers off; default true. */
    public static final String SHARED_MEMORY_PROPERTY = "nnlab.opencl.sharedMemory";

    private static OpenClProbe probe;
    /** The Aparapi device objects, in the order of {@code probe.devices()}; typed Object so that this class never needs Aparapi to load. */
    private static List<Object> handles = List.of();

    private OpenClSupport() {
    }

    /** Probes OpenCL on first call and returns the cached answer afterwards. Never throws, never prints. */
    public static synchronized OpenClProbe probe() {
        if (probe == null) {
            List<Object> found = new ArrayList<>();
            probe = runProbe(found);
            handles = List.copyOf(found);
        }
        return probe;
    }

    /** True unless {@code -Dnnlab.opencl.sharedMemory=false}. */
    static boolean sharedMemory() {
        return !"false".equalsIgnoreCase(System.getProperty(SHARED_MEMORY_PROPERTY, "true").trim());
    }

    /** The Aparapi {@code OpenCLDevice} behind {@code info}, from the last probe. */
    static synchronized Object handle(OpenClDeviceInfo info) {
        int i = probe().devices().indexOf(info);
        if (i < 0) {
            throw new IllegalArgumentException("not a device found by OpenClSupport.probe(): " + info);
        }
        return handles.get(i);
    }

    private static OpenClProbe runProbe(List<Object> found) {
        try {
            AparapiRuntime.configure(sharedMemory());
            if (!AparapiRuntime.nativeLoaded()) {
                return unavailable(icdLoaderPresent()
                        ? "Aparapi's native library could not be loaded on this system (the OpenCL ICD loader libOpenCL.so.1 is present)"
                        : "the OpenCL ICD loader library libOpenCL.so.1 is not installed");
            }
            List<OpenClDeviceInfo> devices = new ArrayList<>();
            int platforms = AparapiRuntime.scan(devices, found);
            if (platforms == 0) {
                String vendors = System.getenv("OCL_ICD_VENDORS");
                return unavailable("no OpenCL platform found: the ICD loader found no installed OpenCL driver"
                        + (vendors == null ? " (no .icd file in /etc/OpenCL/vendors)" : " (OCL_ICD_VENDORS=" + vendors + " lists none)"));
            }
            if (devices.isEmpty()) {
                found.clear();
                return unavailable("OpenCL found " + platforms + " platform(s) but no device");
            }
            return new OpenClProbe(true, null, null, devices);
        } catch (Throwable t) {
            found.clear();
            String msg = t.getMessage();
            return unavailable("loading OpenCL failed with " + t.getClass().getSimpleName()
                    + (msg == null ? "" : ": " + msg.lines().findFirst().orElse("")));
        }
    }

    private static OpenClProbe unavailable(String problem) {
        return new OpenClProbe(false, problem, FIX, List.of());
    }

    /** Looks for {@code libOpenCL.so.1} where the dynamic linker usually finds it (Linux only; true elsewhere). */
    private static boolean icdLoaderPresent() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return true;
        }
        List<String> dirs = new ArrayList<>(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                "/usr/lib64", "/usr/lib", "/usr/local/lib", "/lib/x86_64-linux-gnu", "/lib64", "/lib"));
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(File.pathSeparator)));
        }
        return dirs.stream().anyMatch(d -> !d.isEmpty() && new File(d, "libOpenCL.so.1").exists());
    }
}
