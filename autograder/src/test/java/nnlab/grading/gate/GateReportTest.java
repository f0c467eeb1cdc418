package nnlab.grading.gate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The report's derived views and its Markdown for students. */
class GateReportTest {

    private static Violation violation(String file, String className, String member, int line, String rule) {
        ForbiddenRules.Rule forbidding = ForbiddenRules.bundled().rules().stream()
                .filter(candidate -> candidate.signature().equals(rule)).findFirst().orElseThrow();
        return new Violation(file, className, member, line, rule, rule, forbidding.message());
    }

    @Test
    void everyRuleMessageOfTheFileAppearsInTheMarkdown() {
        List<Violation> violations = new ArrayList<>();
        int line = 1;
        for (ForbiddenRules.Rule rule : ForbiddenRules.bundled().rules()) {
            violations.add(new Violation("Lab.java", "lab99.Lab", "run", line++, rule.signature(), rule.signature(),
                    rule.message()));
        }
        violations.add(new Violation("Lab.java", "lab99.Lab", "run", line, "picocli.CommandLine",
                BuiltInChecks.ALLOWED_PACKAGES, BuiltInChecks.ALLOWED_PACKAGES_MESSAGE));

        String markdown = new GateReport(List.of("Lab.java"), List.of("lab99.Lab"), violations).toMarkdown();

        for (Violation violation : violations) {
            assertThat(markdown, containsString(violation.message()));
        }
    }

    @Test
    void markdownGroupsPlacesByFileAndRule() {
        GateReport report = new GateReport(List.of("Good.java", "Bad.java"), List.of("lab99.Bad", "lab99.Good"),
                List.of(violation("Bad.java", "lab99.Bad", "train", 12, "java.lang.System#exit(int)"),
                        violation("Bad.java", "lab99.Bad$Worker", "", Violation.UNKNOWN_LINE, "java.lang.Thread"),
                        violation("Bad.java", "lab99.Bad$1", "<init>", 30, "java.lang.Thread"),
                        violation("Bad.java", "lab99.Bad", "<clinit>", 3, "java.lang.Math#random()")));

        String markdown = report.toMarkdown();

        assertThat(markdown, allOf(
                containsString("### Check of your compiled code"),
                containsString("It found 4 uses in `Bad.java`, so the tests that depend on that file score 0."),
                containsString("#### `Bad.java`"),
                containsString("- line 12, in `Bad.train`: uses `java.lang.System#exit(int)`\n"),
                containsString("- in the declaration of `Bad$Worker`: uses `java.lang.Thread`\n"),
                containsString("- line 30, in a constructor of `Bad$1`: uses `java.lang.Thread`\n"),
                containsString("- line 3, in the static initializer of `Bad`: uses `java.lang.Math#random()`\n"),
                not(containsString("#### `Good.java`"))));
        String threads = violation("Bad.java", "lab99.Bad", "run", 1, "java.lang.Thread").message();
        assertThat(markdown.indexOf(threads), is(markdown.lastIndexOf(threads)));
    }

    @Test
    void manyPlacesOfOneRuleAreCounted() {
        List<Violation> violations = new ArrayList<>();
        for (int line = 1; line <= GateReportMarkdown.MAX_PLACES + 5; line++) {
            violations.add(violation("Bad.java", "lab99.Bad", "roll", line, "java.lang.Math#random()"));
        }

        String markdown = new GateReport(List.of("Bad.java"), List.of("lab99.Bad"), violations).toMarkdown();

        assertThat(markdown, allOf(containsString("- line " + GateReportMarkdown.MAX_PLACES + ", in `Bad.roll`"),
                not(containsString("- line " + (GateReportMarkdown.MAX_PLACES + 1) + ",")),
                containsString("- and 5 more.")));
    }

    @Test
    void passingReportSaysSo() {
        GateReport report = new GateReport(List.of("A.java", "B.java"), List.of("lab99.B", "lab99.A"), List.of());

        assertThat(report.passed(), is(true));
        assertThat(report.checkedClasses(), contains("lab99.A", "lab99.B"));
        assertThat(report.toMarkdown(), is("### Check of your compiled code\n\n"
                + "Passed: `A.java`, `B.java` use nothing that lab code must not use.\n"));
    }

    @Test
    void violationsAreSortedAndRepeatsDropped() {
        Violation late = violation("B.java", "lab99.B", "run", 9, "java.lang.Math#random()");
        Violation early = violation("B.java", "lab99.B", "run", 2, "java.lang.Math#random()");
        Violation other = violation("A.java", "lab99.A", "run", 5, "java.lang.Math#random()");

        GateReport report = new GateReport(List.of("A.java", "B.java"), List.of(), List.of(late, early, late, other));

        assertThat(report.violations(), contains(other, early, late));
        assertThat(report.violatingSourceFiles(), is(Set.of("A.java", "B.java")));
        assertThat(report.violations("B.java"), contains(early, late));
    }

    @Test
    void aViolationOfAFileNotCheckedIsRefused() {
        Violation violation = violation("Other.java", "lab99.Other", "run", 1, "java.lang.Math#random()");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new GateReport(List.of("Lab.java"), List.of(), List.of(violation)));
        assertThat(refused.getMessage(), containsString("Other.java, which is not among the checked files"));
    }

    @Test
    void namesCannotBreakTheMarkdown() {
        assertThat(GateReportMarkdown.code("a`b"), is("``a`b``"));
        assertThat(GateReportMarkdown.code("x\ny\u202Ez"), is("`x\uFFFDy\uFFFDz`"));
        assertThat(GateReportMarkdown.code("m".repeat(500)).length(), is(GateReportMarkdown.MAX_SHOWN + 2));
    }

    @Test
    void violationsCheckTheirLine() {
        assertThrows(IllegalArgumentException.class,
                () -> new Violation("A.java", "lab99.A", "run", 0, "x", "y", "z"));
        assertThrows(IllegalArgumentException.class,
                () -> new Violation("A.java", "lab99.A", "run", 1, "x", "y", " "));
        assertThat(new Violation("A.java", "lab99.A", "", Violation.UNKNOWN_LINE, "x", "y", "z").hasLine(),
                is(false));
    }
}
