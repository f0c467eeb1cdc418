package nnlab.nn;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.nn.layers.Flatten;
import nnlab.nn.layers.Linear;
import nnlab.nn.layers.ReLU;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ModuleTest {

    /** AlexNet's layout in miniature: named children holding Sequentials, so names read classifier.2.bias. */
    static final class TinyNet extends Module {
        final Sequential features;
        final Sequential classifier;

        TinyNet(long seed) {
            features = registerModule("features", new Sequential(new Linear(4, 6, true, Tensor.rng(seed)), new ReLU()));
            classifier = registerModule("classifier",
                    new Sequential(new Flatten(), new ReLU(), new Linear(6, 3, true, Tensor.rng(seed + 1))));
            registerBuffer("calls", Tensor.scalar(0));
        }

        @Override
        protected Tensor doForward(Tensor x) {
            return classifier.forward(features.forward(x));
        }

        @Override
        protected Tensor doBackward(Tensor gradOut) {
            return features.backward(classifier.backward(gradOut));
        }
    }

    @Test
    void namesParametersWithPyTorchDottedPaths() {
        assertThat(new TinyNet(1).namedParameters().keySet(),
                contains("features.0.weight", "features.0.bias", "classifier.2.weight", "classifier.2.bias"));
    }

    @Test
    void stateDictHasParametersThenBuffersOfEachModuleThenChildren() {
        assertThat(new TinyNet(1).stateDict().keySet(), contains("calls", "features.0.weight", "features.0.bias",
                "classifier.2.weight", "classifier.2.bias"));
    }

    @Test
    void stateDictRoundTripGivesTheSameOutputs() {
        TinyNet a = new TinyNet(1);
        TinyNet b = new TinyNet(99);
        Tensor x = Tensor.randn(Tensor.rng(2), 0f, 1f, 5, 4);
        StateDictLoad load = b.loadStateDict(a.stateDict());
        assertThat(load.missingKeys(), is(empty()));
        assertThat(b.forward(x), is(a.forward(x)));
    }

    @Test
    void stateDictIsACopy() {
        TinyNet net = new TinyNet(1);
        Map<String, Tensor> state = net.stateDict();
        state.get("features.0.bias").fill(42f);
        assertThat(net.namedParameters().get("features.0.bias").value().max() < 42f, is(true));
    }

    @Test
    void loadRejectsMismatchedShapesAndChangesNothing() {
        TinyNet net = new TinyNet(1);
        Map<String, Tensor> before = net.stateDict();
        Map<String, Tensor> state = new LinkedHashMap<>(new TinyNet(2).stateDict());
        state.put("classifier.2.weight", Tensor.zeros(10, 6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(state, false));
        assertThat(e.getMessage(), containsString("size mismatch for classifier.2.weight: copying a tensor of shape "
                + "[10, 6] from the state dict, the shape in the current model is [3, 6]"));
        assertThat(e.getMessage(), containsString("Nothing was loaded"));
        assertThat(net.stateDict(), is(before));
    }

    @Test
    void strictLoadNamesMissingAndUnexpectedKeys() {
        TinyNet net = new TinyNet(1);
        Map<String, Tensor> state = new LinkedHashMap<>(net.stateDict());
        state.remove("features.0.bias");
        state.put("fc.weight", Tensor.zeros(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(state));
        assertThat(e.getMessage(), containsString("missing keys [features.0.bias]"));
        assertThat(e.getMessage(), containsString("unexpected keys [fc.weight]"));
        StateDictLoad lenient = net.loadStateDict(state, false);
        assertThat(lenient.missingKeys(), contains("features.0.bias"));
        assertThat(lenient.unexpectedKeys(), contains("fc.weight"));
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        TinyNet net = new TinyNet(1);
        net.eval();
        assertThat(net.classifier.get(2).isTraining(), is(false));
        net.train();
        assertThat(net.features.get(0).isTraining(), is(true));
    }

    @Test
    void backwardBeforeForwardIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ReLU().backward(Tensor.ones(2)));
        assertThat(e.getMessage(), is("ReLU().backward called before any forward; call forward(x) first: "
                + "each forward allows exactly one backward"));
    }

    @Test
    void secondBackwardAfterOneForwardIsAnError() {
        Linear linear = new Linear(2, 2, true, Tensor.rng(1));
        linear.forward(Tensor.ones(1, 2));
        linear.backward(Tensor.ones(1, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> linear.backward(Tensor.ones(1, 2)));
        assertThat(e.getMessage(), containsString("backward called twice after one forward"));
    }

    @Test
    void backwardAfterSwitchingModeIsAnError() {
        Linear linear = new Linear(2, 2, true, Tensor.rng(1));
        linear.forward(Tensor.ones(1, 2));
        linear.eval();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> linear.backward(Tensor.ones(1, 2)));
        assertThat(e.getMessage(), containsString("the forward ran in train() mode but the module is now in eval() mode"));
    }

    @Test
    void gradOutOfTheWrongShapeIsAnError() {
        Linear linear = new Linear(2, 3, true, Tensor.rng(1));
        linear.forward(Tensor.ones(4, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> linear.backward(Tensor.ones(4, 2)));
        assertThat(e.getMessage(), containsString("expects gradOut of shape [4, 3] (the shape forward returned), got [4, 2]"));
    }

    @Test
    void anImplementationReturningTheWrongGradientShapeIsCaught() {
        Module broken = new Module() {
            @Override
            protected Tensor doForward(Tensor x) {
                return x.copy();
            }

            @Override
            protected Tensor doBackward(Tensor gradOut) {
                return gradOut.flatten(0);
            }
        };
        broken.forward(Tensor.ones(2, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> broken.backward(Tensor.ones(2, 2)));
        assertThat(e.getMessage(), containsString("returned dx of shape [4] but the input had shape [2, 2]"));
    }

    @Test
    void freezingSkipsParameterGradients() {
        TinyNet net = new TinyNet(1);
        net.features.requiresGrad(false);
        net.forward(Tensor.ones(2, 4));
        net.backward(Tensor.ones(2, 3));
        assertThat(net.namedParameters().get("features.0.weight").hasGrad(), is(false));
        assertThat(net.namedParameters().get("classifier.2.weight").hasGrad(), is(true));
    }

    @Test
    void printsATreeLikePyTorch() {
        assertThat(new Sequential(new Linear(2, 3, true, Tensor.rng(0)), new ReLU()).toString(),
                is("Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=true)\n  (1): ReLU()\n)"));
    }

    @Test
    void numParametersCountsEveryScalar() {
        assertThat(new TinyNet(1).numParameters(), is(4L * 6 + 6 + 6 * 3 + 3));
    }
}
