package nnlab.grading.grade;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions of the grader's parts, for {@code extra_data} and the jar paths of the Gradescope zip: read from the {@code pom.properties} Maven puts in
 * each jar, or {@code "development"} when running from class folders (as in the autograder's own tests).
 */
public final class GraderVersions {

    private GraderVersions() {
    }

    /** The version of the artifact {@code io.github.nnlab:<artifactId>} on the class path. */
    public static String of(String artifactId) {
        String resource = "/META-INF/maven/io.github.nnlab/" + artifactId + "/pom.properties";
        try (InputStream in = GraderVersions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
