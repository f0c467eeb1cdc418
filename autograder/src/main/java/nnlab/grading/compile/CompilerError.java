package nnlab.grading.compile;

import java.nio.file.Path;

/**
 * One error the compiler reported, detached from the compiler.
 *
 * @param file     the source file it is in, or {@code null} for an error of no file (a setup problem)
 * @param line     1-based line, or {@code 0} when unknown
 * @param column   1-based column as javac counts it (tabs expanded to 8), or {@code 0} when unknown
 * @param position character offset in the file, or {@code -1} when unknown
 * @param message  the compiler's message in English, possibly over several lines
 */
record CompilerError(Path file, long line, long column, long position, String message) {
}
