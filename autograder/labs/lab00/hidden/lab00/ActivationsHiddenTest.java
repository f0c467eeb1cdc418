package lab00;

import static nnlab.grading.TensorMatchers.allClose;
import static nnlab.grading.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.grading.Graded;
import nnlab.grading.GradesFiles;
import nnlab.grading.GradingSeed;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hidden tests of {@code Activations}, against the nnlab library's own ReLU on random tensors. */
@GradesFiles("Activations.java")
class ActivationsHiddenTest {

    @Test
    @Tag("lab00.3")
    @Graded(points = 2, number = "3.1", name = "relu: random tensors of several shapes")
    void reluMatchesLibraryOnRandomTensors() {
        var rng = GradingSeed.rng("relu");
        for (int[] shape : new int[][] {{7}, {3, 5}, {2, 3, 4}}) {
            Tensor x = Tensor.randn(rng, 0, 2, shape);
            Tensor before = x.copy();
            Tensor y = Activations.relu(x);
            assertThat(y, hasShape(shape));
            assertThat(y, allClose(before.relu(), 0, 0));
            assertThat("relu must not change its input", x, allClose(before, 0, 0));
        }
    }

    @Test
    @Tag("lab00.4")
    @Graded(points = 2, number = "4.1", name = "reluBackward: gradient passes where x > 0 only")
    void reluBackwardMatchesDerivative() {
        var rng = GradingSeed.rng("reluBackward");
        Tensor x = Tensor.randn(rng, 0, 1, 6, 9);
        x.set(0f, 0, 0);                        // relu'(0) = 0, as in PyTorch
        Tensor gradOut = Tensor.randn(rng, 0, 1, 6, 9);
        Tensor expected = x.map(v -> v > 0 ? 1f : 0f).mul(gradOut);
        assertThat(Activations.reluBackward(x, gradOut), allClose(expected, 0, 0));
    }

    @Test
    @Tag("lab00.4")
    @Graded(points = 1, number = "4.2", name = "reluBackward: mismatched shapes are refused")
    void reluBackwardRefusesMismatchedShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> Activations.reluBackward(Tensor.zeros(2, 3), Tensor.zeros(3, 2)),
                "x [2, 3] and gradOut [3, 2] must be refused with IllegalArgumentException");
    }
}
