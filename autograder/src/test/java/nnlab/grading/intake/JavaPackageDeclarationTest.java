package nnlab.grading.intake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class JavaPackageDeclarationTest {

    @Test
    void findsAPlainDeclaration() {
        assertThat(JavaPackageDeclaration.of("package lab02;\nclass A {}"), is(Optional.of("lab02")));
        assertThat(JavaPackageDeclaration.of("package lab03.conv;"), is(Optional.of("lab03.conv")));
    }

    @Test
    void skipsByteOrderMarkCommentsAndWhitespaceBetweenTokens() {
        String source = "\uFEFF/* header\n * package evil; */\n// package evil;\r\n/** doc */\t\f"
                + "package /* x */ lab03 . // y\n conv ;";

        assertThat(JavaPackageDeclaration.of(source), is(Optional.of("lab03.conv")));
    }

    @Test
    void theDefaultPackageAnAnnotationOrAClassFirstIsNoDeclaration() {
        assertThat(JavaPackageDeclaration.of("public class A {}"), is(Optional.empty()));
        assertThat(JavaPackageDeclaration.of("import java.util.List;\npackage lab02;"), is(Optional.empty()));
        assertThat(JavaPackageDeclaration.of("@Deprecated package lab02;"), is(Optional.empty()));
        assertThat(JavaPackageDeclaration.of(""), is(Optional.empty()));
    }

    @Test
    void malformedDeclarationsAreNoDeclaration() {
        assertThat(JavaPackageDeclaration.of("package lab02"), is(Optional.empty()));
        assertThat(JavaPackageDeclaration.of("package lab02.;"), is(Optional.empty()));
        assertThat(JavaPackageDeclaration.of("packagelab02;"), is(Optional.empty()));
        assertThat(JavaPackageDeclaration.of("/* never closed package lab02;"), is(Optional.empty()));
        assertThat(JavaPackageDeclaration.of("package lab02\u00a0;"), is(Optional.empty()));
    }

    @Test
    void unicodeEscapesAreTranslatedFirstAsJavacDoes() {
        // The escape for 'p': javac reads "package evil;".
        assertThat(JavaPackageDeclaration.of("\\u0070ackage evil;"), is(Optional.of("evil")));
        // The escape for a line feed ends the line comment: javac sees "package evil;" before the lab's.
        assertThat(JavaPackageDeclaration.of("// \\u000a package evil;\npackage lab02;"), is(Optional.of("evil")));
        // The escape for '*' followed by '/' closes the block comment early: javac sees "package evil;" first.
        assertThat(JavaPackageDeclaration.of("/* \\u002a/ package evil; /* */ package lab02;"),
                is(Optional.of("evil")));
        // A backslash preceded by a backslash starts no escape: the text stays as written (no declaration).
        assertThat(JavaPackageDeclaration.of("\\\\u0070ackage lab02;"), is(Optional.empty()));
    }

    @Test
    void malformedOrBackslashEscapesAreNoDeclaration() {
        assertThat(JavaPackageDeclaration.of("/* \\u00zz */ package lab02;"), is(Optional.empty()));
        assertThat(JavaPackageDeclaration.of("/* \\u005c */ package lab02;"), is(Optional.empty()));
        assertThat(JavaPackageDeclaration.of("/* \\u\uFF10\uFF10\uFF12a */ package lab02;"), is(Optional.empty()));
    }
}
