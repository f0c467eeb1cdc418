package nnlab.nn;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import nnlab.io.SafeTensors;
import nnlab.nn.layers.Linear;
import nnlab.nn.layers.ReLU;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state dict saved by nnlab loads back bit-identical, into a model that then computes identical outputs. */
class StateDictFileTest {

    @TempDir
    Path dir;

    @Test
    void savedStateDictLoadsBackBitIdentical() throws IOException {
        Sequential saved = new Sequential(new Linear(9, 13, true, Tensor.rng(1)), new ReLU(), new Linear(13, 4, true, Tensor.rng(2)));
        // values that a careless float->text->float path would change
        saved.namedParameters().get("2.bias").value().copyFrom(Tensor.vector(-0f, Float.MIN_VALUE, 1f / 3, Float.MAX_VALUE));
        Path file = dir.resolve("mlp.safetensors");
        SafeTensors.write(file, saved.stateDict());

        Sequential loaded = new Sequential(new Linear(9, 13, true, Tensor.rng(7)), new ReLU(), new Linear(13, 4, true, Tensor.rng(8)));
        loaded.loadStateDict(SafeTensors.read(file));
        Map<String, Tensor> a = saved.stateDict();
        Map<String, Tensor> b = loaded.stateDict();
        assertThat(b.keySet(), is(a.keySet()));
        for (String key : a.keySet()) {
            float[] x = a.get(key).data();
            float[] y = b.get(key).data();
            for (int i = 0; i < x.length; i++) {
                assertThat(key + "[" + i + "]", Float.floatToRawIntBits(y[i]), is(Float.floatToRawIntBits(x[i])));
            }
        }
        Tensor input = Tensor.randn(Tensor.rng(3), 0f, 1f, 5, 9);
        assertThat(loaded.forward(input), is(saved.forward(input)));
    }
}
