package nnlab.nn.loss;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;
import nnlab.testing.ParityFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loss values and gradients against PyTorch 1.13 (fixtures from {@code parity/generate_loss.py}; PyTorch computes
 * the reference in float64 from the float32 inputs). Bound: {@code |actual - expected| <= 1e-5 · max(1, |expected|)}
 * (absolute below 1, relative above), for the value and for every gradient element.
 */
class LossParityTest {

    private static final double TOLERANCE = 1e-5;
    /** The MLP of the penalty fixtures: Sequential(Linear(4, 8), ReLU(), Linear(8, 3)), PyTorch's names. */
    private static final List<String> MLP_PARAMETERS = List.of("0.weight", "0.bias", "2.weight", "2.bias");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "ce_mean", "ce_sum", "ce_mean_weights", "ce_sum_weights", "ce_mean_smoothing", "ce_sum_smoothing",
        "ce_mean_weights_smoothing", "ce_sum_weights_smoothing", "ce_mean_weights_smoothing_ignore",
        "ce_mean_large_logits", "ce_sum_large_logits",
        "nll_mean", "nll_sum", "nll_mean_weights", "nll_sum_weights",
        "mse_mean", "mse_sum",
        "bce_mean", "bce_sum", "bce_mean_weight", "bce_sum_weight", "bce_sum_clamped",
        "bce_with_logits_mean", "bce_with_logits_sum", "bce_with_logits_mean_pos_weight",
        "bce_with_logits_sum_pos_weight", "bce_with_logits_mean_weight_pos_weight",
        "bce_with_logits_sum_weight_pos_weight", "bce_with_logits_mean_large",
    })
    void lossAndGradientMatchPyTorch(String name) {
        ParityFixture f = ParityFixture.load("loss", name);
        Loss loss = build(f);
        float value = loss.forward(f.tensor("input"), f.tensor("target"));
        assertValueClose(name + " (" + f.meta("module") + ")", value, f.doubles("loss")[0]);
        f.assertClose("grad_input", loss.backward(), TOLERANCE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"penalty_l1_all", "penalty_l1_weights", "penalty_l2_all", "penalty_l2_weights"})
    void penaltyValueAndGradientsMatchPyTorchAutograd(String name) {
        ParityFixture f = ParityFixture.load("loss", name);
        double lambda = Double.parseDouble(f.meta("lambda"));
        Penalty penalty = f.meta("penalty").equals("l1") ? new L1Penalty(lambda) : new L2Penalty(lambda);
        boolean weightsOnly = f.meta("params").equals("weights");
        Map<String, Parameter> all = new LinkedHashMap<>();
        List<Parameter> chosen = new ArrayList<>();
        for (String p : MLP_PARAMETERS) {
            Parameter param = new Parameter(f.tensor("param." + p));
            all.put(p, param);
            if (!weightsOnly || p.endsWith("weight")) {
                chosen.add(param);
            }
        }
        assertValueClose(name + " (" + f.meta("module") + ")", penalty.value(chosen), f.doubles("loss")[0]);
        penalty.backward(chosen);
        all.forEach((p, param) -> {
            if (f.has("grad." + p)) {
                f.assertClose("grad." + p, param.grad(), TOLERANCE);
            } else {
                assertThat(name + ": " + p + " is not penalised, so it gets no grad (PyTorch: None)", param.grad(),
                        is(nullValue()));
            }
        });
    }

    /** The loss a fixture describes, rebuilt from its metadata and weight tensors. */
    private static Loss build(ParityFixture f) {
        Reduction reduction = Reduction.valueOf(f.meta("reduction").toUpperCase());
        Tensor weight = f.has("weight") ? f.tensor("weight") : null;
        Tensor posWeight = f.has("pos_weight") ? f.tensor("pos_weight") : null;
        switch (f.meta("class")) {
            case "CrossEntropyLoss": {
                CrossEntropyLoss ce = new CrossEntropyLoss(reduction)
                        .withLabelSmoothing(Double.parseDouble(f.meta("label_smoothing")));
                if (f.meta("ignore_index") != null) {
                    ce = ce.withIgnoreIndex(Integer.parseInt(f.meta("ignore_index")));
                }
                return weight == null ? ce : ce.withWeights(weight);
            }
            case "NLLLoss":
                return weight == null ? new NLLLoss(reduction) : new NLLLoss(reduction).withWeights(weight);
            case "MSELoss":
                return new MSELoss(reduction);
            case "BCELoss":
                return weight == null ? new BCELoss(reduction) : new BCELoss(reduction).withWeight(weight);
            case "BCEWithLogitsLoss": {
                BCEWithLogitsLoss l = new BCEWithLogitsLoss(reduction);
                l = weight == null ? l : l.withWeight(weight);
                return posWeight == null ? l : l.withPosWeight(posWeight);
            }
            default:
                throw new AssertionError("fixture names an unknown loss: " + f.meta("class"));
        }
    }

    private static void assertValueClose(String what, float actual, double expected) {
        double bound = TOLERANCE * Math.max(1, Math.abs(expected));
        if (!(Math.abs(actual - expected) <= bound)) {
            throw new AssertionError(what + ": value " + actual + ", PyTorch " + expected + ", |diff| "
                    + Math.abs(actual - expected) + " > " + bound);
        }
    }
}
