package nnlab.grading.reconcile;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import nnlab.grading.gate.GateReport;
import nnlab.grading.gate.Violation;

/**
 * What the grader found about a submission before any test ran: the intake's notes, the student files that do not
 * compile and the files that break the static gate. The {@link Reconciler} zeroes the tests that depend on a broken
 * file and shows all of it above the tests.
 *
 * @param intakeNotes    the intake's report for the student, in Markdown, or "" for none
 * @param compileErrors  per student source file that does not compile (simple name, e.g. {@code Softmax.java}), the
 *                       compiler's messages with {@code file:line}, as plain text; copied and sorted by file
 * @param gateViolations per student source file that breaks the static gate, what it broke, in Markdown, as the
 *                       tests of that file show it (see {@link #gateViolations(GateReport)}); copied and sorted by
 *                       file
 * @param gateReport     the gate's whole report in Markdown, shown above the tests, or "" to show only
 *                       {@code gateViolations} there
 */
public record SubmissionChecks(String intakeNotes, SortedMap<String, String> compileErrors,
                               SortedMap<String, String> gateViolations, String gateReport) {

    /**
     * Checks for nulls and copies the maps into sorted, unmodifiable ones.
     *
     * @throws NullPointerException if an argument, a key or a value is null
     */
    public SubmissionChecks {
        Objects.requireNonNull(intakeNotes, "intakeNotes is null; use \"\" for none");
        compileErrors = sortedCopy(compileErrors, "compileErrors");
        gateViolations = sortedCopy(gateViolations, "gateViolations");
        Objects.requireNonNull(gateReport, "gateReport is null; use \"\" for none");
    }

    /**
     * Whether {@code spec} cannot earn points whatever its outcome: it depends on a file that does not compile or
     * breaks the static gate (the {@link Reconciler}'s first two rules). Such a test need not run.
     */
    public boolean blocks(GradedTestSpec spec) {
        return compileErrors.keySet().stream().anyMatch(spec::dependsOn)
                || gateViolations.keySet().stream().anyMatch(spec::dependsOn);
    }

    /** Checks of a submission with no intake notes, no compile errors and no gate violations. */
    public static SubmissionChecks clean() {
        return new SubmissionChecks("", new TreeMap<>(), new TreeMap<>(), "");
    }

    /**
     * Checks with these notes and compile errors and the findings of {@code gate}: its violating files (see
     * {@link #gateViolations(GateReport)}) and, when it did not pass, its whole report.
     *
     * @throws NullPointerException if an argument, a key or a value is null
     */
    public static SubmissionChecks of(String intakeNotes, Map<String, String> compileErrors, GateReport gate) {
        return new SubmissionChecks(intakeNotes, new TreeMap<>(compileErrors), gateViolations(gate),
                gate.passed() ? "" : gate.toMarkdown());
    }

    /**
     * Per violating source file of {@code gate}, sorted by file: the messages of the rules it broke (each once, in
     * report order) as a Markdown list, pointing to the whole report above the tests for the places.
     */
    public static SortedMap<String, String> gateViolations(GateReport gate) {
        SortedMap<String, String> perFile = new TreeMap<>();
        for (String file : gate.violatingSourceFiles()) {
            Set<String> messages = new LinkedHashSet<>();
            for (Violation violation : gate.violations(file)) {
                messages.add(violation.message());
            }
            StringBuilder text = new StringBuilder();
            messages.forEach(message -> text.append("- ").append(message.strip().replace("\n", "\n  ")).append('\n'));
            text.append("\nThe check of your compiled code above shows where.");
            perFile.put(file, text.toString());
        }
        return Collections.unmodifiableSortedMap(perFile);
    }

    private static SortedMap<String, String> sortedCopy(Map<String, String> map, String what) {
        Objects.requireNonNull(map, what + " is null; use an empty map");
        SortedMap<String, String> copy = new TreeMap<>();
        map.forEach((file, text) -> copy.put(Objects.requireNonNull(file, what + " has a null file"),
                Objects.requireNonNull(text, what + " has a null text for " + file)));
        return Collections.unmodifiableSortedMap(copy);
    }
}
