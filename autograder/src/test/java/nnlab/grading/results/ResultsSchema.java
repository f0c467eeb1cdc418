package nnlab.grading.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The committed Gradescope JSON Schema, for tests in other packages that check a written results.json. */
public final class ResultsSchema {

    private static final Schema SCHEMA = load();

    private ResultsSchema() {
    }

    /** The schema's complaints about a document, as {@code <JSON pointer> <keyword>}; empty when it is valid. */
    public static List<String> errors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream()
                .map(e -> (e.getInstanceLocation().toString().isEmpty() ? "(root)" : e.getInstanceLocation())
                        + " " + e.getKeyword() + ": " + e.getMessage())
                .toList();
    }

    private static Schema load() {
        try (InputStream in = ResultsJson.class.getResourceAsStream(ResultsJson.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + ResultsJson.SCHEMA_RESOURCE + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text,
                    InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
