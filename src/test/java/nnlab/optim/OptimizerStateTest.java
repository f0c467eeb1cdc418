package nnlab.optim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import nnlab.testing.TestSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** stateDict / loadStateDict: an interrupted run continues exactly as an uninterrupted one; bad states are refused. */
class OptimizerStateTest {

    private static final int STEPS = 6;

    /** Optimizers with every state buffer in use, and factories for a fresh one with default settings. */
    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("SGD", (Function<List<Parameter>, Optimizer>) ps -> new SGD(ps, 0.1).momentum(0.9).nesterov(true).weightDecay(0.01),
                        (Function<List<Parameter>, Optimizer>) ps -> new SGD(ps, 1.0)),
                Arguments.of("Adam", (Function<List<Parameter>, Optimizer>) ps -> new Adam(ps, 0.01).amsgrad(true).weightDecay(0.01),
                        (Function<List<Parameter>, Optimizer>) Adam::new),
                Arguments.of("AdamW", (Function<List<Parameter>, Optimizer>) ps -> new AdamW(ps, 0.01).betas(0.8, 0.99),
                        (Function<List<Parameter>, Optimizer>) AdamW::new),
                Arguments.of("Adagrad", (Function<List<Parameter>, Optimizer>) ps -> new Adagrad(ps, 0.1).lrDecay(0.1).initialAccumulatorValue(0.5),
                        (Function<List<Parameter>, Optimizer>) Adagrad::new),
                Arguments.of("RMSprop", (Function<List<Parameter>, Optimizer>) ps -> new RMSprop(ps, 0.01).centered(true).momentum(0.5),
                        (Function<List<Parameter>, Optimizer>) RMSprop::new));
    }

    private static List<Parameter> params(long seed) {
        RandomGenerator rng = Tensor.rng(seed);
        return List.of(new Parameter(Tensor.randn(rng, 0, 1, 3, 4)), new Parameter(Tensor.randn(rng, 0, 1, 5)));
    }

    /** Gradients for step t (the second parameter gets none before step 2, so its state starts late). */
    private static void setGrads(List<Parameter> ps, RandomGenerator rng, int t) {
        for (int i = 0; i < ps.size(); i++) {
            Tensor g = Tensor.randn(rng, 0, 1, ps.get(i).shape());
            if (i == 1 && t < 2) {
                continue;
            }
            ps.get(i).zeroGrad();
            ps.get(i).accumulateGrad(g);
        }
    }

    private static List<Parameter> copyOf(List<Parameter> ps) {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : ps) {
            Parameter c = new Parameter(p.value().copy());
            if (p.grad() != null) {
                c.accumulateGrad(p.grad());
            }
            out.add(c);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void aRunResumedFromTheStateDictMatchesAnUninterruptedRunBitForBit(String name,
            Function<List<Parameter>, Optimizer> configured, Function<List<Parameter>, Optimizer> fresh) {
        long seed = TestSeeds.of(21);
        List<Parameter> straight = params(seed);
        Optimizer a = configured.apply(straight);
        RandomGenerator gradsA = Tensor.rng(seed + 1);
        for (int t = 0; t < STEPS; t++) {
            setGrads(straight, gradsA, t);
            a.step();
        }

        List<Parameter> first = params(seed);
        Optimizer b = configured.apply(first);
        RandomGenerator gradsB = Tensor.rng(seed + 1);
        for (int t = 0; t < STEPS / 2; t++) {
            setGrads(first, gradsB, t);
            b.step();
        }
        OptimizerState saved = b.stateDict();
        List<Parameter> resumedParams = copyOf(first);           // as if the weights were saved and reloaded too
        Optimizer resumed = fresh.apply(resumedParams);          // default settings: loading must restore them
        resumed.loadStateDict(saved);
        assertEquals(b.toString(), resumed.toString());
        for (int t = STEPS / 2; t < STEPS; t++) {
            setGrads(resumedParams, gradsB, t);
            resumed.step();
        }
        for (int i = 0; i < straight.size(); i++) {
            assertEquals(straight.get(i).value(), resumedParams.get(i).value(), name + " parameter " + i);
        }
        assertEquals(a.stateDict(), resumed.stateDict());
    }

    @Test
    void theStateDictIsASnapshotAndLoadingCopiesIt() {
        List<Parameter> ps = params(TestSeeds.of(3));
        setGrads(ps, Tensor.rng(TestSeeds.of(4)), 5);
        Adam opt = new Adam(ps);
        opt.step();
        OptimizerState saved = opt.stateDict();
        Tensor m = saved.tensors().get("state.0.exp_avg").copy();
        opt.step();
        assertEquals(m, saved.tensors().get("state.0.exp_avg"), "later steps do not change a saved state");
        Adam other = new Adam(copyOf(ps));
        other.loadStateDict(saved);
        other.step();
        assertEquals(m, saved.tensors().get("state.0.exp_avg"), "steps after loading do not change the loaded state");
        assertNotSame(saved.tensors().get("state.0.exp_avg"), other.stateDict().tensors().get("state.0.exp_avg"));
    }

    @Test
    void learningRatesRoundTripExactly() {
        Parameter p = new Parameter(Tensor.vector(1));
        SGD opt = new SGD(List.of(p), 0.1 + 0.2);   // 0.30000000000000004, not 0.3
        opt.setInitialLr(1.0 / 3);
        OptimizerState saved = opt.stateDict();
        assertEquals("0.30000000000000004", saved.settings().get("lr"));
        SGD other = new SGD(List.of(new Parameter(Tensor.vector(1))), 1.0);
        other.loadStateDict(saved);
        assertEquals(0.1 + 0.2, other.lr(), 0.0);
        assertEquals(1.0 / 3, other.initialLr(), 0.0);
        assertEquals(Map.of("optimizer", "SGD", "param_count", "1", "lr", "0.30000000000000004", "initial_lr", "0.3333333333333333",
                "momentum", "0.0", "dampening", "0.0", "weight_decay", "0.0", "nesterov", "false"), saved.settings());
    }

    private static OptimizerState adamState() {
        List<Parameter> ps = params(TestSeeds.of(5));
        setGrads(ps, Tensor.rng(TestSeeds.of(6)), 5);
        Adam opt = new Adam(ps);
        opt.step();
        return opt.stateDict();
    }

    private static OptimizerState with(OptimizerState s, String key, String value) {
        Map<String, String> settings = new HashMap<>(s.settings());
        if (value == null) {
            settings.remove(key);
        } else {
            settings.put(key, value);
        }
        return new OptimizerState(s.tensors(), settings);
    }

    private static OptimizerState withTensor(OptimizerState s, String key, Tensor value) {
        Map<String, Tensor> tensors = new HashMap<>(s.tensors());
        tensors.put(key, value);
        return new OptimizerState(tensors, s.settings());
    }

    private static String loadError(Optimizer target, OptimizerState s) {
        return assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(s)).getMessage();
    }

    @Test
    void aStateOfAnotherOptimizerClassIsRefused() {
        assertThat(loadError(new SGD(params(1), 0.1), adamState()),
                containsString("saved by Adam, cannot load it into SGD"));
    }

    @Test
    void aStateForAnotherNumberOfParametersIsRefused() {
        String msg = loadError(new Adam(List.of(new Parameter(Tensor.zeros(3, 4)))), adamState());
        assertThat(msg, containsString("has 2 parameters, this Adam has 1"));
    }

    @Test
    void aBufferOfTheWrongShapeIsRefusedNamingBothShapes() {
        OptimizerState bad = withTensor(adamState(), "state.1.exp_avg", Tensor.zeros(4));
        String msg = loadError(new Adam(params(1)), bad);
        assertThat(msg, containsString("'state.1.exp_avg' has shape [4] but parameter 1 has shape [5]"));
    }

    @Test
    void malformedOrForeignKeysAreRefused() {
        Adam target = new Adam(params(1));
        assertThat(loadError(target, withTensor(adamState(), "state.0.momentum_buffer", Tensor.zeros(3, 4))),
                containsString("keeps no 'momentum_buffer' buffer"));
        assertThat(loadError(target, withTensor(adamState(), "state.7.exp_avg", Tensor.zeros(5))),
                containsString("names parameter 7 but there are only 2"));
        assertThat(loadError(target, withTensor(adamState(), "exp_avg", Tensor.zeros(5))),
                containsString("not of the form state.<index>.<name>"));
        assertThat(loadError(target, with(adamState(), "state.0.step", null)),
                containsString("no setting 'state.0.step'"));
        assertThat(loadError(target, with(adamState(), "state.0.step", "-1")), containsString("cannot be negative"));
        assertThat(loadError(target, with(adamState(), "eps", null)), containsString("lacks the setting 'eps'"));
        assertThat(loadError(target, with(adamState(), "lr", "fast")), containsString("'lr' is 'fast', not a number"));
        assertThat(loadError(target, with(adamState(), "amsgrad", "yes")), containsString("not true or false"));
    }

    @Test
    void extraSettingsAreIgnored() {
        Adam target = new Adam(params(1));
        target.loadStateDict(with(adamState(), "format", "pt"));
        assertTrue(target.hasState(0));
    }

    @Test
    void aRefusedStateLeavesTheOptimizerUnchanged() {
        List<Parameter> ps = params(TestSeeds.of(7));
        setGrads(ps, Tensor.rng(TestSeeds.of(8)), 5);
        SGD target = new SGD(ps, 0.5).momentum(0.9);
        target.step();
        OptimizerState before = target.stateDict();
        OptimizerState saved = new SGD(params(1), 0.1).dampening(0.5).stateDict();
        assertThat(loadError(target, with(saved, "weight_decay", "-1")), containsString("Invalid weight_decay value: -1.0"));
        assertThat(loadError(target, with(saved, "nesterov", "true")), containsString("Nesterov momentum requires"));
        assertEquals(before, target.stateDict());
    }

    @Test
    void anOptimizerStateRejectsNullMaps() {
        assertThrows(IllegalArgumentException.class, () -> new OptimizerState(null, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new OptimizerState(Map.of(), null));
        assertFalse(new OptimizerState(Map.of(), Map.of()).settings().containsKey("lr"));
    }
}
