package nnlab.grading.reconcile;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import nnlab.grading.gate.GateReport;

/**
 * What the grader found about a submission before any test ran: the intake's notes, the student files that do not
 * compile and the files that break the static gate. The {@link Reconciler} zeroes the tests that depend on a broken
 * file and shows all of it above the tests.
 *
 * @param intakeNotes    the intake's report for the student, in Markdown, or "" for none
 * @param compileErrors  per student source file that does not compile (simple name, e.g. {@code Softmax.java}), the
 *                       compiler's messages with {@code file:line}, as plain text; copied and sorted by file
 * @param gateViolations per student source file that breaks the static gate, the gate's report on that file in
 *                       Markdown (see {@link #gateViolations(GateReport)}); copied and sorted by file
 */
public record SubmissionChecks(String intakeNotes, SortedMap<String, String> compileErrors,
                               SortedMap<String, String> gateViolations) {

    /**
     * Checks for nulls and copies the maps into sorted, unmodifiable ones.
     *
     * @throws NullPointerException if an argument, a key or a value is null
     */
    public SubmissionChecks {
        Objects.requireNonNull(intakeNotes, "intakeNotes is null; use \"\" for none");
        compileErrors = sortedCopy(compileErrors, "compileErrors");
        gateViolations = sortedCopy(gateViolations, "gateViolations");
    }

    /** Checks of a submission with no intake notes, no compile errors and no gate violations. */
    public static SubmissionChecks clean() {
        return new SubmissionChecks("", new TreeMap<>(), new TreeMap<>());
    }

    /**
     * Checks with these notes and compile errors and the violating files of {@code gate}, each with the gate's
     * Markdown report on that file alone.
     *
     * @throws NullPointerException if an argument, a key or a value is null
     */
    public static SubmissionChecks of(String intakeNotes, Map<String, String> compileErrors, GateReport gate) {
        return new SubmissionChecks(intakeNotes, new TreeMap<>(compileErrors), gateViolations(gate));
    }

    /** Per violating source file of {@code gate}, sorted by file, the gate's Markdown report on that file alone. */
    public static SortedMap<String, String> gateViolations(GateReport gate) {
        SortedMap<String, String> perFile = new TreeMap<>();
        for (String file : gate.violatingSourceFiles()) {
            perFile.put(file, new GateReport(List.of(file), List.of(), gate.violations(file))
                    .toMarkdown());
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
