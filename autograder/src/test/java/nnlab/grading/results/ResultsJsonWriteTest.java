package nnlab.grading.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ResultsJson#write}: the file holds the JSON text, appears atomically and leaves nothing else behind. */
class ResultsJsonWriteTest {

    @TempDir
    Path dir;

    private List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheJsonTextAsUtf8AndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("results.json");
        GradescopeResults results = SampleResults.partialCredit();
        ResultsJson.write(results, file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8), is(ResultsJson.toJson(results)));
        assertThat(filesIn(dir), contains("results.json"));
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path file = dir.resolve("results.json");
        ResultsJson.write(SampleResults.compileError(), file);
        ResultsJson.write(SampleResults.allPassing(), file);
        assertThat(Files.readString(file), is(ResultsJson.toJson(SampleResults.allPassing())));
        assertThat(filesIn(dir), contains("results.json"));
    }

    @Test
    void gradingTheSameSubmissionTwiceGivesByteIdenticalFiles() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        ResultsJson.write(SampleResults.crashed(), first);
        ResultsJson.write(SampleResults.crashed(), second);
        assertThat(Files.readAllBytes(second), is(Files.readAllBytes(first)));
    }

    @Test
    void whenSerialisationFailsTheOldFileIsIntact() throws IOException {
        Path file = dir.resolve("results.json");
        ResultsJson.write(SampleResults.timedOut(), file);
        byte[] before = Files.readAllBytes(file);
        assertThrows(NullPointerException.class, () -> ResultsJson.write(null, file));
        assertThat(Files.readAllBytes(file), is(before));
        assertThat(filesIn(dir), contains("results.json"));
    }

    @Test
    void aMissingDirectoryFailsWithoutCreatingAnything() {
        Path file = dir.resolve("results").resolve("results.json");
        IOException e = assertThrows(IOException.class, () -> ResultsJson.write(SampleResults.allPassing(), file));
        assertThat(e.getMessage().contains("Check that the directory exists"), is(true));
        assertThat(Files.exists(file.getParent()), is(false));
    }

    @Test
    void aTargetThatCannotBeReplacedIsLeftAsItWasWithNoTemporaryFile() throws IOException {
        Path blocked = Files.createDirectory(dir.resolve("results.json"));
        Files.writeString(blocked.resolve("keep.txt"), "kept");
        assertThrows(IOException.class, () -> ResultsJson.write(SampleResults.allPassing(), blocked));
        assertThat(filesIn(dir), contains("results.json"));
        assertThat(Files.readString(blocked.resolve("keep.txt")), is("kept"));
    }
}
