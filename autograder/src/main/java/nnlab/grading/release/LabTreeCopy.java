package nnlab.grading.release;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Copies an instructor lab folder into a release folder, turning each {@code .java} file into its starter or its
 * solution version, then checks what it wrote. Shared by {@link StudentTree} and {@link SolutionTree}.
 */
final class LabTreeCopy {

    /** Which version of each source file a release gets. */
    enum Version { STARTER, SOLUTION }

    private final Path lab;
    private final String labId;
    private final Version version;
    private final List<String> written = new ArrayList<>();
    private final List<TreeReport.LeftOut> leftOut = new ArrayList<>();
    private final TreeMap<String, Set<String>> taskIds = new TreeMap<>();

    private LabTreeCopy(Path lab, Version version) {
        this.lab = lab;
        this.labId = LabId.ofFolder(lab);
        this.version = version;
    }

    /**
     * Writes the release of {@code instructorLab} at {@code outLab} (see {@link FolderSwap} for how it is put in
     * place).
     */
    static TreeReport write(Path instructorLab, Path outLab, boolean replace, Version version) throws IOException {
        Path lab = instructorLab.toAbsolutePath().normalize();
        if (!Files.isDirectory(lab)) {
            throw new IllegalArgumentException("the instructor lab " + instructorLab + " is not a folder");
        }
        Path out = outLab.toAbsolutePath().normalize();
        Path realLab = lab.toRealPath();
        Path realOutParent = out.getParent() == null || !Files.isDirectory(out.getParent()) ? out
                : out.getParent().toRealPath().resolve(out.getFileName());
        if (realOutParent.startsWith(realLab) || realLab.startsWith(realOutParent)) {
            throw new IllegalArgumentException("the output folder " + outLab + " and the instructor lab "
                    + instructorLab + " overlap; write the release outside the instructor lab");
        }
        LabTreeCopy copy = new LabTreeCopy(lab, version);
        return FolderSwap.write(out, replace, copy::copyInto);
    }

    private TreeReport copyInto(Path out) throws IOException {
        Files.walkFileTree(lab, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(lab)) {
                    Optional<String> reason = ReleaseFilter.folderLeftOut(dir);
                    if (reason.isPresent()) {
                        leftOut.add(new TreeReport.LeftOut(relative(dir) + "/", reason.get()));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                Files.createDirectories(out.resolve(lab.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                copyFile(file, attrs, out);
                return FileVisitResult.CONTINUE;
            }
        });
        verify(out);
        written.sort(null);
        leftOut.sort((a, b) -> a.path().compareTo(b.path()));
        return new TreeReport(labId, written, leftOut, taskIds);
    }

    private void copyFile(Path file, BasicFileAttributes attrs, Path out) throws IOException {
        String name = relative(file);
        if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
            throw new IllegalArgumentException(file + " is a link or a special file; a release copies plain files"
                    + " only: replace it with the file it stands for, or remove it");
        }
        Optional<String> junk = ReleaseFilter.fileLeftOut(file);
        if (junk.isPresent()) {
            leftOut.add(new TreeReport.LeftOut(name, junk.get()));
            return;
        }
        Path target = out.resolve(lab.relativize(file).toString());
        if (!name.endsWith(".java")) {
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            written.add(name);
            return;
        }
        SolutionRegions regions = SolutionRegions.parse(readUtf8(file), name);
        if (regions.isSolutionOnly() && version == Version.STARTER) {
            leftOut.add(new TreeReport.LeftOut(name, "solution-only file"));
            return;
        }
        Set<String> ids = new LinkedHashSet<>(regions.taskIds());
        for (String id : ids) {
            if (!id.startsWith(labId + ".")) {
                throw new IllegalArgumentException(name + ": task " + id + " is not a task of " + labId + " (the lab"
                        + " folder's name); number the lab's tasks " + labId + ".1, " + labId + ".2, ...");
            }
        }
        if (!ids.isEmpty()) {
            taskIds.put(name, Collections.unmodifiableSet(ids));
        }
        String text = version == Version.STARTER ? regions.starter() : regions.solution();
        Files.writeString(target, text, StandardCharsets.UTF_8);
        written.add(name);
    }

    /** Checks that no file written contains anything that looks like a solution marker. */
    private static void verify(Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            int lineNumber = 0;
            for (String line : text.split("\r\n|\r|\n", -1)) {
                lineNumber++;
                if (SolutionMarkers.looksLikeMarker(line)) {
                    throw new IllegalStateException("release check: " + out.relativize(file) + ":" + lineNumber
                            + " still contains solution marker text ('" + line.strip() + "'); nothing was"
                            + " published. Markers belong in .java files only, on lines of their own");
                }
            }
        }
    }

    private static String readUtf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text; save it as UTF-8", e);
        }
    }

    private String relative(Path path) {
        return lab.relativize(path).toString().replace('\\', '/');
    }
}
