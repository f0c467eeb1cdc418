package nnlab.grading.compile;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How compiler errors are written for the student: places, source lines, carets, cuts and grader paths. */
class ErrorTextTest {

    private static final Path FILE = Path.of("/grader/src/lab99/A.java");

    @Test
    void errorsAreSortedByPlaceWithTheSourceLineAndACaret() {
        String source = "class A {\n  int x = y;\n  int z = w;\n}\n";
        List<CompilerError> errors = List.of(new CompilerError(FILE, 3, 11, source.indexOf('w'), "cannot find w"),
                new CompilerError(FILE, 2, 11, source.indexOf('y'), "cannot find y"));

        assertThat(ErrorText.render("A.java", source, errors, ""), is("""
                A.java:2:11: cannot find y
                  int x = y;
                          ^

                A.java:3:11: cannot find w
                  int z = w;
                          ^"""));
    }

    @Test
    void caretKeepsTabsAndLinesEndingInCarriageReturns() {
        String source = "class A {\r\n\tint x = y;\r\n}\r\n";
        List<CompilerError> errors = List.of(new CompilerError(FILE, 2, 17, source.indexOf('y'), "cannot find y"));

        assertThat(ErrorText.render("A.java", source, errors, ""),
                is("A.java:2:17: cannot find y\n\tint x = y;\n\t        ^"));
    }

    @Test
    void graderPathsAndControlCharactersAreNotShown() {
        String source = "class A { String s = \"\u001b[2J\"; }\n";
        List<CompilerError> errors = List.of(new CompilerError(FILE, 1, 1, 0,
                "duplicate class in /grader/src/lab99/A.java\u0007"));

        assertThat(ErrorText.render("A.java", source, errors, "/grader/src/"),
                is("A.java:1:1: duplicate class in lab99/A.java?\nclass A { String s = \"?[2J\"; }\n^"));
    }

    @Test
    void longLinesAndMessagesAreCutAndAnUnknownPlaceHasNoSourceLine() {
        String source = "x".repeat(500) + "\n";
        List<CompilerError> errors = List.of(new CompilerError(FILE, 1, 400, 399, "m".repeat(5_000)),
                new CompilerError(FILE, 0, 0, -1, "no place"));

        String text = ErrorText.render("A.java", source, errors, "");

        assertThat(text.startsWith("A.java: no place\n\nA.java:1:400: " + "m".repeat(ErrorText.MAX_MESSAGE_CHARS)
                + " [...]\n" + "x".repeat(ErrorText.MAX_SOURCE_LINE_CHARS) + " [...]"), is(true));
        assertThat(text, endsWith(" [...]"));
    }
}
