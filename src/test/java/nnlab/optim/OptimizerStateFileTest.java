package nnlab.optim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nnlab.io.SafeTensors;
import nnlab.io.SafeTensorsFile;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An optimizer's state saved to a safetensors file (tensors as data, settings as metadata) and loaded into a new
 * optimizer continues exactly as the uninterrupted one: checkpointing mid-training loses nothing.
 */
class OptimizerStateFileTest {

    @TempDir
    Path dir;

    @Test
    void adamStateSurvivesAFileRoundTrip() throws IOException {
        Parameter a = new Parameter(Tensor.randn(Tensor.rng(1), 0f, 1f, 3, 4));
        Parameter b = new Parameter(Tensor.randn(Tensor.rng(2), 0f, 1f, 5));
        Adam uninterrupted = new Adam(List.of(a, b), 0.01).amsgrad(true).weightDecay(1e-3);
        for (int step = 0; step < 3; step++) {
            step(uninterrupted, a, b, step);
        }
        Path file = dir.resolve("adam.safetensors");
        OptimizerState saved = uninterrupted.stateDict();
        SafeTensors.write(file, saved.tensors(), saved.settings());

        Parameter a2 = new Parameter(a.value().copy());
        Parameter b2 = new Parameter(b.value().copy());
        Adam resumed = new Adam(List.of(a2, b2), 0.01).amsgrad(true).weightDecay(1e-3);
        SafeTensorsFile f = SafeTensors.open(file);
        resumed.loadStateDict(new OptimizerState(f.tensors(), f.metadata()));
        for (int step = 3; step < 6; step++) {
            step(uninterrupted, a, b, step);
            step(resumed, a2, b2, step);
        }
        assertThat(a2.value(), is(a.value()));
        assertThat(b2.value(), is(b.value()));
    }

    /** Fixed pseudo-gradients per step, the same for both runs. */
    private static void step(Optimizer opt, Parameter a, Parameter b, int step) {
        opt.zeroGrad();
        a.accumulateGrad(Tensor.randn(Tensor.rng(100 + step), 0f, 1f, 3, 4));
        b.accumulateGrad(Tensor.randn(Tensor.rng(200 + step), 0f, 1f, 5));
        opt.step();
    }
}
