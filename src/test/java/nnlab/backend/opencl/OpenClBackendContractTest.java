package nnlab.backend.opencl;

import nnlab.backend.Backend;
import nnlab.backend.BackendContractTest;

/**
 * {@link OpenClBackend} against the shared backend contract (skipped without OpenCL, failed where
 * {@code NNLAB_REQUIRE_OPENCL=1}). The build runs it twice: with PoCL's shared host memory and with
 * {@code nnlab.opencl.sharedMemory=false}, where buffers are real copies as on a discrete GPU.
 */
class OpenClBackendContractTest extends BackendContractTest {

    @Override
    protected Backend createBackend() {
        OpenClAssumptions.assumeOpenCl();
        return OpenClBackend.open();
    }
}
