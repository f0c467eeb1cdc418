package nnlab.grading.reconcile;

import static nnlab.grading.reconcile.Outcomes.LINEAR;
import static nnlab.grading.reconcile.Outcomes.TRAINING;
import static nnlab.grading.reconcile.Outcomes.invocation;
import static nnlab.grading.reconcile.Outcomes.leaderboard;
import static nnlab.grading.reconcile.Outcomes.partial;
import static nnlab.grading.reconcile.Outcomes.passed;
import static nnlab.grading.reconcile.Outcomes.problem;
import static nnlab.grading.reconcile.Outcomes.run;
import static nnlab.grading.reconcile.Outcomes.spec;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import nnlab.grading.GradeReport;
import nnlab.grading.gate.GateReport;
import nnlab.grading.gate.Violation;
import nnlab.grading.results.GradescopeResults;
import nnlab.grading.results.LeaderboardEntry;
import nnlab.grading.results.OutputFormat;
import nnlab.grading.results.ResultsJson;
import nnlab.grading.runner.ClassRunResult;
import nnlab.grading.runner.OutcomeStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assembled results: byte-identical JSON for the same inputs in any map order, and valid against the committed
 * JSON Schema for a mixed grading and for one where nothing ran.
 */
class ReconciliationResultsTest {

    private static final List<GradedTestSpec> SPECS = List.of(
            spec(LINEAR, "forward", 2, "Linear.java"),
            spec(LINEAR, "backward", 3, "Linear.java"),
            spec(LINEAR, "relu", 1, "Relu.java"),
            spec(LINEAR, "shapes", 1, "Shapes.java"),
            spec(TRAINING, "trains", 4, "Trainer.java"),
            spec("lab02.CrashedHiddenTest", "crashes", 1, "Crash.java"));

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ResultsJson.class.getResourceAsStream(ResultsJson.SCHEMA_RESOURCE)) {
            assertThat("schema resource " + ResultsJson.SCHEMA_RESOURCE, in, is(notNullValue()));
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(text, InputFormat.JSON);
        }
    }

    private static List<ClassRunResult> runs() {
        return List.of(
                run(LINEAR, passed(LINEAR, "forward"), passed(LINEAR, "backward", partial(0.5, "db is wrong")),
                        invocation(LINEAR, "shapes", 1, OutcomeStatus.PASSED, "", GradeReport.empty()),
                        invocation(LINEAR, "shapes", 2, OutcomeStatus.FAILED, "wrong shape", GradeReport.empty()),
                        invocation(LINEAR, "shapes", 3, OutcomeStatus.PASSED, "", GradeReport.empty())),
                run(TRAINING, passed(TRAINING, "trains", leaderboard(LeaderboardEntry.higherIsBetter("accuracy",
                        0.91), LeaderboardEntry.lowerIsBetter("loss", 0.27)))),
                problem("lab02.CrashedHiddenTest", "the test JVM ran out of memory before any test"));
    }

    private static GateReport gate() {
        return new GateReport(List.of("Linear.java", "Relu.java"), List.of("lab02.Relu"), List.of(
                new Violation("Relu.java", "lab02.Relu", "forward", 14, "java.lang.System#exit(int)",
                        "java.lang.System#exit(int)", "System.exit would end the grader's JVM")));
    }

    private static Map<String, Object> extraData() {
        Map<String, Object> data = new HashMap<>();
        data.put("seed", 42);
        data.put("jdk", "17.0.12");
        data.put("backend", "simd");
        data.put("versions", Map.of("nnlab", "0.1.0", "autograder", "0.1.0"));
        data.put("isolation", "bubblewrap");
        return data;
    }

    private static String json(Map<String, ClassRunResult> runs, Map<String, String> compileErrors,
                               Map<String, ?> extraData) {
        SubmissionChecks checks = SubmissionChecks.of("- `notes.txt` is not part of the lab and was ignored",
                compileErrors, gate());
        return ResultsJson.toJson(Reconciler.reconcile(SPECS, runs, checks).toResults(extraData));
    }

    @Test
    void sameInputsInAnyMapOrderGiveByteIdenticalJson() {
        Map<String, ClassRunResult> forward = new LinkedHashMap<>();
        runs().forEach(run -> forward.put(run.className(), run));
        List<ClassRunResult> reversed = new ArrayList<>(runs());
        Collections.reverse(reversed);
        Map<String, ClassRunResult> backward = new LinkedHashMap<>();
        reversed.forEach(run -> backward.put(run.className(), run));
        Map<String, String> errorsAb = new LinkedHashMap<>();
        errorsAb.put("Trainer.java", "Trainer.java:3: error: cannot find symbol");
        errorsAb.put("Crash.java", "Crash.java:9: error: ';' expected");
        Map<String, String> errorsBa = new LinkedHashMap<>();
        errorsBa.put("Crash.java", "Crash.java:9: error: ';' expected");
        errorsBa.put("Trainer.java", "Trainer.java:3: error: cannot find symbol");
        Map<String, Object> extraReordered = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(extraData().keySet());
        Collections.reverse(keys);
        keys.forEach(key -> extraReordered.put(key, extraData().get(key)));

        String first = json(forward, errorsAb, extraData());

        assertThat(json(forward, errorsAb, extraData()), is(first));
        assertThat(json(backward, errorsBa, extraReordered), is(first));
        assertThat("execution_time is left out", first, not(containsString("execution_time")));
    }

    @Test
    void aMixedGradingValidatesAgainstTheSchemaAndAddsUp() {
        Map<String, ClassRunResult> byClass = new HashMap<>();
        runs().forEach(run -> byClass.put(run.className(), run));
        SubmissionChecks checks = SubmissionChecks.of("", Map.of("Trainer.java", "Trainer.java:3: error: x"), gate());
        GradescopeResults results = Reconciler.reconcile(SPECS, byClass, checks).toResults(extraData());
        String json = ResultsJson.toJson(results);

        assertThat(schema.validate(json, InputFormat.JSON), is(empty()));
        // forward 2 + backward 3 * 0.5 + relu 0 (gate) + shapes 1 * 2/3 + trains 0 (compile) + crashes 0 (problem)
        assertThat(results.totalScore(), is(2 + 1.5 + 0.6667));
        assertThat(results.outputFormat(), is(OutputFormat.MD));
        assertThat(results.output(), containsString("Trainer.java:3: error: x"));
        assertThat("the gate's whole report is shown", results.output(),
                containsString(gate().toMarkdown().strip()));
        assertThat(results.tests().get(2).output(), is("Relu.java uses an API lab code may not use:\n\n"
                + "- System.exit would end the grader's JVM\n\nThe check of your compiled code above shows where."));
        assertThat(results.output(), containsString("the test JVM ran out of memory before any test"));
        assertThat(results.leaderboard().size(), is(0));
        assertThat(results.extraData().get("seed"), is(42));
    }

    @Test
    void aGradingWhereNothingRanValidatesAndScoresZero() {
        SubmissionChecks checks = SubmissionChecks.of("", Map.of(), new GateReport(List.of(), List.of(), List.of()));
        GradescopeResults results = Reconciler.reconcile(SPECS, Map.of(), checks).toResults(Map.of());
        String json = ResultsJson.toJson(results);

        assertThat(schema.validate(json, InputFormat.JSON), is(empty()));
        assertThat(json, containsString("\"score\": 0"));
        assertThat(results.totalScore(), is(0.0));
        assertThat(results.output(), containsString("No graded test ran"));
    }
}
