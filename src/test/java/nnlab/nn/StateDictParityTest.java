package nnlab.nn;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import nnlab.io.SafeTensors;
import nnlab.nn.layers.AdaptiveAvgPool2d;
import nnlab.nn.layers.BatchNorm2d;
import nnlab.nn.layers.Conv2d;
import nnlab.nn.layers.Dropout;
import nnlab.nn.layers.Flatten;
import nnlab.nn.layers.Linear;
import nnlab.nn.layers.MaxPool2d;
import nnlab.nn.layers.ReLU;
import nnlab.testing.ParityFixture;
import nnlab.tensor.Generators;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * State dicts saved by PyTorch (in {@code safetensors.torch.save_file}'s layout, by
 * {@code parity/generate_state_dict.py}) load into the same architecture built with nnlab, which then computes
 * PyTorch's eval-mode logits: within {@code 1e-5 * max(1, |logit|)} for the MLP and {@code 1e-4} for the CNN
 * (convolution and BatchNorm sum more float32 terms, in another order).
 */
class StateDictParityTest {

    @Test
    void pyTorchMlpStateDictGivesTheSameLogits() throws IOException, URISyntaxException {
        Sequential mlp = mlp();
        StateDictLoad load = mlp.loadStateDict(SafeTensors.read(resource("mlp")));
        assertThat(load.missingKeys(), is(empty()));
        ParityFixture io = ParityFixture.load("state_dict", "mlp_io");
        mlp.eval();
        io.assertClose("logits", mlp.forward(io.tensor("input")), 1e-5);
    }

    @Test
    void pyTorchCnnStateDictWithBatchNormBuffersGivesTheSameLogits() throws IOException, URISyntaxException {
        Sequential cnn = cnn();
        Map<String, Tensor> state = SafeTensors.read(resource("cnn"));
        StateDictLoad load = cnn.loadStateDict(state);
        assertThat(load.unexpectedKeys(), is(empty()));
        // the int64 counter PyTorch stores arrives as a number nnlab keeps
        assertThat(cnn.stateDict().get("1.num_batches_tracked").item(), is(3f));
        ParityFixture io = ParityFixture.load("state_dict", "cnn_io");
        cnn.eval();
        io.assertClose("logits", cnn.forward(io.tensor("input")), 1e-4);
    }

    /**
     * The other direction: nnlab's own weights (and BatchNorm statistics after three training forwards) are written
     * to {@code target/nnlab-export} with the logits nnlab computes; {@code parity/check_nnlab_state_dict.py} loads
     * them into PyTorch and compares (run by hand: tests do not need Python). Here: they read back identically.
     */
    @Test
    void nnlabStateDictsAreExportedForPyTorchAndReadBack() throws IOException {
        Path dir = Path.of("target", "nnlab-export");
        java.nio.file.Files.createDirectories(dir);
        Generators.manualSeed(2026);
        export(dir, "mlp", mlp(), Tensor.randn(Tensor.rng(1), 0f, 1f, 4, 20));
        Sequential cnn = cnn();
        for (int i = 0; i < 3; i++) {
            cnn.forward(Tensor.randn(Tensor.rng(10 + i), 0.5f, 2f, 8, 1, 12, 12));
        }
        export(dir, "cnn", cnn, Tensor.randn(Tensor.rng(2), 0f, 1f, 3, 1, 12, 12));
    }

    private static void export(Path dir, String name, Sequential model, Tensor input) throws IOException {
        model.eval();
        Tensor logits = model.forward(input);
        SafeTensors.write(dir.resolve(name + ".safetensors"), model.stateDict());
        SafeTensors.write(dir.resolve(name + "_io.safetensors"), Map.of("input", input, "logits", logits));
        Sequential fresh = name.equals("mlp") ? mlp() : cnn();
        fresh.loadStateDict(SafeTensors.read(dir.resolve(name + ".safetensors")));
        fresh.eval();
        assertThat(fresh.forward(input), is(logits));
    }

    /** {@code generate_state_dict.mlp()}. */
    static Sequential mlp() {
        return new Sequential(new Linear(20, 16), new ReLU(), new Dropout(0.5), new Linear(16, 10));
    }

    /** {@code generate_state_dict.cnn()}. */
    static Sequential cnn() {
        return new Sequential(
                new Conv2d(1, 4, 3, 1, 1), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2),
                new Conv2d(4, 8, 3), new ReLU(), new AdaptiveAvgPool2d(2, 2), new Flatten(),
                new Dropout(0.5), new Linear(32, 10));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(StateDictParityTest.class.getResource("/parity/state_dict/" + name + ".safetensors").toURI());
    }
}
