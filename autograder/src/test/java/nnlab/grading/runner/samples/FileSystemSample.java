package nnlab.grading.runner.samples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Student code that looks for a file of the grader's outside the classpath; passes only if it can read it. */
@RunnerSample
class FileSystemSample {

    /** The system property with the path of the file to read. */
    static final String FILE_PROPERTY = "nnlab.sample.file";

    @Test
    void readsAGraderFile() {
        assertThat(Files.isReadable(Path.of(System.getProperty(FILE_PROPERTY, "/nonexistent"))), is(true));
    }
}
