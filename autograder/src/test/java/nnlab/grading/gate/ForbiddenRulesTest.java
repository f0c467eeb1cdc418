package nnlab.grading.gate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The committed signature file and how reports are traced back to its rules. */
class ForbiddenRulesTest {

    private static final ForbiddenRules RULES = ForbiddenRules.bundled();

    private static String messageOf(String signature) {
        return RULES.rules().stream().filter(rule -> rule.signature().equals(signature)).findFirst().orElseThrow()
                .message();
    }

    @Test
    void theFileForbidsEveryCategoryOfTheIssue() {
        List<String> signatures = RULES.rules().stream().map(ForbiddenRules.Rule::signature).toList();

        assertThat(signatures, hasItems(
                "java.lang.System#exit(int)", "java.lang.Runtime",
                "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle",
                "java.lang.Thread", "java.util.concurrent.ExecutorService", "java.util.concurrent.ForkJoinPool",
                "java.util.concurrent.CompletableFuture", "java.util.Timer", "java.util.Collection#parallelStream()",
                "java.util.stream.BaseStream#parallel()",
                "java.lang.reflect.**", "java.lang.invoke.MethodHandles", "java.lang.Class#forName(**)",
                "java.lang.Class#getDeclaredMethods()", "java.lang.Class#getMethods()",
                "java.lang.ClassLoader", "java.lang.Class#getClassLoader()",
                "java.lang.Class#getResourceAsStream(java.lang.String)", "java.util.ServiceLoader",
                "java.io.File", "java.io.RandomAccessFile", "java.nio.file.**", "java.nio.channels.FileChannel",
                "java.net.**", "java.nio.channels.**",
                "sun.**", "jdk.**", "java.lang.instrument.**", "java.lang.management.**",
                "java.lang.System#setOut(java.io.PrintStream)", "java.lang.System#setErr(java.io.PrintStream)",
                "java.lang.System#setIn(java.io.InputStream)",
                "java.lang.System#setProperty(java.lang.String,java.lang.String)", "java.lang.System#getenv(**)",
                "java.lang.System#setSecurityManager(java.lang.SecurityManager)",
                "java.lang.System#loadLibrary(java.lang.String)",
                "java.lang.Math#random()", "java.lang.StrictMath#random()", "java.util.Random#<init>()",
                "java.util.concurrent.ThreadLocalRandom", "java.security.SecureRandom", "java.util.UUID#randomUUID()",
                "nnlab.io.**", "nnlab.viz.Figure#savePng(java.nio.file.Path)", "nnlab.data.MnistDataset#load(**)",
                "nnlab.grading.**", "org.junit.**", "org.hamcrest.**"));
    }

    @Test
    void everyRuleHasAMessageThatSpeaksToTheStudent() {
        assertThat(RULES.rules().stream().map(ForbiddenRules.Rule::message).toList(),
                everyItem(allOf(anyOf(startsWith("Lab code "), startsWith("Randomness in lab code ")),
                        endsWith("."))));
    }

    @Test
    void aReportedClassIsTracedToThePatternOrTheExactClassThatForbadeIt() {
        String reflection = messageOf("java.lang.reflect.**");

        assertThat(RULES.ruleFor("java.lang.reflect.Method", reflection).signature(), is("java.lang.reflect.**"));
        assertThat(RULES.ruleFor("java.lang.System#exit(int)", messageOf("java.lang.System#exit(int)")).signature(),
                is("java.lang.System#exit(int)"));
        assertThat(RULES.classRule("java.security.SecureRandom").map(ForbiddenRules.Rule::signature),
                is(Optional.of("java.security.SecureRandom")));
        assertThat(RULES.classRule("java.security.MessageDigest").map(ForbiddenRules.Rule::signature),
                is(Optional.of("java.security.**")));
        assertThat(RULES.classRule("java.lang.String"), is(Optional.empty()));
        assertThrows(IllegalStateException.class, () -> RULES.ruleFor("java.lang.reflect.Method", "other words"));
    }

    @Test
    void patternsFollowForbiddenApis() {
        assertThat(ForbiddenRules.globPattern("org.ejml.**_MT_*").matcher("org.ejml.dense.row.CommonOps_MT_FDRM")
                .matches(), is(true));
        assertThat(ForbiddenRules.globPattern("org.ejml.**_MT_*").matcher("org.ejml.dense.row.CommonOps_FDRM")
                .matches(), is(false));
        assertThat(ForbiddenRules.globPattern("java.util.*").matcher("java.util.Random").matches(), is(true));
        assertThat(ForbiddenRules.globPattern("java.util.*").matcher("java.util.concurrent.Executors").matches(),
                is(false));
        assertThat(ForbiddenRules.globPattern("java.nio.file.**").matcher("java.nio.file.spi.FileSystemProvider")
                .matches(), is(true));
        assertThat(ForbiddenRules.globPattern("java.nio.file.**").matcher("java.nio.filex.Y").matches(), is(false));
    }

    @Test
    void aSignatureWithoutMessageIsRefusedWithItsLine() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ForbiddenRules.parse("# header\njava.lang.Thread\n", "rules.txt"));

        assertThat(refused.getMessage(), allOf(containsString("rules.txt line 2"),
                containsString("java.lang.Thread has no message")));
    }

    @Test
    void repeatsAndUnknownDirectivesAreRefused() {
        assertThat(assertThrows(IllegalStateException.class, () -> ForbiddenRules.parse(
                "@defaultMessage no\njava.lang.Thread\njava.lang.Thread @ twice\n", "rules.txt")).getMessage(),
                containsString("rules.txt line 3: java.lang.Thread is listed twice"));
        assertThat(assertThrows(IllegalStateException.class, () -> ForbiddenRules.parse(
                "@ignoreMissingClasses\n", "rules.txt")).getMessage(),
                containsString("only @defaultMessage is supported"));
    }

    @Test
    void inlineMessagesWinOverTheDefault() {
        ForbiddenRules rules = ForbiddenRules.parse(
                "@defaultMessage group\njava.lang.Thread\njava.util.Timer @ own words\n", "rules.txt");

        assertThat(rules.rules(), hasItems(new ForbiddenRules.Rule("java.lang.Thread", "group"),
                new ForbiddenRules.Rule("java.util.Timer", "own words")));
    }
}
