package nnlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import nnlab.backend.BackendUnavailableException;
import nnlab.backend.Backends;
import nnlab.backend.opencl.OpenClDeviceInfo;
import nnlab.backend.opencl.OpenClProbe;
import nnlab.backend.opencl.OpenClSupport;
import nnlab.backend.opencl.SignalChaining;
import nnlab.backend.simd.SimdSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nnlab info}: the Java runtime, the backend that would run and why, SIMD support, and every
 * OpenCL platform and device (or why OpenCL is unavailable and how to get it).
 */
@Command(name = "info", description = "Show Java, the chosen compute backend and why, SIMD and OpenCL devices.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        out.printf("nnlab     %s%n", VersionProvider.version());
        out.printf("Java      %s (%s) at %s%n", System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.home"));
        out.printf("System    %s %s, %d cores, max heap %d MiB%n", System.getProperty("os.name"),
                System.getProperty("os.arch"), rt.availableProcessors(), rt.maxMemory() >> 20);
        out.println();
        int status = printBackend(out);
        out.println();
        printSimd(out);
        if (!SignalChaining.active()) {
            out.printf("Signals   warning: %s%n          fix: %s%n", SignalChaining.risk(), SignalChaining.fix());
        }
        printOpenCl(out, OpenClSupport.probe());
        out.flush();
        return status;
    }

    private static int printBackend(PrintWriter out) {
        String source = System.getProperty(Backends.PROPERTY) != null ? "-D" + Backends.PROPERTY
                : System.getenv(Backends.ENV_VAR) != null ? Backends.ENV_VAR : "default";
        String requested;
        try {
            requested = Backends.requested();
        } catch (IllegalArgumentException e) {
            out.printf("Backend   error: %s%n", e.getMessage());
            return 2;
        }
        out.printf("Requested %s (from %s; set NNLAB_BACKEND=auto|cpu|simd|opencl to change)%n", requested, source);
        try {
            Backends.Selection s = Backends.select(requested);
            try (var backend = s.backend()) {
                out.printf("Backend   %s: %s%n", backend.name(), backend.description());
                out.printf("Why       %s%n", s.reason());
            }
            return 0;
        } catch (BackendUnavailableException e) {
            out.printf("Backend   none: %s%n", e.getMessage());
            return 1;
        }
    }

    private static void printSimd(PrintWriter out) {
        if (SimdSupport.available()) {
            out.printf("SIMD      available: JDK Vector API, %d-bit vectors (%d float lanes)%n",
                    SimdSupport.vectorBits(), SimdSupport.floatLanes());
        } else {
            out.printf("SIMD      unavailable: %s%n", SimdSupport.unavailableReason().orElse("?"));
        }
    }

    static void printOpenCl(PrintWriter out, OpenClProbe probe) {
        if (!probe.available()) {
            out.printf("OpenCL    unavailable: %s%n", probe.problem());
            out.printf("          fix: %s%n", probe.fix());
            return;
        }
        List<OpenClDeviceInfo> devices = probe.devices();
        Map<String, List<OpenClDeviceInfo>> byPlatform = new TreeMap<>();
        for (OpenClDeviceInfo d : devices) {
            byPlatform.computeIfAbsent(d.platform() + " (" + d.platformVersion() + ")", p -> new java.util.ArrayList<>())
                    .add(d);
        }
        OpenClDeviceInfo preferred = probe.preferred().orElse(null);
        out.printf("OpenCL    available: %d platform(s), %d device(s)%n", byPlatform.size(), devices.size());
        for (Map.Entry<String, List<OpenClDeviceInfo>> p : byPlatform.entrySet()) {
            out.printf("  platform %s%n", p.getKey());
            for (OpenClDeviceInfo d : p.getValue()) {
                out.printf("    [%s] %s, %d compute units, %d MiB, max work-group %d%s%n", d.type(), d.name(),
                        d.computeUnits(), d.globalMemoryBytes() >> 20, d.maxWorkGroupSize(),
                        d.equals(preferred) ? "  <- preferred" : "");
            }
        }
    }
}
