package nnlab.backend.opencl;

/**
 * A kernel Aparapi cannot translate to OpenCL (its {@code run()} uses a {@code String} field and a
 * {@code switch}), used to drive {@link KernelSlot} down its failure path.
 */
final class UntranslatableKernel extends OpenClKernel {

    float[] out = new float[4];
    String label = "x";

    @Override
    public void run() {
        int i = getGlobalId();
        switch (label.length()) {
            case 1 -> out[i] = 1f;
            default -> out[i] = 2f;
        }
    }
}
