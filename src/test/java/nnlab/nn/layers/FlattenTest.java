package nnlab.nn.layers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class FlattenTest {

    @Test
    void flattensAllButTheBatchAndRestoresTheShapeInBackward() {
        Flatten flatten = new Flatten();
        Tensor x = Tensor.arange(24).reshape(2, 3, 2, 2);
        Tensor y = flatten.forward(x);
        assertThat(y.shape(), is(new int[] {2, 12}));
        assertThat(y.toArray(), is(x.toArray()));
        Tensor dx = flatten.backward(Tensor.arange(24).reshape(2, 12));
        assertThat(dx, is(Tensor.arange(24).reshape(2, 3, 2, 2)));
    }
}
