/**
 * Safe intake of untrusted student submissions: {@link nnlab.grading.intake.SubmissionIntake} takes only a lab's
 * allow-listed {@code .java} files (its {@link nnlab.grading.intake.LabManifest}, committed as
 * {@code intake.manifest} in the lab's grader folder) from a folder or a zip, within
 * {@link nnlab.grading.intake.IntakeLimits}, and reports in an {@link nnlab.grading.intake.IntakeReport} what it took,
 * what it ignored and why, and what is missing. Lab code lives in {@code labNN} packages only: files declaring any
 * other package are never taken.
 */
package nnlab.grading.intake;
