package nnlab.grading.compile;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nnlab.grading.gate.BytecodeGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Compiling student files alone: good files, broken files replaced by their stubs or left out, bounded messages. */
class StudentCompilerTest {

    private static final String SHAPE = """
            package lab99;

            public class Shape {
                public static int area(int w, int h) {
                    int a = w * h;
                    return a;
                }
            }
            """;

    private static final String GOOD = """
            package lab99;

            public class Good {
                public static int twice(int x) {
                    return 2 * Shape.area(x, 1);
                }
            }
            """;

    private static final String BROKEN = """
            package lab99;
            public class Broken {
                public static int answer() { return 42 }
            }
            """;

    private static final String BROKEN_STUB = """
            package lab99;
            public class Broken {
                public static int answer() {
                    throw new UnsupportedOperationException("TODO");
                }
            }
            """;

    private static final String GOOD_ALONE = """
            package lab99;
            public class Alone {
                public static int one() { return 1; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void goodFilesCompileWithLineNumbers() throws Exception {
        LabSources lab = new LabSources(dir).student("Shape.java", SHAPE).student("Good.java", GOOD);
        CompileReport report = lab.compile();

        assertThat(report.allCompiled(), is(true));
        assertThat(report.rounds(), is(1));
        assertThat(report.compiledClassNames(), contains("lab99.Good", "lab99.Shape"));
        assertThat(report.brokenFiles().isEmpty(), is(true));
        assertThat(report.toMarkdown(), is(""));
        assertThat(lineNumbers(lab.classes().resolve("lab99/Shape.class")), contains(3, 5, 6));
        assertThat(lineNumbers(lab.classes().resolve("lab99/Good.class")), contains(3, 5));
    }

    @Test
    void syntaxErrorIsReportedAndTheFileReplacedByItsStub() throws Exception {
        LabSources lab = new LabSources(dir).student("Broken.java", BROKEN).stub("Broken.java", BROKEN_STUB)
                .student("Alone.java", GOOD_ALONE);
        CompileReport report = lab.compile();

        assertThat(report.outcome("Broken.java"), is(FileOutcome.REPLACED_BY_STUB));
        assertThat(report.outcome("Alone.java"), is(FileOutcome.COMPILED));
        String messages = report.brokenFiles().get("Broken.java");
        assertThat(messages, startsWith("Broken.java:3:43: ';' expected\n"
                + "    public static int answer() { return 42 }\n"
                + "                                          ^"));
        assertThat(report.brokenFiles().keySet(), contains("Broken.java"));
        assertThat(report.compiledClassNames(), contains("lab99.Alone"));
        assertThat(report.rounds(), is(2));
        assertThat(Files.isRegularFile(lab.classes().resolve("lab99/Alone.class")), is(true));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {lab.classes().toUri().toURL()}, null)) {
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                    () -> loader.loadClass("lab99.Broken").getMethod("answer").invoke(null));
            assertThat(thrown.getCause().getClass().getName(), is(UnsupportedOperationException.class.getName()));
            assertThat(loader.loadClass("lab99.Alone").getMethod("one").invoke(null), is(1));
        }
        assertThat(report.toMarkdown(), allOf(containsString("#### Broken.java"),
                containsString("Replaced by its starter version"), containsString("```\nBroken.java:3:43: ")));
        assertThat(BytecodeGate.check(lab.classes(), report.compiledClassNames()).passed(), is(true));
    }

    @Test
    void typeErrorShownOnlyByTheFileThatUsesTheOther() throws Exception {
        String helper = """
                package lab99;
                public class Helper {
                    public static String size(int n) { return "" + n; }
                }
                """;
        String user = """
                package lab99;
                public class User {
                    public static int run() {
                        int n = Helper.size(3);
                        return n;
                    }
                }
                """;
        String userStub = """
                package lab99;
                public class User {
                    public static int run() { throw new UnsupportedOperationException("TODO"); }
                }
                """;
        CompileReport report = new LabSources(dir).student("Helper.java", helper).student("User.java", user)
                .stub("User.java", userStub).compile();

        assertThat(report.outcome("Helper.java"), is(FileOutcome.COMPILED));
        assertThat(report.outcome("User.java"), is(FileOutcome.REPLACED_BY_STUB));
        assertThat(report.brokenFiles().get("User.java"), startsWith("User.java:4:28: incompatible types: "
                + "java.lang.String cannot be converted to int\n        int n = Helper.size(3);"));
        assertThat(report.compiledClassNames(), contains("lab99.Helper"));
    }

    @Test
    void fileWithoutStubIsLeftOutAndItsDependentReplaced() throws Exception {
        String uses = """
                package lab99;
                public class Uses {
                    public static int value() { return Broken.answer() + 1; }
                }
                """;
        String usesStub = """
                package lab99;
                public class Uses {
                    public static int value() { throw new UnsupportedOperationException("TODO"); }
                }
                """;
        LabSources lab = new LabSources(dir).student("Broken.java", BROKEN).student("Uses.java", uses)
                .stub("Uses.java", usesStub).student("Alone.java", GOOD_ALONE);
        CompileReport report = lab.compile();

        assertThat(report.outcome("Broken.java"), is(FileOutcome.LEFT_OUT));
        assertThat(report.outcome("Uses.java"), is(FileOutcome.REPLACED_BY_STUB));
        assertThat(report.outcome("Alone.java"), is(FileOutcome.COMPILED));
        assertThat(report.rounds(), is(3));
        assertThat(report.brokenFiles().keySet(), contains("Broken.java", "Uses.java"));
        assertThat(report.brokenFiles().get("Uses.java"), allOf(startsWith("Uses.java:3:40: cannot find symbol"),
                containsString("symbol:   variable Broken")));
        assertThat(Files.exists(lab.classes().resolve("lab99/Broken.class")), is(false));
        assertThat(Files.isRegularFile(lab.classes().resolve("lab99/Uses.class")), is(true));
        assertThat(report.toMarkdown(), containsString("Left out: no starter version"));
    }

    @Test
    void sourcesOnTheClassPathAreNotCompiledInPlaceOfALeftOutFile() throws Exception {
        String uses = """
                package lab99;
                public class Uses {
                    public static int value() { return Shape.area(2, 3); }
                }
                """;
        LabSources lab = new LabSources(dir).student("Shape.java", SHAPE.replace("return a;", "return a"))
                .student("Uses.java", uses);
        Path shapeSource = Files.createDirectories(dir.resolve("elsewhere/lab99")).resolve("Shape.java");
        Files.writeString(shapeSource, SHAPE);

        CompileReport report = StudentCompiler.compile(lab.request("classes", dir.resolve("elsewhere")));

        assertThat(report.outcome("Shape.java"), is(FileOutcome.LEFT_OUT));
        assertThat(report.outcome("Uses.java"), is(FileOutcome.LEFT_OUT));
        assertThat(report.brokenFiles().get("Uses.java"), startsWith("Uses.java:3:40: cannot find symbol"));
        assertThat(Files.exists(lab.classes().resolve("lab99/Shape.class")), is(false));
    }

    @Test
    void stubThatDoesNotCompileWithTheOtherFilesIsLeftOut() throws Exception {
        String usesStub = """
                package lab99;
                public class Uses {
                    public static Broken value() { throw new UnsupportedOperationException("TODO"); }
                }
                """;
        String uses = """
                package lab99;
                public class Uses {
                    public static int value() { return Broken.answer(); }
                }
                """;
        LabSources lab = new LabSources(dir).student("Broken.java", BROKEN).student("Uses.java", uses)
                .stub("Uses.java", usesStub).student("Alone.java", GOOD_ALONE);
        CompileReport report = lab.compile();

        assertThat(report.outcome("Uses.java"), is(FileOutcome.LEFT_OUT));
        assertThat(report.brokenFiles().get("Uses.java"), allOf(startsWith("Uses.java:3:40: cannot find symbol"),
                containsString("Its starter version did not compile with your other files either")));
        assertThat(report.compiledClassNames(), contains("lab99.Alone"));
        assertThat(report.rounds(), is(4));
    }

    @Test
    void annotationProcessorOnTheClassPathDoesNotRun() throws Exception {
        Path marker = dir.resolve("processor-ran");
        Path processors = compileProcessor(dir.resolve("processor"), marker);
        LabSources lab = new LabSources(dir.resolve("lab")).student("Annotated.java", """
                package lab99;
                @Deprecated
                public class Annotated {
                }
                """);

        CompileReport report = StudentCompiler.compile(lab.request("classes", processors));

        assertThat(report.allCompiled(), is(true));
        assertThat(Files.exists(marker), is(false));
        // The same class path without -proc:none runs it: the processor is real.
        compileWithPlainJavac(lab, processors, dir.resolve("plain"));
        assertThat(Files.exists(marker), is(true));
    }

    @Test
    void messagesAreBoundedForAFileWithTenThousandErrors() throws Exception {
        StringBuilder source = new StringBuilder("package lab99;\npublic class Many {\n");
        for (int i = 0; i < 10_000; i++) {
            source.append("    int x").append(i).append(" = \"not an int\";\n");
        }
        source.append("}\n");
        CompileReport report = new LabSources(dir).student("Many.java", source.toString()).compile();

        String messages = report.brokenFiles().get("Many.java");
        assertThat(report.outcome("Many.java"), is(FileOutcome.LEFT_OUT));
        assertThat(messages.length(), lessThan(10_000));
        assertThat(messages, containsString("more errors not shown; fix the first ones and compile again"));
        assertThat(messages.split("Many\\.java:").length - 1, is(ErrorText.MAX_ERRORS_PER_FILE));
        assertThat(report.toMarkdown().length(), lessThan(10_500));
    }

    @Test
    void theSameSubmissionGivesTheSameReport() throws Exception {
        LabSources lab = new LabSources(dir).student("Broken.java", BROKEN).stub("Broken.java", BROKEN_STUB)
                .student("Alone.java", GOOD_ALONE).student("Shape.java", SHAPE).student("Good.java", GOOD);
        CompileReport first = StudentCompiler.compile(lab.request("first"));
        CompileReport second = StudentCompiler.compile(lab.request("second"));

        assertThat(second.toMarkdown(), is(first.toMarkdown()));
        assertThat(second, is(first));
        assertThat(first.files().stream().map(FileCompilation::fileName).toList(),
                contains("Alone.java", "Broken.java", "Good.java", "Shape.java"));
    }

    @Test
    void refusesAnOutputFolderThatIsNotEmpty() throws Exception {
        LabSources lab = new LabSources(dir).student("Alone.java", GOOD_ALONE);
        Files.createDirectories(lab.classes());
        Files.writeString(lab.classes().resolve("keep.txt"), "x");

        IOException thrown = assertThrows(IOException.class, lab::compile);
        assertThat(thrown.getMessage(), containsString("is not empty"));
        assertThat(Files.exists(lab.classes().resolve("keep.txt")), is(true));
    }

    @Test
    void refusesAStubForAFileNotCompiled() throws Exception {
        LabSources lab = new LabSources(dir).student("Alone.java", GOOD_ALONE).stub("Other.java", GOOD);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> lab.request("out"));
        assertThat(thrown.getMessage(), containsString("stub for Other.java but no such source file"));
    }

    /** The line numbers of the class's methods, in order, from its LineNumberTable attributes. */
    private static List<Integer> lineNumbers(Path classFile) throws IOException {
        List<Integer> lines = new ArrayList<>();
        new ClassReader(Files.readAllBytes(classFile)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLineNumber(int line, Label start) {
                        lines.add(line);
                    }
                };
            }
        }, 0);
        return lines;
    }

    /** Compiles a processor that creates {@code marker} when initialised, registered as a service; its classes. */
    private static Path compileProcessor(Path dir, Path marker) throws IOException {
        String source = """
                package evil;
                import java.util.Set;
                import javax.annotation.processing.*;
                import javax.lang.model.SourceVersion;
                import javax.lang.model.element.TypeElement;
                @SupportedAnnotationTypes("*")
                public class MarkerProcessor extends AbstractProcessor {
                    @Override public synchronized void init(ProcessingEnvironment env) {
                        super.init(env);
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of(%s), "ran");
                        } catch (java.io.IOException e) {
                            throw new RuntimeException(e);
                        }
                    }
                    @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latest(); }
                    @Override public boolean process(Set<? extends TypeElement> types, RoundEnvironment round) {
                        return false;
                    }
                }
                """.formatted(javaString(marker.toAbsolutePath().toString()));
        Path file = Files.createDirectories(dir.resolve("src/evil")).resolve("MarkerProcessor.java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, java.io.OutputStream.nullOutputStream(), "-proc:none", "-d",
                classes.toString(), file.toString());
        assertThat("the processor compiles", status, is(0));
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("javax.annotation.processing.Processor"), "evil.MarkerProcessor\n");
        return classes;
    }

    /** javac as a build would run it without {@code -proc:none}: processors found on the class path run. */
    private static void compileWithPlainJavac(LabSources lab, Path processors, Path out) throws IOException {
        Files.createDirectories(out);
        List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "-classpath", processors.toString()));
        CompileRequest request = lab.request("unused");
        request.sourceFiles().forEach(file -> arguments.add(file.toString()));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, java.io.OutputStream.nullOutputStream(), java.io.OutputStream.nullOutputStream(),
                arguments.toArray(String[]::new));
        assertThat("plain javac compiles the lab", status, is(0));
    }

    private static String javaString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
