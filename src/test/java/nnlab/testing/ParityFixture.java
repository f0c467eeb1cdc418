package nnlab.testing;

import static org.hamcrest.MatcherAssert.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import nnlab.io.SafeTensorsFile;
import nnlab.io.SafeTensors;
import nnlab.tensor.Tensor;

/**
 * One PyTorch reference case from {@code src/test/resources/parity/<area>/<name>.safetensors}, written by the
 * generator script beside it. Keys: {@code input}, {@code target}, {@code grad_output}, {@code output},
 * {@code grad_input}, {@code param.<name>}, {@code grad.<name>}, {@code buffer.<name>}, {@code loss}; metadata
 * {@code module} (the PyTorch constructor) and {@code mode}.
 */
public final class ParityFixture {

    private final String name;
    private final SafeTensorsFile file;

    private ParityFixture(String name, SafeTensorsFile file) {
        this.name = name;
        this.file = file;
    }

    /** Loads {@code parity/<area>/<name>.safetensors} from the test class path. */
    public static ParityFixture load(String area, String name) {
        String resource = "/parity/" + area + "/" + name + ".safetensors";
        URL url = ParityFixture.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing fixture " + resource + "; regenerate it with "
                    + "/usr/bin/python3 src/test/resources/parity/generate_" + area + ".py");
        }
        try {
            return new ParityFixture(area + "/" + name, SafeTensors.open(Path.of(url.toURI())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tensor stored under {@code key}, as float32. */
    public Tensor tensor(String key) {
        if (!file.names().contains(key)) {
            throw new IllegalArgumentException(name + " has no tensor '" + key + "'; it has " + file.names());
        }
        try {
            return file.tensor(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exact values of an F64 (or float) entry, e.g. learning rates. */
    public double[] doubles(String key) {
        try {
            return file.doubles(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the fixture has {@code key}. */
    public boolean has(String key) {
        return file.names().contains(key);
    }

    /** The metadata entry {@code key}, e.g. {@code module}. */
    public String meta(String key) {
        return file.metadata().get(key);
    }

    /** All metadata. */
    public Map<String, String> metadata() {
        return file.metadata();
    }

    /**
     * Asserts {@code actual} matches the fixture's {@code key} element-wise with
     * {@code |a - e| <= tol * max(1, |e|)} (relative for large values, absolute below 1); the message names the
     * fixture, the key and the worst element.
     */
    public void assertClose(String key, Tensor actual, double tol) {
        Tensor expected = tensor(key);
        assertThat(name + ": " + key + " shape", actual.shape(), org.hamcrest.Matchers.is(expected.shape()));
        float[] a = actual.data();
        float[] e = expected.data();
        int worst = -1;
        double worstRatio = 0;
        for (int i = 0; i < e.length; i++) {
            double ratio = Math.abs((double) a[i] - e[i]) / (tol * Math.max(1, Math.abs(e[i])));
            if (!(ratio <= worstRatio)) {
                worstRatio = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
                worst = i;
            }
        }
        if (worstRatio > 1) {
            throw new AssertionError(name + ": " + key + " differs from PyTorch at flat index " + worst + ": nnlab "
                    + a[worst] + ", PyTorch " + e[worst] + " (allowed " + tol + " x max(1, |PyTorch|))");
        }
    }
}
