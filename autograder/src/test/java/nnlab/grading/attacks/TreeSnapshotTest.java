package nnlab.grading.attacks;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The before/after comparison the attack suite uses to see files created, changed or deleted by a grading. */
class TreeSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void anUntouchedTreeHasNoChanges() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "a");
        TreeSnapshot before = TreeSnapshot.of(dir, Set.of());

        assertThat(TreeSnapshot.of(dir, Set.of()).changesSince(before), is(empty()));
    }

    @Test
    void createdChangedAndDeletedEntriesAreNamed() throws IOException {
        Files.writeString(dir.resolve("kept.txt"), "same");
        Files.writeString(dir.resolve("changed.txt"), "before");
        Files.writeString(dir.resolve("deleted.txt"), "gone soon");
        TreeSnapshot before = TreeSnapshot.of(dir, Set.of());

        Files.writeString(dir.resolve("changed.txt"), "after");
        Files.delete(dir.resolve("deleted.txt"));
        Files.createDirectories(dir.resolve("new"));
        Files.writeString(dir.resolve("new/results.json"), "{}");

        assertThat(TreeSnapshot.of(dir, Set.of()).changesSince(before), contains(startsWith("changed changed.txt"),
                is("deleted deleted.txt"), is("created new (dir)"), startsWith("created new/results.json (file ")));
    }

    @Test
    void entriesLeftOutAreNotCompared() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        TreeSnapshot before = TreeSnapshot.of(dir, Set.of("out/results.json", "work"));

        Files.writeString(dir.resolve("out/results.json"), "{}");
        Files.createDirectories(dir.resolve("work/deep"));

        assertThat(TreeSnapshot.of(dir, Set.of("out/results.json", "work")).changesSince(before), is(empty()));
    }
}
