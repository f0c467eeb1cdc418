package nnlab.backend;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConvGeometryTest {

    @Test
    void outputSizeFollowsThePyTorchFormula() {
        // PyTorch Conv2d docs: H_out = floor((H + 2p - d(k-1) - 1)/s) + 1. 28x28, k=5, p=2, s=1 -> 28x28.
        ConvGeometry same = ConvGeometry.of(1, 28, 28, 5, 1, 2);
        assertThat(same.outHeight(), is(28));
        assertThat(same.outWidth(), is(28));
        // 32x32, k=3, s=2, p=1 -> floor(31/2)+1 = 16; dilation 2, k=3, p=0 on 10 -> 10-4-1+1 = 6.
        assertThat(ConvGeometry.of(3, 32, 32, 3, 2, 1).outHeight(), is(16));
        assertThat(new ConvGeometry(1, 10, 10, 3, 3, 1, 1, 0, 0, 2, 2).outWidth(), is(6));
        assertThat(ConvGeometry.of(3, 32, 32, 3, 2, 1).columnRows(), is(27));
        assertThat(ConvGeometry.of(3, 32, 32, 3, 2, 1).columnCols(), is(256));
    }

    @Test
    void kernelLargerThanThePaddedInputIsRejectedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvGeometry.of(1, 4, 4, 7, 1, 1));
        assertThat(e.getMessage(), containsString("does not fit the padded input 6x6"));
        assertThat(e.getMessage(), containsString("more padding"));
    }

    @Test
    void nonPositiveStrideAndNegativePaddingAreRejected() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> ConvGeometry.of(1, 4, 4, 3, 0, 0))
                .getMessage(), containsString("stride must be >= 1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> ConvGeometry.of(1, 4, 4, 3, 1, -1))
                .getMessage(), containsString("padding must be >= 0"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> ConvGeometry.of(0, 4, 4, 3, 1, 0))
                .getMessage(), containsString("at least [1, 1, 1]"));
    }
}
