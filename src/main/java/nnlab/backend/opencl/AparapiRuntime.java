package nnlab.backend.opencl;

import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLLoader;
import com.aparapi.internal.opencl.OpenCLPlatform;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every direct use of Aparapi's start-up machinery, kept out of {@link OpenClSupport} so that a broken
 * Aparapi installation fails inside {@link OpenClSupport#probe()}'s {@code try} and not while loading it.
 */
final class AparapiRuntime {

    /** Parent of the loggers of Aparapi classes that use their own name. */
    static final String LOGGER = "com.aparapi";

    /** Strong references: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static Logger aparapiLogger;
    private static Logger configLogger;
    private static boolean configured;

    private AparapiRuntime() {
    }

    /**
     * Quiets Aparapi and applies the shared-memory setting; must run before any device is listed.
     *
     * <p>Aparapi's {@code Config} sets the level of <em>every root handler</em> to its own log level
     * (default WARNING) when it is initialized; we initialize it here, then put the root handlers' levels
     * back and switch only the {@code com.aparapi} logger off (its messages on a missing library or a
     * kernel fall-back come with stack traces, which users must not see; nnlab reports both itself),
     * unless {@code -Dcom.aparapi.logLevel} was given.
     */
    static synchronized void configure(boolean sharedMemory) throws ClassNotFoundException {
        if (configured) {
            return;
        }
        configured = true;
        Logger root = Logger.getLogger("");
        Handler[] handlers = root.getHandlers();
        Level[] levels = new Level[handlers.length];
        for (int i = 0; i < handlers.length; i++) {
            levels[i] = handlers[i].getLevel();
        }
        Class.forName("com.aparapi.Config", true, AparapiRuntime.class.getClassLoader());
        for (int i = 0; i < handlers.length; i++) {
            handlers[i].setLevel(levels[i]);
        }
        aparapiLogger = Logger.getLogger(LOGGER);
        // Most Aparapi classes log to Config.getLoggerName(), which is "com.aparapi.logLevel" (sic), a
        // child of "com.aparapi" whose level Config sets explicitly, so it must be switched off itself.
        configLogger = Logger.getLogger(com.aparapi.Config.getLoggerName());
        if (System.getProperty(com.aparapi.Config.getLoggerName()) == null) {
            aparapiLogger.setLevel(Level.OFF);
            configLogger.setLevel(Level.OFF);
        }
        if (!sharedMemory) {
            OpenCLDevice.setConfigurator(d -> d.setSharedMemory(false));
        }
    }

    /** Loads Aparapi's JNI library (and through it libOpenCL); false when that failed. */
    static boolean nativeLoaded() {
        return OpenCLLoader.isOpenCLAvailable();
    }

    /**
     * Lists every device of every platform into {@code infos} and the matching Aparapi devices into
     * {@code handles}; returns the number of platforms.
     */
    static int scan(List<OpenClDeviceInfo> infos, List<Object> handles) {
        List<OpenCLPlatform> platforms = new OpenCLPlatform().getOpenCLPlatforms();
        if (platforms == null) {
            return 0;
        }
        for (OpenCLPlatform p : platforms) {
            List<OpenCLDevice> devices = p.getOpenCLDevices();
            for (OpenCLDevice d : devices == null ? new ArrayList<OpenCLDevice>() : devices) {
                if (!OpenClSupport.sharedMemory()) {
                    d.setSharedMemory(false);
                }
                infos.add(new OpenClDeviceInfo(clean(p.getName()), clean(p.getVersion()), clean(d.getName()),
                        typeName(d.getType()), d.getMaxComputeUnits(), d.getGlobalMemSize(), d.getMaxWorkGroupSize()));
                handles.add(d);
            }
        }
        return platforms.size();
    }

    private static String typeName(Device.TYPE type) {
        if (type == Device.TYPE.GPU) {
            return "GPU";
        }
        if (type == Device.TYPE.CPU) {
            return "CPU";
        }
        if (type == Device.TYPE.ACC) {
            return "ACCELERATOR";
        }
        return "UNKNOWN";
    }

    private static String clean(String s) {
        return s == null ? "" : s.trim();
    }
}
