package nnlab.grading.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One intake of one submission listing: classifies every entry by its path, reads the candidates for each
 * allow-listed file, chooses at most one per file, and writes the chosen ones.
 */
final class IntakeRun {

    /** A file named like an allow-listed file, found at listing position {@code index}. */
    private record Candidate(int index, EntryPath path, SubmissionEntry entry) {
    }

    /** A candidate whose contents passed: UTF-8 text declaring the lab's package. */
    private record Verified(Candidate candidate, String text, boolean inPackageFolder) {
        String path() {
            return candidate.path().normalized();
        }
    }

    /** An ignored entry with its listing position, so that the report keeps the submission's order. */
    private record Ignored(int index, IgnoredEntry entry) {
    }

    private final LabManifest manifest;
    private final IntakeLimits limits;
    private final ReadBudget budget;
    private final List<Ignored> ignored = new ArrayList<>();
    private final Map<String, List<Candidate>> candidates = new LinkedHashMap<>();

    IntakeRun(LabManifest manifest, IntakeLimits limits) {
        this.manifest = manifest;
        this.limits = limits;
        this.budget = new ReadBudget(limits);
        for (String file : manifest.files()) {
            candidates.put(file, new ArrayList<>());
        }
    }

    /** Takes what {@code listing} offers into {@code destination} and reports on every entry. */
    IntakeReport run(SubmissionListing listing, SourceDestination destination) throws IOException {
        List<SubmissionEntry> entries = listing.entries();
        for (int i = 0; i < entries.size(); i++) {
            examine(i, entries.get(i));
        }
        if (listing.firstNotExamined() != null) {
            ignored.add(new Ignored(entries.size(), new IgnoredEntry(Display.cut(listing.firstNotExamined(),
                    Display.MAX_KEPT), IgnoreReason.TOO_MANY_ENTRIES, "your submission has more than "
                    + limits.maxEntries() + " files and folders, so this one and all after it were not examined; "
                    + "submit only your source files (no build output, data or libraries)")));
        }
        Map<String, String> accepted = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> file : candidates.entrySet()) {
            Verified chosen = choose(file.getKey(), verify(file.getKey(), file.getValue()));
            if (chosen == null) {
                missing.add(file.getKey());
            } else {
                destination.write(manifest, file.getKey(), chosen.text());
                accepted.put(file.getKey(), chosen.path());
            }
        }
        List<IgnoredEntry> report = ignored.stream().sorted(Comparator.comparingInt(Ignored::index))
                .map(Ignored::entry).toList();
        return new IntakeReport(manifest, accepted, report, missing, budget.totalRead());
    }

    private void examine(int index, SubmissionEntry entry) {
        EntryPath path = EntryPath.parse(entry.name(), limits);
        if (!path.isSafe()) {
            ignore(index, Display.cut(entry.name(), Display.MAX_KEPT), path.problem(), path.note());
            return;
        }
        switch (entry.kind()) {
            case DIRECTORY -> {
                if (manifest.allows(path.fileName())) {
                    ignore(index, path.normalized(), IgnoreReason.NOT_A_FILE, "it is a folder, not a file");
                }
            }
            case LINK -> ignore(index, path.normalized(), IgnoreReason.LINK,
                    "it is a symbolic link, and links are never followed; submit the file itself");
            case SPECIAL -> ignore(index, path.normalized(), IgnoreReason.NOT_A_FILE,
                    "it is not a regular file (a device, pipe or socket)");
            case FILE -> {
                IgnoredEntry rejected = EntryRules.classify(path, manifest);
                if (rejected == null) {
                    candidates.get(path.fileName()).add(new Candidate(index, path, entry));
                } else {
                    ignored.add(new Ignored(index, rejected));
                }
            }
        }
    }

    /** Reads each candidate and keeps those that are UTF-8 and declare the lab's package. */
    private List<Verified> verify(String file, List<Candidate> found) throws IOException {
        List<Verified> verified = new ArrayList<>();
        List<String> inPackageFolder = new ArrayList<>(List.of(manifest.javaPackage().split("\\.")));
        inPackageFolder.add(file);
        for (Candidate candidate : found) {
            String text;
            try {
                text = utf8(candidate.entry().read(budget));
            } catch (EntryRejectedException e) {
                ignore(candidate, e.reason(), e.getMessage());
                continue;
            } catch (CharacterCodingException e) {
                ignore(candidate, IgnoreReason.NOT_UTF8, "it is not UTF-8 text; set your editor's file encoding "
                        + "to UTF-8, save it again and resubmit");
                continue;
            }
            Optional<String> declared = JavaPackageDeclaration.of(text);
            if (declared.isEmpty()) {
                ignore(candidate, IgnoreReason.WRONG_PACKAGE, "it does not start with "
                        + Display.code("package " + manifest.javaPackage() + ";")
                        + " (only comments may come before it)");
            } else if (!declared.get().equals(manifest.javaPackage())) {
                ignore(candidate, IgnoreReason.WRONG_PACKAGE, "it declares package " + Display.code(declared.get())
                        + ", but graded files must be in package " + Display.code(manifest.javaPackage()));
            } else {
                verified.add(new Verified(candidate, stripByteOrderMark(text),
                        candidate.path().endsWith(inPackageFolder)));
            }
        }
        return verified;
    }

    /**
     * The copy to take: the only one; else the only one in the package's folder; else, when the copies in
     * question are identical, the one with the shortest path. Otherwise none, and every copy is reported.
     */
    private Verified choose(String file, List<Verified> verified) {
        if (verified.size() <= 1) {
            return verified.isEmpty() ? null : verified.get(0);
        }
        List<Verified> inFolder = verified.stream().filter(Verified::inPackageFolder).toList();
        List<Verified> pool = inFolder.isEmpty() ? verified : inFolder;
        boolean identical = pool.stream().map(Verified::text).distinct().count() == 1;
        String folder = Display.code(manifest.packagePath() + "/");
        if (pool.size() > 1 && !identical) {
            String paths = pool.stream().map(v -> Display.code(v.path())).collect(Collectors.joining(", "));
            for (Verified copy : verified) {
                ignore(copy.candidate(), IgnoreReason.DUPLICATE, Display.code(file) + " was submitted "
                        + pool.size() + " times with different contents (" + paths + "), so none was taken; keep "
                        + "exactly one, in folder " + folder);
            }
            return null;
        }
        Verified winner = pool.stream().min(Comparator.comparingInt((Verified v) -> v.path().length())
                .thenComparing(Verified::path)).orElseThrow();
        for (Verified copy : verified) {
            if (copy != winner) {
                String why = copy.text().equals(winner.text()) ? "an identical copy, "
                        : "the copy in folder " + folder + ", ";
                ignore(copy.candidate(), IgnoreReason.DUPLICATE, why + Display.code(winner.path())
                        + ", was taken instead");
            }
        }
        return winner;
    }

    private void ignore(Candidate candidate, IgnoreReason reason, String note) {
        ignore(candidate.index(), candidate.path().normalized(), reason, note);
    }

    private void ignore(int index, String path, IgnoreReason reason, String note) {
        ignored.add(new Ignored(index, new IgnoredEntry(path, reason, note)));
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static String stripByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
