package nnlab.grading.runner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutcomeLog}: only well-formed, complete lines with the run's token count. */
class OutcomeLogTest {

    private static final String TOKEN = "0123456789abcdef";

    @Test
    void keepsTokenLinesAndIgnoresForgedMalformedAndUnfinishedOnes() {
        String text = "{\"token\":\"" + TOKEN + "\",\"event\":\"started\",\"id\":\"t1\"}\n"
                + "{\"token\":\"guess\",\"event\":\"finished\",\"id\":\"t1\",\"status\":\"SUCCESSFUL\"}\n"
                + "{\"event\":\"done\"}\n"
                + "Tests run: 10, Failures: 0\n"
                + "{\"token\":\"" + TOKEN + "\",\"event\":\"report\",\"id\":\"t1\",\"entries\":{\"k\":\"v\"}}\n"
                + "{\"token\":\"" + TOKEN + "\",\"event\":\"finished\",\"id\":\"t1\",\"sta";

        OutcomeLog log = OutcomeLog.parse(text, TOKEN);

        assertThat(log.events().stream().map(OutcomeLog.Event::name).collect(Collectors.toList()),
                contains("started", "report"));
        assertThat(log.first("report").map("entries"), equalTo(Map.of("k", "v")));
        assertThat(log.first("started").get("id"), is("t1"));
        assertThat(log.first("started").get("missing"), is(""));
        assertThat(log.first("done"), is((OutcomeLog.Event) null));
        assertThat(log.ignoredLines(), is(4));
    }

    @Test
    void readsAFileButNotALinkOrAMissingFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("outcomes.jsonl"),
                "{\"token\":\"" + TOKEN + "\",\"event\":\"done\"}\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), file);

        assertThat(OutcomeLog.read(file, TOKEN).all("done").size(), is(1));
        assertThat(OutcomeLog.read(link, TOKEN).events(), empty());
        assertThat(OutcomeLog.read(link, TOKEN).ignoredLines(), is(1));
        assertThat(OutcomeLog.read(dir.resolve("missing"), TOKEN).events(), empty());
    }
}
