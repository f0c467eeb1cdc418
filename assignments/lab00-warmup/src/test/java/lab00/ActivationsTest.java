package lab00;

import static nnlab.grading.TensorMatchers.allClose;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Public tests of {@link Activations}: {@code mvn test -Dgroups=lab00.3} runs those of one task. */
class ActivationsTest {

    @Test
    void sigmoidOfZeroIsOneHalf() {
        assertThat(Activations.sigmoid(Tensor.vector(0f, 2f)), allClose(Tensor.vector(0.5f, 0.8807971f), 1e-6, 1e-7));
    }

    @Test
    @Tag("lab00.3")
    void reluZeroesNegativesAndKeepsPositives() {
        Tensor x = Tensor.fromArray(new float[][] {{-2, -0.5f, 0}, {0.5f, 3, -1}});
        Tensor expected = Tensor.fromArray(new float[][] {{0, 0, 0}, {0.5f, 3, 0}});
        assertThat(Activations.relu(x), allClose(expected, 0, 0));
    }

    @Test
    @Tag("lab00.3")
    void reluLeavesItsInputUnchanged() {
        Tensor x = Tensor.vector(-1, 2);
        Activations.relu(x);
        assertThat("relu must return a new tensor, not change x", x, allClose(Tensor.vector(-1, 2), 0, 0));
    }

    @Test
    @Tag("lab00.4")
    void reluBackwardPassesTheGradientWhereTheInputWasPositive() {
        Tensor x = Tensor.vector(-1, 0, 2, 3);
        Tensor gradOut = Tensor.vector(10, 20, 30, 40);
        // relu'(x) = 0 for x <= 0 (PyTorch's choice at 0), 1 for x > 0
        assertThat(Activations.reluBackward(x, gradOut), allClose(Tensor.vector(0, 0, 30, 40), 0, 0));
    }

    @Test
    @Tag("lab00.4")
    void reluBackwardRefusesMismatchedShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> Activations.reluBackward(Tensor.vector(1, 2), Tensor.vector(1, 2, 3)),
                "x and gradOut must have the same shape");
    }
}
