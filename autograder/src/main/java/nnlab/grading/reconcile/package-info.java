/**
 * Turns what the runner saw into Gradescope results: every graded test the hidden classes declare is accounted
 * for, whatever happened to it.
 *
 * <ul>
 *   <li>{@link nnlab.grading.reconcile.GradedTestDiscovery} reads the manifest of expected tests
 *       ({@link nnlab.grading.reconcile.GradedTestSpec}: points, number, name, visibility and the student files
 *       it depends on, from {@code @Graded} and {@code @GradesFiles}) without initialising the classes;</li>
 *   <li>{@link nnlab.grading.reconcile.Reconciler} scores each expected test from the runner's outcomes, the
 *       compile errors and the static gate's violations ({@link nnlab.grading.reconcile.SubmissionChecks}): a test
 *       that did not run, timed out or died with its JVM scores 0 with the reason, and zero tests run is never a
 *       pass;</li>
 *   <li>{@link nnlab.grading.reconcile.Reconciliation#toResults} assembles the
 *       {@link nnlab.grading.results.GradescopeResults}; the same inputs give byte-identical JSON.</li>
 * </ul>
 */
package nnlab.grading.reconcile;
