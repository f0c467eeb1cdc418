package nnlab.grading.intake;

import static nnlab.grading.intake.Submissions.LAB02;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IntakeReportTest {

    private static final IgnoredEntry POM = new IgnoredEntry("pom.xml", IgnoreReason.BUILD_FILE, "build files are not used");

    @Test
    void markdownListsWhatWasTakenMissingAndIgnored() {
        IntakeReport report = new IntakeReport(LAB02,
                Map.of("SoftmaxRegression.java", "src/main/java/lab02/SoftmaxRegression.java"),
                List.of(POM), List.of("Training.java"), 100);

        String md = report.toMarkdown();

        assertThat(md, allOf(
                containsString("### Files taken from your submission (lab02)"),
                containsString("Graded files: `SoftmaxRegression.java`, `Training.java`, in package `lab02`."),
                containsString("**Taken (1 of 2):**"),
                containsString("- `SoftmaxRegression.java` from `src/main/java/lab02/SoftmaxRegression.java`"),
                containsString("**Missing (1):** `Training.java`. Submit each one with `package lab02;` as its "
                        + "first statement, best in folder `lab02/`."),
                containsString("**Ignored (1):**"),
                containsString("- `pom.xml`: build files are not used\n")));
    }

    @Test
    void aCompleteReportHasNoMissingOrIgnoredSection() {
        IntakeReport report = new IntakeReport(LAB02,
                Map.of("SoftmaxRegression.java", "a/SoftmaxRegression.java", "Training.java", "Training.java"),
                List.of(), List.of(), 100);

        assertThat(report.complete(), is(true));
        assertThat(report.toMarkdown(), allOf(containsString("**Taken (2 of 2):**"),
                not(containsString("Missing")), not(containsString("Ignored"))));
    }

    @Test
    void nothingTakenSaysSo() {
        IntakeReport report = new IntakeReport(LAB02, Map.of(), List.of(), LAB02.files(), 0);

        assertThat(report.toMarkdown(), allOf(containsString("**Taken:** none."),
                containsString("**Missing (2):** `SoftmaxRegression.java`, `Training.java`.")));
    }

    @Test
    void studentPathsCannotBreakTheMarkdown() {
        IntakeReport report = new IntakeReport(LAB02, Map.of(), List.of(
                new IgnoredEntry("a``b`", IgnoreReason.NOT_ALLOW_LISTED, "not used"),
                new IgnoredEntry("evil\u202Etxt.java\nline", IgnoreReason.UNSAFE_NAME, "rename it"),
                new IgnoredEntry("x".repeat(500), IgnoreReason.PATH_TOO_LONG, "too long")), List.of(), 0);

        String md = report.toMarkdown();

        assertThat(md, allOf(containsString("- ``` a``b` ```: not used"),
                containsString("- `evil\uFFFDtxt.java\uFFFDline`: rename it"),
                containsString("- `" + "x".repeat(119) + "\u2026`: too long")));
    }

    @Test
    void longIgnoredListsAreCut() {
        List<IgnoredEntry> ignored = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            ignored.add(new IgnoredEntry("junk" + i + ".txt", IgnoreReason.NOT_ALLOW_LISTED, "not used"));
        }
        IntakeReport report = new IntakeReport(LAB02, Map.of(), ignored, LAB02.files(), 0);

        String md = report.toMarkdown();

        assertThat(md, allOf(containsString("**Ignored (45):**"), containsString("- `junk39.txt`: not used\n"),
                not(containsString("junk40.txt")), containsString("- and 5 more.\n")));
    }

    @Test
    void keepsTheOrderOfTakenFilesAndFiltersIgnoredByReason() {
        Map<String, String> accepted = new LinkedHashMap<>();
        accepted.put("Training.java", "t");
        accepted.put("SoftmaxRegression.java", "s");
        IgnoredEntry link = new IgnoredEntry("l", IgnoreReason.LINK, "a link");
        IntakeReport report = new IntakeReport(LAB02, accepted, List.of(POM, link), List.of(), 0);

        assertThat(report.accepted().keySet(), contains("Training.java", "SoftmaxRegression.java"));
        assertThat(report.ignored(IgnoreReason.LINK), contains(link));
        assertThrows(UnsupportedOperationException.class, () -> report.accepted().put("x", "y"));
    }
}
