package nnlab.grading.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import nnlab.grading.LeaderboardOrder;
import nnlab.grading.Visibility;

/**
 * The committed JSON Schema accepts what {@link ResultsJson} writes for every way a grading can end, and rejects
 * documents that break Gradescope's specification.
 */
class GradescopeSchemaTest {

    /** A minimal valid document; each invalid case below changes one thing in it. */
    private static final String MINIMAL = """
            {"tests": [{"score": 1.0, "max_score": 1.0, "status": "passed", "name": "t"}]}""";

    private static SchemaRegistry registry;
    private static String schemaText;
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ResultsJson.class.getResourceAsStream(ResultsJson.SCHEMA_RESOURCE)) {
            assertThat("schema resource " + ResultsJson.SCHEMA_RESOURCE, in, is(notNullValue()));
            schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        schema = registry.getSchema(schemaText, InputFormat.JSON);
    }

    private static List<String> errors(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(GradescopeSchemaTest::describe).toList();
    }

    /** The failing keyword at its JSON Pointer, e.g. {@code /tests/0/status enum}; the root is {@code (root)}. */
    private static String describe(Error e) {
        String at = e.getInstanceLocation().toString();
        return (at.isEmpty() ? "(root)" : at) + " " + e.getKeyword();
    }

    @Test
    void schemaIsAValidDraft202012Schema() {
        Schema metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(schemaText, InputFormat.JSON), is(empty()));
        assertThat("the meta-schema check bites", metaSchema.validate("{\"type\": \"objekt\"}", InputFormat.JSON),
                is(not(empty())));
    }

    @Test
    void schemaDeclaresItsDraftAndQuotesTheSpecification() {
        assertThat(schemaText, containsString("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
        assertThat(schemaText, containsString("https://gradescope-autograders.readthedocs.io/en/latest/specs/"));
    }

    @Test
    void everyValueOfTheModelsEnumsIsAllowedByTheSchema() {
        for (OutputFormat format : OutputFormat.values()) {
            assertThat(format.json(), errors(MINIMAL.replace("{\"tests\"",
                    "{\"output_format\": \"" + format.json() + "\", \"tests\"")), is(empty()));
        }
        for (Visibility visibility : Visibility.values()) {
            assertThat(visibility.json(), errors(MINIMAL.replace("{\"tests\"",
                    "{\"stdout_visibility\": \"" + visibility.json() + "\", \"tests\"")), is(empty()));
        }
        for (TestStatus status : TestStatus.values()) {
            assertThat(status.json(), errors(MINIMAL.replace("\"passed\"", "\"" + status.json() + "\"")),
                    is(empty()));
        }
        for (LeaderboardOrder order : LeaderboardOrder.values()) {
            assertThat(order.json(), errors(MINIMAL.replace("]}", "], \"leaderboard\": [{\"name\": \"Time\", "
                    + "\"value\": 1, \"order\": \"" + order.json() + "\"}]}")), is(empty()));
        }
    }

    static Stream<Arguments> samples() {
        return SampleResults.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyWayAGradingEndsGivesAValidDocument(String name, GradescopeResults results) {
        assertThat(errors(ResultsJson.toJson(results)), is(empty()));
    }

    @Test
    void theMinimalDocumentIsValid() {
        assertThat(errors(MINIMAL), is(empty()));
    }

    @Test
    void theSpecificationsOwnExamplesAreValid() {
        assertThat(errors("""
                {"score": 44.0, "execution_time": 136, "output": "Text relevant to the entire submission",
                 "output_format": "simple_format", "test_output_format": "text", "test_name_format": "text",
                 "visibility": "after_due_date", "stdout_visibility": "visible", "extra_data": {},
                 "tests": [{"score": 2.0, "max_score": 2.0, "status": "passed", "name": "Your name here",
                            "name_format": "text", "number": "1.1", "output": "Giant multiline string",
                            "output_format": "text", "tags": ["tag1", "tag2", "tag3"], "visibility": "visible",
                            "extra_data": {}}],
                 "leaderboard": [{"name": "Accuracy", "value": 0.926}, {"name": "Time", "value": 15.1, "order": "asc"},
                                 {"name": "Stars", "value": "*****"}]}"""), is(empty()));
    }

    @Test
    void aTopLevelScoreAloneIsValid() {
        assertThat(errors("{\"score\": 0.0, \"output\": \"The submission is empty.\"}"), is(empty()));
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("status is not passed/failed", MINIMAL.replace("\"passed\"", "\"ok\""),
                        "/tests/0/status enum"),
                Arguments.of("visibility 'public' is not a Gradescope visibility",
                        MINIMAL.replace("{\"tests\"", "{\"visibility\": \"public\", \"tests\""),
                        "/visibility enum"),
                Arguments.of("a test visibility 'public'",
                        MINIMAL.replace("\"name\": \"t\"", "\"name\": \"t\", \"visibility\": \"public\""),
                        "/tests/0/visibility enum"),
                Arguments.of("output_format 'markdown' (the spec says md)",
                        MINIMAL.replace("{\"tests\"", "{\"output_format\": \"markdown\", \"tests\""),
                        "/output_format enum"),
                Arguments.of("stdout_visibility 'shown'",
                        MINIMAL.replace("{\"tests\"", "{\"stdout_visibility\": \"shown\", \"tests\""),
                        "/stdout_visibility enum"),
                Arguments.of("no score anywhere", MINIMAL.replace("\"score\": 1.0, ", ""),
                        "/tests/0 required"),
                Arguments.of("no score and no tests", "{\"output\": \"nothing\"}", "(root) required"),
                Arguments.of("no score and an empty test list", "{\"tests\": []}", "/tests minItems"),
                Arguments.of("a score given as a string", MINIMAL.replace("\"score\": 1.0", "\"score\": \"1.0\""),
                        "/tests/0/score type"),
                Arguments.of("a test number given as a number",
                        MINIMAL.replace("\"name\": \"t\"", "\"name\": \"t\", \"number\": 1.1"),
                        "/tests/0/number type"),
                Arguments.of("tags that are not strings",
                        MINIMAL.replace("\"name\": \"t\"", "\"name\": \"t\", \"tags\": [1]"),
                        "/tests/0/tags/0 type"),
                Arguments.of("an unknown test field 'points'",
                        MINIMAL.replace("\"name\": \"t\"", "\"name\": \"t\", \"points\": 1"),
                        "/tests/0 additionalProperties"),
                Arguments.of("an unknown top-level field 'grade'",
                        MINIMAL.replace("{\"tests\"", "{\"grade\": \"A\", \"tests\""),
                        "(root) additionalProperties"),
                Arguments.of("a negative execution_time",
                        MINIMAL.replace("{\"tests\"", "{\"execution_time\": -1, \"tests\""),
                        "/execution_time minimum"),
                Arguments.of("extra_data that is not an object",
                        MINIMAL.replace("{\"tests\"", "{\"extra_data\": [42], \"tests\""),
                        "/extra_data type"),
                Arguments.of("leaderboard order 'ascending'",
                        MINIMAL.replace("]}", "], \"leaderboard\": [{\"name\": \"Time\", \"value\": 1, "
                                + "\"order\": \"ascending\"}]}"),
                        "/leaderboard/0/order enum"),
                Arguments.of("a leaderboard entry without a value",
                        MINIMAL.replace("]}", "], \"leaderboard\": [{\"name\": \"Time\"}]}"),
                        "/leaderboard/0 required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void theSchemaRejectsDocumentsThatBreakTheSpecification(String why, String json, String expectedError) {
        List<String> errors = errors(json);
        assertThat(errors, is(not(empty())));
        assertThat(errors, hasItem(expectedError));
    }
}
