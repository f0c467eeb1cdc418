package nnlab.grading.compile;

/** What became of one student source file in the compile step. */
public enum FileOutcome {

    /** The student's file compiled and its classes are in the output folder. */
    COMPILED,

    /**
     * The student's file did not compile; its starter version (stub) was compiled in its place, so the other files
     * and the tests that do not use it work, and the tests that use it score 0.
     */
    REPLACED_BY_STUB,

    /**
     * The student's file did not compile and no usable starter version exists (none was given, or it did not compile
     * with the student's other files): nothing of it is in the output folder.
     */
    LEFT_OUT
}
