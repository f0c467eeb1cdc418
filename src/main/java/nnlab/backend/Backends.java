package nnlab.backend;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;
import nnlab.backend.opencl.OpenClBackend;
import nnlab.backend.opencl.OpenClDeviceInfo;
import nnlab.backend.opencl.OpenClProbe;
import nnlab.backend.opencl.OpenClSupport;
import nnlab.backend.opencl.SignalChaining;
import nnlab.backend.simd.SimdBackend;
import nnlab.backend.simd.SimdSupport;

/**
 * Chooses the compute backend for this JVM and remembers why.
 *
 * <p>The request comes from the system property {@value #PROPERTY} if set, else the environment
 * variable {@value #ENV_VAR}, else {@code auto}. Values:
 * <ul>
 *   <li>{@code cpu}: always {@link CpuBackend}.</li>
 *   <li>{@code simd}: {@link SimdBackend}; where the JVM lacks {@code --add-modules jdk.incubator.vector}
 *       (an IDE run without the flag) nnlab falls back to {@code cpu} and says so once.</li>
 *   <li>{@code opencl}: {@link OpenClBackend} on the preferred device (a GPU if there is one); where OpenCL
 *       cannot run this fails with a {@link BackendUnavailableException} that says what is missing and how
 *       to install it.</li>
 *   <li>{@code auto}: {@code opencl} only when the OpenCL device is a GPU (on a CPU, PoCL runs on the same
 *       cores as {@code simd} and is slower), else {@code simd}, else {@code cpu}. OpenCL is not even probed
 *       in a JVM without signal chaining ({@link SignalChaining}), since loading a driver such as PoCL
 *       there can crash the JVM later.</li>
 * </ul>
 */
public final class Backends {

    /** Environment variable that picks the backend: {@code auto|cpu|simd|opencl}. */
    public static final String ENV_VAR = "NNLAB_BACKEND";
    /** System property that picks the backend; wins over {@link #ENV_VAR}. */
    public static final String PROPERTY = "nnlab.backend";

    private static final Logger LOG = System.getLogger(Backends.class.getName());
    private static Selection current;
    private static boolean simdFallbackReported;

    private Backends() {
    }

    /**
     * A chosen backend and a sentence saying why it was chosen.
     *
     * @param backend   the backend that runs
     * @param requested what was asked for ({@code auto}, {@code cpu}, {@code simd}, {@code opencl})
     * @param reason    why this backend runs, for {@code nnlab info} and logs
     */
    public record Selection(Backend backend, String requested, String reason) {
    }

    /** The backend of this JVM, chosen on first use from {@link #requested()}. */
    public static Backend current() {
        return selection().backend();
    }

    /** The selection of this JVM, chosen on first use from {@link #requested()}. */
    public static synchronized Selection selection() {
        if (current == null) {
            current = select(requested());
        }
        return current;
    }

    /**
     * Makes {@code backend} the backend of this JVM (tests, labs that compare backends). The previous
     * backend is not closed: its owner decides.
     */
    public static synchronized void use(Backend backend) {
        if (backend == null) {
            throw new IllegalArgumentException("Backends.use: backend is null; pass e.g. new CpuBackend()");
        }
        current = new Selection(backend, backend.name(), "set by the program (Backends.use)");
    }

    /** The request: property {@value #PROPERTY}, else env {@value #ENV_VAR}, else {@code auto}; validated. */
    public static String requested() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return normalize(property, "-D" + PROPERTY);
        }
        String env = System.getenv(ENV_VAR);
        if (env != null && !env.isBlank()) {
            return normalize(env, ENV_VAR);
        }
        return "auto";
    }

    private static String normalize(String value, String source) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto", "cpu", "simd", "opencl" -> v;
            default -> throw new IllegalArgumentException(source + "=" + value
                    + " is not a backend; use one of auto, cpu, simd, opencl");
        };
    }

    /**
     * Chooses a backend for a request ({@code auto|cpu|simd|opencl}) without remembering it.
     *
     * @throws BackendUnavailableException when {@code opencl} is asked for and cannot run
     * @throws IllegalArgumentException    for an unknown request
     */
    public static Selection select(String request) {
        String r = normalize(request, "backend");
        return switch (r) {
            case "cpu" -> new Selection(new CpuBackend(), r, "cpu was asked for");
            case "simd" -> simdOrCpu(r, "simd was asked for");
            case "opencl" -> new Selection(OpenClBackend.open(), r, "opencl was asked for");
            default -> auto();
        };
    }

    private static Selection auto() {
        if (!SignalChaining.active()) {
            return simdOrCpu("auto", "auto: OpenCL was not probed, because " + SignalChaining.risk() + " (fix: "
                    + SignalChaining.fix() + ")");
        }
        OpenClProbe probe = OpenClSupport.probe();
        Optional<OpenClDeviceInfo> gpu = probe.available() ? probe.preferred().filter(OpenClDeviceInfo::isGpu)
                : Optional.empty();
        String why;
        if (gpu.isPresent()) {
            try {
                return new Selection(OpenClBackend.open(), "auto", "auto: OpenCL GPU '" + gpu.get().name() + "' found");
            } catch (BackendUnavailableException e) {
                why = "auto: OpenCL GPU '" + gpu.get().name() + "' failed its start-up check (" + e.getMessage() + ")";
                LOG.log(Level.WARNING, why);
            }
        } else if (probe.available()) {
            why = "auto: the OpenCL device" + probe.preferred().map(d -> " '" + d.name() + "'").orElse("")
                    + " is not a GPU, so OpenCL would run on the same cores as simd, only slower";
        } else {
            why = "auto: OpenCL is unavailable (" + probe.problem() + ")";
        }
        return simdOrCpu("auto", why);
    }

    private static Selection simdOrCpu(String requested, String why) {
        if (SimdSupport.available()) {
            return new Selection(new SimdBackend(), requested, why + "; the Vector API is present, so simd runs");
        }
        String reason = why + "; simd cannot run because " + SimdSupport.unavailableReason().orElse("?")
                + ", so cpu runs";
        reportSimdFallbackOnce(reason);
        return new Selection(new CpuBackend(), requested, reason);
    }

    private static synchronized void reportSimdFallbackOnce(String reason) {
        if (!simdFallbackReported) {
            simdFallbackReported = true;
            LOG.log(Level.WARNING, "nnlab: falling back to the cpu backend: {0}", reason);
        }
    }

    /**
     * Creates a fresh backend by name for tools that compare backends ({@code nnlab bench}); unlike
     * {@link #select}, {@code simd} without the Vector API fails instead of falling back.
     *
     * @throws BackendUnavailableException when that backend cannot run here, saying why and the fix
     */
    public static Backend create(String name) {
        String n = normalize(name, "backend");
        return switch (n) {
            case "cpu" -> new CpuBackend();
            case "simd" -> {
                if (!SimdSupport.available()) {
                    throw new BackendUnavailableException("simd", SimdSupport.unavailableReason().orElse("?"),
                            "Run through ./nnlab or mvn, which pass the flag");
                }
                yield new SimdBackend();
            }
            case "opencl" -> OpenClBackend.open();
            default -> throw new IllegalArgumentException("create: 'auto' is not a backend; use select(\"auto\")");
        };
    }
}
