package nnlab.grading.gate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.thetaphi.forbiddenapis.Checker;
import de.thetaphi.forbiddenapis.ForbiddenApiException;
import de.thetaphi.forbiddenapis.ParseException;

/**
 * Checks the classes of one student file against the signature file with forbiddenapis and turns what it reports
 * into {@link Violation}s.
 *
 * <p>forbiddenapis resolves each call through the class hierarchy (a {@code start()} called on the student's own
 * subclass of {@code Thread} is {@code Thread#start()}; {@code parallelStream()} called on an {@code ArrayList} is
 * {@code Collection#parallelStream()}), so it needs every class the student code refers to: it fails on a missing
 * one ({@code FAIL_ON_MISSING_CLASSES}) rather than skip checks, and on a signature that does not resolve
 * ({@code FAIL_ON_UNRESOLVABLE_SIGNATURES}) rather than drop a rule. A class it cannot resolve makes the whole
 * file a violation ({@value BuiltInChecks#UNCHECKED}): code the gate could not check does not run.
 */
final class ForbiddenApiScan {

    private static final Pattern SCANNED_CLASS = Pattern.compile("while scanning class '([^']+)'");

    private ForbiddenApiScan() {
    }

    /**
     * The violations forbiddenapis finds in {@code file}'s classes.
     *
     * @param loader resolves the classes they refer to (see {@link ClassesRootLoader})
     * @throws IllegalStateException if this JVM is one forbiddenapis cannot read, the signature file does not
     *                               parse, a class file is too new for forbiddenapis, or forbiddenapis reports
     *                               something the gate cannot read
     */
    static List<Violation> scan(StudentClasses.StudentFile file, ForbiddenRules rules, ClassLoader loader) {
        Map<String, ClassFacts> factsByClass = new HashMap<>();
        Map<String, String> sourceFileByClass = new HashMap<>();
        for (StudentClasses.StudentClass compiled : file.classes()) {
            ClassFacts facts = compiled.facts();
            factsByClass.put(facts.className(), facts);
            if (facts.sourceFile() != null) {
                sourceFileByClass.put(facts.className(), facts.sourceFile());
            }
        }
        ForbiddenApiLog log = new ForbiddenApiLog(sourceFileByClass);
        Checker checker = checker(log, loader, rules, file.classes());
        List<Violation> violations = new ArrayList<>();
        try {
            checker.run();
        } catch (ForbiddenApiException e) {
            violations.add(unchecked(file, e));
        }
        for (ForbiddenApiLog.ReportedUse use : log.uses()) {
            ClassFacts facts = factsByClass.get(use.className());
            if (facts == null) {
                throw new IllegalStateException("forbiddenapis reported class " + use.className()
                        + ", which the gate did not give it");
            }
            violations.add(violation(file, facts, use, rules.ruleFor(use.api(), use.message())));
        }
        return violations;
    }

    /** A checker of {@code classes} against the signature file, reporting to {@code log}. */
    private static Checker checker(ForbiddenApiLog log, ClassLoader loader, ForbiddenRules rules,
                                   List<StudentClasses.StudentClass> classes) {
        Checker checker = new Checker(log, loader, Checker.Option.FAIL_ON_MISSING_CLASSES,
                Checker.Option.FAIL_ON_UNRESOLVABLE_SIGNATURES);
        if (!checker.isSupportedJDK) {
            throw new IllegalStateException("forbiddenapis cannot read the class library of this JVM ("
                    + System.getProperty("java.version") + "); run the grader on a JDK it supports");
        }
        try {
            checker.parseSignaturesFile(new ByteArrayInputStream(rules.text().getBytes(StandardCharsets.UTF_8)),
                    ForbiddenRules.RESOURCE);
        } catch (ParseException | IOException e) {
            throw new IllegalStateException("forbiddenapis cannot read " + ForbiddenRules.RESOURCE + ": "
                    + e.getMessage(), e);
        }
        for (StudentClasses.StudentClass compiled : classes) {
            try {
                checker.streamReadClassToCheck(new ByteArrayInputStream(compiled.bytes()), compiled.file().toString());
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("forbiddenapis cannot read " + compiled.file() + " (" + e.getMessage()
                        + "); compile lab code for a Java release it supports, e.g. javac --release 17", e);
            }
        }
        return checker;
    }

    /** The violation for a reported use: placed in its method (by line where known) and given its rule. */
    private static Violation violation(StudentClasses.StudentFile file, ClassFacts facts,
                                       ForbiddenApiLog.ReportedUse use, ForbiddenRules.Rule rule) {
        int hash = use.api().indexOf('#');
        String usedClass = hash < 0 ? use.api() : use.api().substring(0, hash);
        String member = use.line() != Violation.UNKNOWN_LINE ? facts.methodAt(use.line(), usedClass)
                : memberIn(use.where());
        return new Violation(file.sourceFile(), use.className(), member, use.line(), use.api(), rule.signature(),
                rule.message());
    }

    /**
     * The member named in forbiddenapis' place text ({@code method body of 'run(int)'},
     * {@code field declaration of 'rng'}): its name, a lambda body's enclosing method; {@code ""} for the class.
     */
    static String memberIn(String where) {
        int open = where.indexOf(" of '");
        if (open < 0 || !where.endsWith("'")) {
            return "";
        }
        String member = where.substring(open + 5, where.length() - 1);
        int paren = member.indexOf('(');
        return ClassFactsReader.enclosingMember(paren < 0 ? member : member.substring(0, paren));
    }

    private static Violation unchecked(StudentClasses.StudentFile file, ForbiddenApiException e) {
        Matcher scanned = SCANNED_CLASS.matcher(String.valueOf(e.getMessage()));
        String className = scanned.find() ? scanned.group(1) : file.topLevel();
        if (e.getCause() instanceof ClassNotFoundException missing && missing.getMessage() != null) {
            return new Violation(file.sourceFile(), className, "", Violation.UNKNOWN_LINE, missing.getMessage(),
                    BuiltInChecks.UNCHECKED, "The grader cannot find class " + missing.getMessage() + ", which "
                    + "this code uses, so it cannot check the code and does not run it. Lab code may use only the "
                    + "JDK, the nnlab library and the libraries the lab names; if you used one of those, tell your "
                    + "instructor.");
        }
        return new Violation(file.sourceFile(), className, "", Violation.UNKNOWN_LINE, className,
                BuiltInChecks.UNCHECKED, "The grader could not check the compiled code of this file, so it does "
                + "not run it; tell your instructor. (" + e.getMessage() + ")");
    }
}
