package nnlab.backend.simd;

import nnlab.backend.Backend;
import nnlab.backend.BackendContractTest;

/** {@link SimdBackend} against the shared backend contract; {@link SimdBackendTest} covers its own blocking edges. */
class SimdBackendContractTest extends BackendContractTest {

    @Override
    protected Backend createBackend() {
        return new SimdBackend();
    }
}
