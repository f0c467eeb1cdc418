package nnlab.grading.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds test submissions (folders and zips) and looks inside reports. */
final class Submissions {

    /** The lab the tests take submissions for. */
    static final LabManifest LAB02 = new LabManifest("lab02", "lab02",
            List.of("SoftmaxRegression.java", "Training.java"));

    static final String SOFTMAX = source("lab02", "SoftmaxRegression");
    static final String TRAINING = source("lab02", "Training");

    private Submissions() {
    }

    /** A small class {@code cls} in package {@code pkg}. */
    static String source(String pkg, String cls) {
        return "package " + pkg + ";\n\n/** A student's " + cls + ". */\npublic class " + cls + " {\n}\n";
    }

    /** Path/content pairs in order; a content is a String (UTF-8) or a byte[]; a path ending in / is a folder. */
    static Map<String, Object> entries(Object... pathsAndContents) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            entries.put((String) pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return entries;
    }

    /** Creates {@code entries} under {@code root} and returns {@code root}. */
    static Path folder(Path root, Map<String, Object> entries) throws IOException {
        Files.createDirectories(root);
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            Path path = root.resolve(entry.getKey());
            if (entry.getKey().endsWith("/")) {
                Files.createDirectories(path);
            } else {
                Files.createDirectories(path.getParent());
                Files.write(path, bytes(entry.getValue()));
            }
        }
        return root;
    }

    /** A zip of {@code entries}, written by java.util.zip (deflated), names as given. */
    static byte[] zip(Map<String, Object> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Object> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (!entry.getKey().endsWith("/")) {
                    zip.write(bytes(entry.getValue()));
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Writes {@code bytes} to {@code file} and returns it. */
    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** A fresh, empty destination source root under {@code dir}. */
    static Path destination(Path dir) throws IOException {
        return Files.createDirectories(dir.resolve("grader/src/main/java"));
    }

    /** Each ignored entry's path mapped to its category (the first, if a path occurs twice). */
    static Map<String, IgnoreReason> reasons(IntakeReport report) {
        return report.ignored().stream().collect(Collectors.toMap(IgnoredEntry::path, IgnoredEntry::reason,
                (first, second) -> first, LinkedHashMap::new));
    }

    /** The note of the ignored entry at {@code path}. */
    static String note(IntakeReport report, String path) {
        return report.ignored().stream().filter(e -> e.path().equals(path)).map(IgnoredEntry::note)
                .findFirst().orElseThrow(() -> new AssertionError(path + " was not ignored: " + report.ignored()));
    }

    /** Every regular file under {@code dir}, as paths relative to it with {@code /}, sorted. */
    static List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** The offset of the central directory header of entry {@code name} in {@code zip}. */
    static int centralHeader(byte[] zip, String name) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (buffer.getInt(i) == 0x02014b50 && Short.toUnsignedInt(buffer.getShort(i + 28)) == wanted.length
                    && ByteBuffer.wrap(zip, i + 46, wanted.length).equals(ByteBuffer.wrap(wanted))) {
                return i;
            }
        }
        throw new AssertionError("no central directory header for " + name);
    }

    /** The offset of the local header of entry {@code name} in {@code zip}. */
    static int localHeader(byte[] zip, String name) {
        return ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getInt(centralHeader(zip, name) + 42);
    }

    /** Overwrites a little-endian 16-bit field. */
    static void putU16(byte[] zip, int offset, int value) {
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
    }

    /** Overwrites a little-endian 32-bit field. */
    static void putU32(byte[] zip, int offset, long value) {
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, (int) value);
    }

    private static byte[] bytes(Object content) {
        return content instanceof byte[] raw ? raw : ((String) content).getBytes(StandardCharsets.UTF_8);
    }
}
