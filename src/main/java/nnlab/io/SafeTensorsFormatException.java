package nnlab.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not a valid safetensors file, or that holds something nnlab cannot convert. The message names
 * the file, the problem and the fix, e.g. {@code model.safetensors: tensor "fc.weight" has data_offsets [0, 20]
 * spanning 20 bytes, but F32 with shape [2, 3] needs 24; the header or the data is corrupt: write the file again}.
 */
public class SafeTensorsFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file, as given by the caller; kept as a string so that the exception stays serializable. */
    private final String file;

    /**
     * @param file    the file that was read
     * @param problem what is wrong and what to do about it
     */
    public SafeTensorsFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = String.valueOf(file);
    }

    /** The file that was read, as the caller named it. */
    public String file() {
        return file;
    }
}
