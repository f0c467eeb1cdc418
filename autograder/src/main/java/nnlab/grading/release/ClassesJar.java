package nnlab.grading.release;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import nnlab.io.AtomicFile;

/**
 * Packs a folder of compiled classes into a jar, for when the grader runs from its class folder (its own tests, an
 * IDE) and the Gradescope zip needs it as a jar. Entries are sorted and carry a fixed time, so the same classes give
 * the same bytes.
 *
 * <pre>{@code
 * ClassesJar.write(Path.of("autograder/target/classes"), Path.of("/tmp/nnlab-autograder.jar"));
 * }</pre>
 */
public final class ClassesJar {

    private static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L);   // 1980-01-01, as zips

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
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream zip = new JarOutputStream(bytes)) {
            JarEntry manifestEntry = new JarEntry("META-INF/MANIFEST.MF");
            manifestEntry.setLastModifiedTime(FIXED_TIME);
            zip.putNextEntry(manifestEntry);
            manifest.write(zip);
            zip.closeEntry();
            for (Path file : files) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                JarEntry entry = new JarEntry(name);
                entry.setLastModifiedTime(FIXED_TIME);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        ByteBuffer content = ByteBuffer.wrap(bytes.toByteArray());
        AtomicFile.write(jar, channel -> {
            while (content.hasRemaining()) {
                channel.write(content);
            }
        });
    }
}
