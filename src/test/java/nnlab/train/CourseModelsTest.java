package nnlab.train;

import static nnlab.tensor.TensorMatchers.hasShape;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.nn.Sequential;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The course networks have the layers, parameter counts and output shapes of their PyTorch definitions
 * (counts from {@code sum(p.numel() for p in net.parameters())} of the same {@code nn.Sequential}).
 */
class CourseModelsTest {

    @Test
    void softmaxRegressionIsOneLinearLayer() {
        Sequential net = CourseModels.softmax(784, 10);
        assertThat(net.numParameters(), is(7850L));
        assertThat(net.forward(Tensor.zeros(3, 1, 28, 28)), hasShape(3, 10));
    }

    @Test
    void mlpIs784By1000By10() {
        Sequential net = CourseModels.mlp(784, 1000, 10);
        assertThat(net.numParameters(), is(795_010L));
        assertThat(net.forward(Tensor.zeros(2, 1, 28, 28)), hasShape(2, 10));
    }

    @Test
    void cnnHasTwoConvBlocksAndAHiddenLayerWithDropout() {
        Sequential net = CourseModels.cnn(1, 28, 10);
        // conv 32*9+32, conv 64*32*9+64, linear 3136*128+128, linear 128*10+10
        assertThat(net.numParameters(), is(421_642L));
        assertThat(net.toString(), containsString("Dropout(p=0.5"));
        assertThat(net.forward(Tensor.zeros(2, 1, 28, 28)), hasShape(2, 10));
        Sequential color = CourseModels.cnn(3, 32, 10);
        assertThat(color.forward(Tensor.zeros(1, 3, 32, 32)), hasShape(1, 10));
    }

    @Test
    void cnnRejectsASideTwoPoolingsCannotHalveTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CourseModels.cnn(1, 30, 10));
        assertThat(e.getMessage(), containsString("divisible by 4"));
    }
}
