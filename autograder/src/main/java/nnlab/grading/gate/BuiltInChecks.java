package nnlab.grading.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import de.thetaphi.forbiddenapis.SuppressForbidden;

/**
 * The gate's own checks, for what a deny-list of signatures cannot say:
 * <ul>
 *   <li>{@value #ALLOWED_PACKAGES}: lab code uses classes of {@link #LIBRARY_PACKAGES} and of its own lab only. The
 *       grader's class path also holds libraries that read files named by a string, start processes or load
 *       classes (PDF and terminal libraries, bytecode tools, test engines); a deny-list of them would go stale with
 *       every new dependency, an allow-list does not. A class that a rule of the signature file forbids as a whole
 *       is left to that rule and its message.</li>
 *   <li>{@value #NO_SUPPRESSION}: forbiddenapis always skips code annotated with its {@code @SuppressForbidden};
 *       lab code carrying it is a violation in itself.</li>
 *   <li>{@value #NO_FINALIZER}: overriding {@code Object#finalize()} declares code that the JVM runs later on its
 *       finalizer thread, which no signature of a call can express.</li>
 * </ul>
 * {@value #UNCHECKED} marks code the gate could not check at all (see {@link ForbiddenApiScan}).
 */
final class BuiltInChecks {

    /** Rule name: a class outside the allowed packages. */
    static final String ALLOWED_PACKAGES = "gate:allowed-packages";
    /** Rule name: forbiddenapis' {@code @SuppressForbidden} in lab code. */
    static final String NO_SUPPRESSION = "gate:no-suppression";
    /** Rule name: a {@code finalize()} override. */
    static final String NO_FINALIZER = "gate:no-finalizer";
    /** Rule name: code the gate could not check. */
    static final String UNCHECKED = "gate:unchecked";

    /** Package prefixes lab code may use besides its own lab's: the JDK's {@code java.*} and the course libraries. */
    static final List<String> LIBRARY_PACKAGES =
            List.of("java.", "nnlab.", "org.apache.commons.math3.", "org.ejml.", "org.knowm.xchart.");

    static final String ALLOWED_PACKAGES_MESSAGE = "Lab code may use only the JDK's java.* packages, the nnlab "
            + "library, Commons Math (org.apache.commons.math3), EJML (org.ejml), XChart (org.knowm.xchart) and the "
            + "lab's own classes; the other libraries on the grader's class path are there for the grader.";
    static final String NO_SUPPRESSION_MESSAGE = "Lab code must not carry @SuppressForbidden: it would switch off the "
            + "grader's checks of this code.";
    static final String NO_FINALIZER_MESSAGE = "Lab code must not override finalize(): the JVM calls it later, on a "
            + "thread of its own, outside the test that created the object. Release what you hold explicitly.";

    private BuiltInChecks() {
    }

    /**
     * The built-in checks' violations in {@code file}'s classes.
     *
     * @param labPackages the first package name segment of each student class ({@code lab02}): classes of these
     *                    packages (the student's and the lab template's) are allowed
     * @param rules       the signature file, so that a class it forbids is not reported twice
     */
    static List<Violation> check(StudentClasses.StudentFile file, Set<String> labPackages, ForbiddenRules rules) {
        List<Violation> violations = new ArrayList<>();
        for (StudentClasses.StudentClass compiled : file.classes()) {
            ClassFacts facts = compiled.facts();
            for (ClassFacts.Place reference : facts.references()) {
                String used = reference.what();
                if (!allowed(used, labPackages) && rules.classRule(used).isEmpty()) {
                    violations.add(new Violation(file.sourceFile(), facts.className(), reference.member(),
                            reference.line(), used, ALLOWED_PACKAGES, ALLOWED_PACKAGES_MESSAGE));
                }
            }
            for (ClassFacts.Place suppression : facts.suppressions()) {
                violations.add(new Violation(file.sourceFile(), facts.className(), suppression.member(),
                        suppression.line(), SuppressForbidden.class.getName(), NO_SUPPRESSION,
                        NO_SUPPRESSION_MESSAGE));
            }
            if (facts.finalizerLine() != null) {
                violations.add(new Violation(file.sourceFile(), facts.className(), "finalize",
                        facts.finalizerLine(), "java.lang.Object#finalize()", NO_FINALIZER, NO_FINALIZER_MESSAGE));
            }
        }
        return violations;
    }

    /** Whether lab code may use the class {@code className} (binary name) apart from the signature file's rules. */
    static boolean allowed(String className, Set<String> labPackages) {
        for (String prefix : LIBRARY_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        int dot = className.indexOf('.');
        return dot > 0 && labPackages.contains(className.substring(0, dot));
    }
}
