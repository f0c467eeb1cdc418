package nnlab.grading.release;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nnlab.io.AtomicFile;

/**
 * Writes the Gradescope autograder zip of one lab. Its layout:
 * <pre>
 * setup.sh                       installs a JDK 17 (and bubblewrap) once, when Gradescope builds the image
 * run_autograder                 grades one submission (see below)
 * lib/classpath.txt              the grader's class path, one jar a line, relative to lib/, in order
 * lib/repository/&lt;group&gt;/...     the grader's jars in Maven repository layout (an offline repository)
 * labs/&lt;lab&gt;/...                 the lab's grading bundle, copied as it is
 * </pre>
 * {@code run_autograder} runs {@code java --add-modules jdk.incubator.vector -Xmx<heap> -cp <the jars>
 * nnlab.grading.grade.GradeMain --bundle $root/source/labs/<lab> --submission $root/submission --out
 * $root/results/results.json}, with {@code root} = {@code $AUTOGRADER_ROOT} or {@code /autograder}; if the grader
 * fails without writing results, it writes a results file that scores 0 and says so.
 *
 * <p>The zip is deterministic: entries sorted by name (folders included), fixed time stamps, Unix modes 0755 for the
 * two scripts and the folders and 0644 for everything else; the same inputs give the same bytes. It is written to a
 * temporary file and renamed into place, so a reader never sees half of it.
 *
 * <p>Usage:
 * <pre>{@code
 * List<GraderJar> jars = GraderClasspath.read(classpathFile, localRepository, List.of(autograderJar));
 * List<String> entries = GradescopeZip.write(Path.of("release/lab00-autograder.zip"), "lab00", bundleFolder, jars,
 *         GradescopeZip.DEFAULT_MAX_HEAP);
 * }</pre>
 */
public final class GradescopeZip {

    /** The grader JVM's default maximum heap. */
    public static final String DEFAULT_MAX_HEAP = "1g";

    private static final int SCRIPT = 0755;
    private static final int FOLDER = 0755;
    private static final int PLAIN = 0644;

    private record Entry(Path source, byte[] content, int permissions) {
    }

    private GradescopeZip() {
    }

    /**
     * Writes the autograder zip.
     *
     * @param zip     the zip file to write (replaced if it exists); its folder must exist
     * @param labId   the lab, e.g. {@code lab00}
     * @param bundle  the lab's grading bundle folder, copied to {@code labs/<labId>/}; plain files only
     * @param jars    the grader's runtime class path, in order (see {@link GraderClasspath})
     * @param maxHeap the grader JVM's {@code -Xmx}, e.g. {@link #DEFAULT_MAX_HEAP}
     * @return the zip's entry names, in order
     * @throws IllegalArgumentException if the lab id or heap size is malformed, the bundle is not a folder with
     *                                  files or holds a link, there is no jar, or a jar is missing
     * @throws IOException              if reading or writing fails; an existing zip is then unchanged
     */
    public static List<String> write(Path zip, String labId, Path bundle, List<GraderJar> jars, String maxHeap)
            throws IOException {
        String runAutograder = GradescopeScripts.runAutograder(labId, maxHeap);
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("no grader jar given; the zip needs the grader's class path");
        }
        TreeMap<String, Entry> entries = new TreeMap<>();
        entries.put("setup.sh", text(GradescopeScripts.setup(), SCRIPT));
        entries.put("run_autograder", text(runAutograder, SCRIPT));
        StringBuilder classpath = new StringBuilder();
        for (GraderJar jar : jars) {
            if (!Files.isRegularFile(jar.file())) {
                throw new IllegalArgumentException("grader jar " + jar.file() + " does not exist; build it first");
            }
            String name = "repository/" + jar.repositoryPath();
            entries.put("lib/" + name, new Entry(jar.file(), null, PLAIN));
            classpath.append(name).append('\n');
        }
        entries.put("lib/classpath.txt", text(classpath.toString(), PLAIN));
        for (Path file : TreePaths.files(bundle)) {
            entries.put("labs/" + labId + "/" + TreePaths.relative(bundle, file), new Entry(file, null, PLAIN));
        }
        addFolders(entries);
        AtomicFile.write(zip, channel -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            DeterministicZip archive = new DeterministicZip(out);
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                Entry e = entry.getValue();
                if (entry.getKey().endsWith("/")) {
                    archive.folder(entry.getKey(), e.permissions());
                } else {
                    byte[] content = e.content() != null ? e.content() : Files.readAllBytes(e.source());
                    archive.file(entry.getKey(), content, e.permissions());
                }
            }
            archive.finish();
            out.flush();
        });
        return List.copyOf(entries.keySet());
    }

    /** Adds an entry for every folder that holds an entry, so that unzipping gives the folders their modes. */
    private static void addFolders(TreeMap<String, Entry> entries) {
        for (String name : new ArrayList<>(entries.keySet())) {
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                entries.putIfAbsent(name.substring(0, slash + 1), new Entry(null, null, FOLDER));
            }
        }
    }

    private static Entry text(String text, int permissions) {
        return new Entry(null, text.getBytes(StandardCharsets.UTF_8), permissions);
    }
}
