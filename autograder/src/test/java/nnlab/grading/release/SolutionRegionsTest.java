package nnlab.grading.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing solution regions, and the starter and solution texts made from them. */
class SolutionRegionsTest {

    private static final String ONE_REGION = """
            class A {
                int f(int x) {
                    // TODO(lab01.2): return twice x
                    // BEGIN SOLUTION(lab01.2)
                    int y = x * 2;
                    return y;
                    // END SOLUTION
                }
            }
            """;

    private static SolutionRegions parse(String source) {
        return SolutionRegions.parse(source, "A.java");
    }

    @Test
    void starterReplacesTheRegionWithAStubAtTheIndentationOfBeginAndKeepsTheHint() {
        assertThat(parse(ONE_REGION).starter(), is("""
                class A {
                    int f(int x) {
                        // TODO(lab01.2): return twice x
                        throw new UnsupportedOperationException("TODO(lab01.2): return twice x");
                    }
                }
                """));
    }

    @Test
    void solutionDropsTheMarkerLinesOnlyAndKeepsTheHint() {
        assertThat(parse(ONE_REGION).solution(), is("""
                class A {
                    int f(int x) {
                        // TODO(lab01.2): return twice x
                        int y = x * 2;
                        return y;
                    }
                }
                """));
    }

    @Test
    void theRegionRecordsItsTaskHintLinesAndIndentation() {
        SolutionRegions regions = parse(ONE_REGION);
        assertThat(regions.regions(), contains(new SolutionRegions.Region("lab01.2", "return twice x", 3, 6,
                "        ")));
        assertThat(regions.taskIds(), contains("lab01.2"));
        assertThat(regions.isSolutionOnly(), is(false));
    }

    @Test
    void crlfLineEndingsAreKeptInBothVersions() {
        String crlf = ONE_REGION.replace("\n", "\r\n");
        SolutionRegions regions = parse(crlf);
        assertThat(regions.starter(), is(parse(ONE_REGION).starter().replace("\n", "\r\n")));
        assertThat(regions.solution(), is(parse(ONE_REGION).solution().replace("\n", "\r\n")));
    }

    @Test
    void oldMacLineEndingsAndAMissingFinalNewlineAreKept() {
        String cr = ONE_REGION.replace("\n", "\r");
        assertThat(parse(cr).starter(), is(parse(ONE_REGION).starter().replace("\n", "\r")));
        String noFinalNewline = ONE_REGION.substring(0, ONE_REGION.length() - 1);
        assertThat(parse(noFinalNewline).solution(), is(parse(ONE_REGION).solution().stripTrailing()));
    }

    @Test
    void tabsBeforeBeginAreTheStubsIndentation() {
        String tabs = "class A {\n\tvoid f() {\n\t\t// TODO(lab01.1): do it\n\t\t// BEGIN SOLUTION(lab01.1)\n"
                + "\t\tSystem.gc();\n\t\t// END SOLUTION\n\t}\n}\n";
        assertThat(parse(tabs).starter(), containsString(
                "\t\t// TODO(lab01.1): do it\n\t\tthrow new UnsupportedOperationException(\"TODO(lab01.1): do it\");\n\t}"));
    }

    @Test
    void severalRegionsAreEachReplacedAndTheCodeBetweenThemIsKept() {
        String source = """
                class B {
                    int f() {
                        // TODO(lab02.1): first
                        // BEGIN SOLUTION(lab02.1)
                        return 1;
                        // END SOLUTION
                    }

                    int g() {
                        int kept = 3;
                        // TODO(lab02.2): second

                        // BEGIN SOLUTION(lab02.2)
                        return kept;
                        // END SOLUTION
                    }
                }
                """;
        SolutionRegions regions = parse(source);
        assertThat(regions.taskIds(), contains("lab02.1", "lab02.2"));
        assertThat(regions.starter(), is("""
                class B {
                    int f() {
                        // TODO(lab02.1): first
                        throw new UnsupportedOperationException("TODO(lab02.1): first");
                    }

                    int g() {
                        int kept = 3;
                        // TODO(lab02.2): second

                        throw new UnsupportedOperationException("TODO(lab02.2): second");
                    }
                }
                """));
        assertThat(regions.solution(), not(containsString("SOLUTION")));
        assertThat(regions.solution(), containsString("int kept = 3;\n        // TODO(lab02.2): second\n\n"
                + "        return kept;\n"));
    }

    @Test
    void twoRegionsOfOneTaskAreListedOnceInTaskIds() {
        String source = ONE_REGION + ONE_REGION.replace("class A", "class C");
        assertThat(parse(source).regions().size(), is(2));
        assertThat(parse(source).taskIds(), contains("lab01.2"));
    }

    @Test
    void aFileWithoutRegionsIsCopiedUnchanged() {
        String plain = "class P {\r\n  // TODO: not a task hint\r\n}";
        assertThat(parse(plain).regions(), is(empty()));
        assertThat(parse(plain).starter(), is(plain));
        assertThat(parse(plain).solution(), is(plain));
        assertThat(parse("").starter(), is(emptyString()));
    }

    @Test
    void quotesAndBackslashesInTheHintAreEscapedInTheStub() {
        String source = ONE_REGION.replace("return twice x", "split on \"\\\\s+\" then \\u0041dd");
        String stub = parse(source).starter().lines().filter(l -> l.contains("throw")).findFirst().orElseThrow();
        assertThat(stub.strip(), is("throw new UnsupportedOperationException("
                + "\"TODO(lab01.2): split on \\\"\\\\\\\\s+\\\" then \\\\u0041dd\");"));
    }

    @Test
    void aSolutionOnlyFileHasNoStarterAndItsSolutionDropsTheMarkerLine() {
        String source = "// SOLUTION-ONLY FILE\nclass Helper {\n}\n";
        SolutionRegions regions = parse(source);
        assertThat(regions.isSolutionOnly(), is(true));
        assertThat(regions.solution(), is("class Helper {\n}\n"));
        IllegalStateException e = assertThrows(IllegalStateException.class, regions::starter);
        assertThat(e.getMessage(), containsString("leave the file out of the student tree"));
    }

    static Stream<Arguments> brokenSources() {
        return Stream.of(
                Arguments.of("nested regions", ONE_REGION.replace("        int y = x * 2;\n",
                        "        // TODO(lab01.3): inner\n            // BEGIN SOLUTION(lab01.3)\n"),
                        "A.java:6: BEGIN SOLUTION inside the region opened on line 4"),
                Arguments.of("an unclosed region", ONE_REGION.replace("        // END SOLUTION\n", ""),
                        "A.java:4: BEGIN SOLUTION(lab01.2) is never closed; add // END SOLUTION"),
                Arguments.of("END without BEGIN", ONE_REGION.replace("        // BEGIN SOLUTION(lab01.2)\n", ""),
                        "A.java:6: END SOLUTION without a BEGIN SOLUTION"),
                Arguments.of("a marker in lower case", ONE_REGION.replace("// END SOLUTION", "// end solution"),
                        "A.java:7: malformed marker '// end solution'"),
                Arguments.of("END_SOLUTION", ONE_REGION.replace("// END SOLUTION", "// END_SOLUTION"),
                        "A.java:7: malformed marker '// END_SOLUTION'"),
                Arguments.of("two spaces in BEGIN", ONE_REGION.replace("BEGIN SOLUTION", "BEGIN  SOLUTION"),
                        "A.java:4: malformed marker"),
                Arguments.of("a comment after END", ONE_REGION.replace("// END SOLUTION", "// END SOLUTION of f"),
                        "A.java:7: malformed marker '// END SOLUTION of f'"),
                Arguments.of("a block-comment marker", ONE_REGION.replace("// END SOLUTION", "/* END SOLUTION */"),
                        "A.java:7: malformed marker"),
                Arguments.of("code before the marker", ONE_REGION.replace("// END SOLUTION", "} // END SOLUTION"),
                        "A.java:7: malformed marker"),
                Arguments.of("a task id without the lab's two digits", ONE_REGION.replace("lab01.2", "lab1.2"),
                        "A.java:4: malformed marker '// BEGIN SOLUTION(lab1.2)'"),
                Arguments.of("a task id without a task number",
                        ONE_REGION.replace("BEGIN SOLUTION(lab01.2)", "BEGIN SOLUTION(lab01)"),
                        "A.java:4: malformed marker '// BEGIN SOLUTION(lab01)'"),
                Arguments.of("BEGIN without an id", ONE_REGION.replace("BEGIN SOLUTION(lab01.2)", "BEGIN SOLUTION"),
                        "A.java:4: malformed marker"),
                Arguments.of("a misspelt solution-only marker", "// Solution-Only File\nclass H {}\n",
                        "A.java:1: malformed marker"),
                Arguments.of("two solution-only markers", "// SOLUTION-ONLY FILE\n// SOLUTION-ONLY FILE\n",
                        "A.java:2: a second // SOLUTION-ONLY FILE line (the first is line 1)"),
                Arguments.of("no hint", ONE_REGION.replace("        // TODO(lab01.2): return twice x\n", ""),
                        "A.java:3: BEGIN SOLUTION(lab01.2) needs the task's hint on the line before it: "
                                + "'// TODO(lab01.2): what the student should do'"),
                Arguments.of("code between the hint and BEGIN", ONE_REGION.replace("return twice x\n",
                        "return twice x\n        int z = 0;\n"), "A.java:5: BEGIN SOLUTION(lab01.2) needs"),
                Arguments.of("the hint of another task", ONE_REGION.replace("TODO(lab01.2)", "TODO(lab01.3)"),
                        "A.java:4: BEGIN SOLUTION(lab01.2) follows the hint of lab01.3 on line 3; make the two ids"
                                + " the same"),
                Arguments.of("an empty hint", ONE_REGION.replace("TODO(lab01.2): return twice x", "TODO(lab01.2):  "),
                        "A.java:4: the hint of lab01.2 on line 3 is empty"),
                Arguments.of("a hint without a colon", ONE_REGION.replace("TODO(lab01.2):", "TODO(lab01.2)"),
                        "A.java:4: BEGIN SOLUTION(lab01.2) needs the task's hint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSources")
    void brokenMarkersAreRefusedNamingTheFileAndLine(String what, String source, String expectedMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(source));
        assertThat(e.getMessage(), startsWith(expectedMessage));
    }

    @Test
    void theStarterOfEveryFileOfLab00CompilesAndKeepsNoSolutionLine(@TempDir Path dir) throws IOException {
        List<Path> starters = new ArrayList<>();
        for (Path file : LabFolders.javaFiles(LabFolders.LAB00.resolve("src/main/java"))) {
            SolutionRegions regions = SolutionRegions.parse(Files.readString(file), file.toString());
            assertThat(file + " has regions", regions.regions(), is(not(empty())));
            String starter = regions.starter();
            assertThat(SolutionMarkers.looksLikeMarker(starter), is(false));
            for (SolutionRegions.Region region : regions.regions()) {
                assertThat(starter, containsString("throw new UnsupportedOperationException(\"TODO("
                        + region.taskId() + "): " + region.hint() + "\");"));
            }
            Path out = dir.resolve("src/lab00").resolve(file.getFileName());
            Files.createDirectories(out.getParent());
            Files.writeString(out, starter);
            starters.add(out);
        }
        assertThat(starters.size(), is(3));
        LabFolders.compile(starters, dir.resolve("classes"));
        assertThat(Files.exists(dir.resolve("classes/lab00/VectorOps.class")), is(true));
    }

    @Test
    void theSolutionOfEveryFileOfLab00CompilesWithoutMarkers(@TempDir Path dir) throws IOException {
        List<Path> solutions = new ArrayList<>();
        for (Path file : LabFolders.javaFiles(LabFolders.LAB00.resolve("src/main/java"))) {
            String solution = SolutionRegions.parse(Files.readString(file), file.toString()).solution();
            assertThat(SolutionMarkers.looksLikeMarker(solution), is(false));
            Path out = dir.resolve("src/lab00").resolve(file.getFileName());
            Files.createDirectories(out.getParent());
            Files.writeString(out, solution);
            solutions.add(out);
        }
        LabFolders.compile(solutions, dir.resolve("classes"));
        assertThat(Files.exists(dir.resolve("classes/lab00/StableSoftmax.class")), is(true));
    }
}
