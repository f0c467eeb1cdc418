package nnlab.grading.release;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import nnlab.io.AtomicFile;

/**
 * Packs a folder of compiled classes into a jar, for when the grader runs from its class folder (its own tests, an
 * IDE) and the Gradescope zip needs it as a jar. Written with {@link DeterministicZip}, as the zip itself: the
 * manifest first, then the files in path order, fixed times, so the same classes give the same bytes.
 *
 * <pre>{@code
 * ClassesJar.write(Path.of("autograder/target/classes"), Path.of("/tmp/nnlab-autograder.jar"));
 * }</pre>
 */
public final class ClassesJar {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final int PLAIN = 0644;

    private ClassesJar() {
    }

    /**
     * Writes {@code jar} (atomically, replacing it) with every file under {@code classes}.
     *
     * @throws IllegalArgumentException if {@code classes} is not a folder
     * @throws IOException              if reading or writing fails
     */
    public static void write(Path classes, Path jar) throws IOException {
        if (!Files.isDirectory(classes)) {
            throw new IllegalArgumentException(classes + " is not a folder of compiled classes");
        }
        AtomicFile.write(jar, channel -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            DeterministicZip archive = new DeterministicZip(out);
            archive.file(MANIFEST, "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8), PLAIN);
            for (Path file : TreePaths.files(classes)) {
                String name = TreePaths.relative(classes, file);
                if (!name.equals(MANIFEST)) {
                    archive.file(name, Files.readAllBytes(file), PLAIN);
                }
            }
            archive.finish();
            out.flush();
        });
    }
}
