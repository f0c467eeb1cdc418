package nnlab.backend;

/** {@link CpuBackend} against the backend contract; it is the reference the other backends are held to. */
class CpuBackendContractTest extends BackendContractTest {

    @Override
    protected Backend createBackend() {
        return new CpuBackend();
    }
}
