package nnlab.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.tensor.Tensor;

/**
 * Child process of {@link InterruptedWriteTest}: writes a weights file over and over, each version
 * self-consistent (every element of every tensor equals the version number), and prints "wrote N" after each
 * completed write, until it is killed.
 *
 * <p>Usage: {@code java nnlab.io.RepeatedWeightsWriter FILE ELEMENTS_PER_TENSOR}
 */
public final class RepeatedWeightsWriter {

    private RepeatedWeightsWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int elements = Integer.parseInt(args[1]);
        System.out.println("started");
        System.out.flush();
        for (int version = 1; ; version++) {
            Map<String, Tensor> state = new LinkedHashMap<>();
            for (String name : new String[] {"0.weight", "0.bias", "2.weight"}) {
                float[] values = new float[elements];
                java.util.Arrays.fill(values, version);
                state.put(name, Tensor.of(values, elements));
            }
            SafeTensors.write(file, state, Map.of("version", Integer.toString(version)));
            System.out.println("wrote " + version);
            System.out.flush();
        }
    }
}
