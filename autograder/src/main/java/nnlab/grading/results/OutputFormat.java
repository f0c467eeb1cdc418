package nnlab.grading.results;

import java.util.Locale;

/**
 * How Gradescope renders a piece of text in {@code results.json}: the {@code output_format},
 * {@code test_output_format}, {@code test_name_format} and per-test {@code name_format} / {@code output_format}
 * fields. Gradescope shows text as plain {@link #TEXT} when no format is given.
 */
public enum OutputFormat {
    /** Plain text, shown as is (Gradescope's default). */
    TEXT,
    /** HTML, sanitised by Gradescope before it is shown. */
    HTML,
    /** Plain text whose blank lines make paragraphs and whose newlines make line breaks. */
    SIMPLE_FORMAT,
    /** Markdown: headings, lists, tables and fenced code blocks; nnlab's feedback uses this. */
    MD,
    /** Text with ANSI colour escape codes, as a terminal would show it. */
    ANSI;

    /** The value in {@code results.json}: {@code text}, {@code html}, {@code simple_format}, {@code md} or {@code ansi}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
