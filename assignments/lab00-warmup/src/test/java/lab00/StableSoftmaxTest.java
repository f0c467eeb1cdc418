package lab00;

import static nnlab.grading.TensorMatchers.allClose;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Public tests of {@link StableSoftmax}: {@code mvn test -Dgroups=lab00.5}. */
@Tag("lab00.5")
class StableSoftmaxTest {

    @Test
    void softmaxOfEqualScoresIsUniform() {
        Tensor p = StableSoftmax.softmaxRows(Tensor.fromArray(new float[][] {{3, 3, 3, 3}}));
        assertThat(p, allClose(Tensor.fromArray(new float[][] {{0.25f, 0.25f, 0.25f, 0.25f}}), 1e-6, 1e-7));
    }

    @Test
    void softmaxMatchesTheFormulaRowByRow() {
        // row 0: e^0, e^1, e^2 over their sum; row 1: the same shifted by 5, which softmax ignores
        Tensor p = StableSoftmax.softmaxRows(Tensor.fromArray(new float[][] {{0, 1, 2}, {5, 6, 7}}));
        float[] row = {0.09003057f, 0.24472847f, 0.66524096f};
        assertThat(p, allClose(Tensor.fromArray(new float[][] {row, row}), 1e-5, 1e-7));
    }

    @Test
    void softmaxDoesNotOverflowOnLargeScores() {
        // e^1000 is infinity in float and double: subtract the row's maximum before exponentiating
        Tensor p = StableSoftmax.softmaxRows(Tensor.fromArray(new float[][] {{1000, 1000}, {-1000, 0}}));
        assertThat(p, allClose(Tensor.fromArray(new float[][] {{0.5f, 0.5f}, {0, 1}}), 1e-6, 1e-7));
    }

    @Test
    void softmaxRefusesAVector() {
        assertThrows(IllegalArgumentException.class, () -> StableSoftmax.softmaxRows(Tensor.vector(1, 2, 3)),
                "logits must be [N, C]; a vector has no rows");
    }
}
