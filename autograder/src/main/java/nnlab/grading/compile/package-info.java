/**
 * The compile step of the grader: {@link nnlab.grading.compile.StudentCompiler} compiles only the student's files,
 * in-process with the JDK's compiler and without annotation processing, so no student code runs while compiling.
 * The hidden tests were compiled beforehand against the reference API; a file that does not compile is replaced by
 * its starter version (its stub, whose TODO bodies throw) or left out, so the tests that do not depend on it still
 * run. The {@link nnlab.grading.compile.CompileReport} gives the broken files (for reconciliation), the top-level
 * classes of the files that compiled (for the bytecode gate) and the compiler's messages for the student.
 */
package nnlab.grading.compile;
