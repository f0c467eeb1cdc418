package nnlab.grading.compile;

import java.util.Objects;

/**
 * The compile step's result for one student source file.
 *
 * @param fileName  the simple file name, e.g. {@code Softmax.java}
 * @param className the binary name of the file's top-level class, from its place under the source root, e.g.
 *                  {@code lab02.Softmax}
 * @param outcome   what became of the file
 * @param messages  the compiler's errors for the student's version, one per paragraph as
 *                  {@code File.java:line:column: message} followed by the source line and a caret where known, plus
 *                  a note when the file was left out; "" for a file that compiled. Plain text, bounded in size.
 */
public record FileCompilation(String fileName, String className, FileOutcome outcome, String messages) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException     if a field is null
     * @throws IllegalArgumentException if a compiled file has messages or a broken file has none
     */
    public FileCompilation {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(messages, "messages");
        if ((outcome == FileOutcome.COMPILED) != messages.isEmpty()) {
            throw new IllegalArgumentException(fileName + " is " + outcome + (messages.isEmpty()
                    ? " but has no compiler message; a broken file needs the reason"
                    : " but has compiler messages; a compiled file has none"));
        }
    }

    /** Whether the student's own version of the file is in the output folder. */
    public boolean compiled() {
        return outcome == FileOutcome.COMPILED;
    }
}
