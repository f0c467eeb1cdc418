package nnlab.backend.simd;

import java.util.Optional;

/**
 * Tells whether the JDK Vector API ({@code jdk.incubator.vector}) is usable in this JVM, without
 * loading any of its classes: it is an incubator module and is only resolved when the JVM is started
 * with {@code --add-modules jdk.incubator.vector} (the {@code ./nnlab} launcher, surefire and exec do
 * that). Only when {@link #available()} is true may {@link SimdBackend} be loaded.
 */
public final class SimdSupport {

    /** The module that must be in the boot layer. */
    public static final String MODULE = "jdk.incubator.vector";

    private SimdSupport() {
    }

    /** True when {@code jdk.incubator.vector} is in the boot module layer. */
    public static boolean available() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** Why SIMD cannot be used, and the fix; empty when it can. */
    public static Optional<String> unavailableReason() {
        if (available()) {
            return Optional.empty();
        }
        return Optional.of("the JDK Vector API module " + MODULE + " is not loaded in this JVM; start java with "
                + "--add-modules " + MODULE + " (./nnlab and mvn do this for you)");
    }

    /**
     * Float lanes of the preferred vector shape ({@code FloatVector.SPECIES_PREFERRED.length()}),
     * e.g. 16 with AVX-512, 8 with AVX2; 0 when the module is absent.
     */
    public static int floatLanes() {
        return available() ? VectorShapes.preferredFloatLanes() : 0;
    }

    /** Preferred vector width in bits, e.g. 512 with AVX-512; 0 when the module is absent. */
    public static int vectorBits() {
        return available() ? VectorShapes.preferredBits() : 0;
    }
}
