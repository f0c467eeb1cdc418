package nnlab.backend.simd;

import jdk.incubator.vector.FloatVector;

/** Reads the preferred vector shape; loaded only after {@link SimdSupport#available()} said yes. */
final class VectorShapes {

    private VectorShapes() {
    }

    static int preferredFloatLanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    static int preferredBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
