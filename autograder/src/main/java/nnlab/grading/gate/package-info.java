/**
 * The static gate on student bytecode: {@link nnlab.grading.gate.BytecodeGate} checks the compiled classes of a
 * student's files, before any hidden test runs, for APIs that lab code must not use (exiting the JVM, processes,
 * threads, reflection, class loaders and resources, files, the network, Unsafe, JVM-wide settings, unseeded
 * randomness, the grader's own classes), listed with a message for students in the committed signature file
 * {@code student-forbidden.txt} of this package and checked with forbiddenapis. It reports a
 * {@link nnlab.grading.gate.GateReport} of {@link nnlab.grading.gate.Violation}s attributed to the student's source
 * files; the runner scores the tests that depend on a violating file 0.
 *
 * <p>The gate is one layer of several: it keeps honest mistakes and the plain attacks (an exit in a TODO, a thread
 * bomb, reading the hidden tests) out before any code runs, with a clear message. What it cannot see (endless
 * loops, memory exhaustion, attacks through a library API that looks harmless) is left to the runner's forked
 * JVMs, timeouts, memory and process limits, and network isolation.
 *
 * <p>Lab code gets its data from the tests: the library's file APIs (nnlab.io, the dataset loaders, saving figures
 * and histories) are forbidden in graded files like any other file I/O. A lab that wants students to plot or save
 * weights does so from an ungraded program of the template, not from a graded file.
 */
package nnlab.grading.gate;
