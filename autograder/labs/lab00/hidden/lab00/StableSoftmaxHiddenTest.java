package lab00;

import static nnlab.grading.TensorMatchers.allClose;
import static org.hamcrest.MatcherAssert.assertThat;

import nnlab.grading.Graded;
import nnlab.grading.GradesFiles;
import nnlab.grading.GradingSeed;
import nnlab.nn.layers.Softmax;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hidden tests of {@code StableSoftmax}, against the nnlab library's {@code Softmax} layer on random logits. */
@GradesFiles("StableSoftmax.java")
@Tag("lab00.5")
class StableSoftmaxHiddenTest {

    @Test
    @Graded(points = 2, number = "5.1", name = "softmaxRows: random logits")
    void softmaxMatchesLibrary() {
        Tensor logits = Tensor.randn(GradingSeed.rng("softmax"), 0, 4, 16, 10);
        assertThat(StableSoftmax.softmaxRows(logits), allClose(new Softmax(1).forward(logits), 1e-5, 1e-7));
    }

    @Test
    @Graded(points = 2, number = "5.2", name = "softmaxRows: large logits do not overflow")
    void softmaxIsStableForLargeLogits() {
        Tensor logits = Tensor.randn(GradingSeed.rng("softmax-large"), 500, 50, 8, 5);
        assertThat(StableSoftmax.softmaxRows(logits), allClose(new Softmax(1).forward(logits), 1e-5, 1e-7));
    }
}
