package nnlab.grading.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a folder as a commit on a branch of a temporary repository, without touching its working tree. */
class SolutionsBranchTest {

    /** A fixed identity, and no global or system git configuration of the machine running the tests. */
    private static final Map<String, String> GIT_ENV = Map.of(
            "GIT_AUTHOR_NAME", "Test Instructor", "GIT_AUTHOR_EMAIL", "instructor@example.org",
            "GIT_COMMITTER_NAME", "Test Instructor", "GIT_COMMITTER_EMAIL", "instructor@example.org",
            "GIT_CONFIG_NOSYSTEM", "1", "GIT_CONFIG_GLOBAL", "/dev/null");

    @TempDir
    Path dir;

    private Path repo;
    private GitCommand git;
    private SolutionsBranch solutions;

    @BeforeEach
    void createRepositoryWithOneCommitAndALocalChange() throws IOException {
        repo = Files.createDirectories(dir.resolve("course"));
        Map<String, String> env = new HashMap<>(GIT_ENV);
        env.put("GIT_DIR", null);
        git = new GitCommand("git", repo, env);
        git.run("init", "-q", "-b", "main");
        Files.writeString(repo.resolve("README.md"), "course\n");
        git.run("add", "README.md");
        git.run("commit", "-q", "-m", "start");
        Files.writeString(repo.resolve("README.md"), "course, edited but not committed\n");
        Files.writeString(repo.resolve("staged.txt"), "staged\n");
        git.run("add", "staged.txt");
        solutions = new SolutionsBranch(repo, "solutions").withEnvironment(GIT_ENV);
    }

    private Path folder(String name, Map<String, String> files) throws IOException {
        Path folder = dir.resolve(name);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return folder;
    }

    private List<String> filesOnBranch() throws IOException {
        return git.run("ls-tree", "-r", "--name-only", "solutions").lines().toList();
    }

    @Test
    void aNewBranchGetsOneRootCommitWithTheFilesUnderThePrefix() throws IOException {
        Path tree = folder("lab00", Map.of("src/A.java", "class A {}\r\n", "pom.xml", "<project/>\n"));
        SolutionsBranch.Published published = solutions.publish(tree, "lab00-warmup/", "Solutions of lab00");

        assertThat(published.changed(), is(true));
        assertThat(published.parent(), is(nullValue()));
        assertThat(published.files(), is(2));
        assertThat(git.run("rev-parse", "refs/heads/solutions").strip(), is(published.commit()));
        assertThat(git.run("rev-list", "--count", "solutions").strip(), is("1"));
        assertThat(filesOnBranch(), contains("lab00-warmup/pom.xml", "lab00-warmup/src/A.java"));
        assertThat("bytes kept exactly, CRLF included", git.run("show", "solutions:lab00-warmup/src/A.java"),
                is("class A {}\r\n"));
        assertThat(git.run("log", "-1", "--format=%an <%ae>%n%s", "solutions"),
                is("Test Instructor <instructor@example.org>\nSolutions of lab00\n"));
    }

    @Test
    void theWorkingTreeTheIndexAndHeadAreUntouched() throws IOException {
        String statusBefore = git.run("status", "--porcelain");
        String headBefore = git.run("rev-parse", "HEAD");
        byte[] indexBefore = Files.readAllBytes(repo.resolve(".git/index"));

        solutions.publish(folder("lab00", Map.of("A.java", "class A {}\n")), "lab00-warmup/", "Solutions");

        assertThat(git.run("status", "--porcelain"), is(statusBefore));
        assertThat(statusBefore, containsString("M README.md"));
        assertThat(statusBefore, containsString("A  staged.txt"));
        assertThat(git.run("rev-parse", "HEAD"), is(headBefore));
        assertThat(git.run("symbolic-ref", "HEAD").strip(), is("refs/heads/main"));
        assertThat(Files.readAllBytes(repo.resolve(".git/index")), is(indexBefore));
        assertThat(Files.exists(repo.resolve("lab00-warmup")), is(false));
    }

    @Test
    void aSecondLabIsAddedOnTopAndRepublishingALabReplacesOnlyItsFolder() throws IOException {
        SolutionsBranch.Published lab00 = solutions.publish(
                folder("lab00", Map.of("A.java", "a\n", "Old.java", "old\n")), "lab00-warmup/", "lab00");
        SolutionsBranch.Published lab01 = solutions.publish(
                folder("lab01", Map.of("B.java", "b\n")), "lab01-mlp", "lab01");
        assertThat(lab01.parent(), is(lab00.commit()));
        assertThat(filesOnBranch(), contains("lab00-warmup/A.java", "lab00-warmup/Old.java", "lab01-mlp/B.java"));

        Path lab00Again = folder("lab00-again", Map.of("A.java", "a, fixed\n"));
        SolutionsBranch.Published again = solutions.publish(lab00Again, "lab00-warmup/", "lab00, fixed");
        assertThat(again.parent(), is(lab01.commit()));
        assertThat(filesOnBranch(), contains("lab00-warmup/A.java", "lab01-mlp/B.java"));
        assertThat(git.run("show", "solutions:lab00-warmup/A.java"), is("a, fixed\n"));
    }

    @Test
    void publishingWhatTheBranchHoldsMakesNoCommit() throws IOException {
        Path tree = folder("lab00", Map.of("A.java", "a\n"));
        SolutionsBranch.Published first = solutions.publish(tree, "lab00-warmup/", "lab00");
        SolutionsBranch.Published second = solutions.publish(tree, "lab00-warmup/", "lab00 again");
        assertThat(second.changed(), is(false));
        assertThat(second.commit(), is(first.commit()));
        assertThat(git.run("rev-list", "--count", "solutions").strip(), is("1"));
    }

    @Test
    void theExecutableBitIsKept() throws IOException {
        Path tree = folder("lab00", Map.of("run.sh", "#!/bin/sh\n", "A.java", "a\n"));
        Files.setPosixFilePermissions(tree.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        solutions.publish(tree, "lab00-warmup/", "lab00");
        String listing = git.run("ls-tree", "-r", "solutions");
        assertThat(listing, containsString("100755 blob"));
        assertThat(listing.lines().filter(l -> l.startsWith("100755")).findFirst().orElseThrow(),
                containsString("lab00-warmup/run.sh"));
        assertThat(listing.lines().filter(l -> l.endsWith("A.java")).findFirst().orElseThrow(),
                containsString("100644 blob"));
    }

    @Test
    void theSolutionTreeOfLab00CanBePublished() throws IOException {
        Path tree = dir.resolve("solutions/lab00-warmup");
        TreeReport report = SolutionTree.write(LabFolders.LAB00, tree, false);
        SolutionsBranch.Published published = solutions.publish(tree, "lab00-warmup/", "Solutions of lab00");
        assertThat(published.files(), is(report.written().size()));
        assertThat(git.run("show", "solutions:lab00-warmup/src/main/java/lab00/VectorOps.java"),
                is(Files.readString(tree.resolve("src/main/java/lab00/VectorOps.java"))));
    }

    @Test
    void aFolderThatIsNotARepositoryIsRefused() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Path tree = folder("lab00", Map.of("A.java", "a\n"));
        SolutionsBranch elsewhere = new SolutionsBranch(plain, "solutions").withEnvironment(
                Map.of("GIT_CEILING_DIRECTORIES", dir.toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> elsewhere.publish(tree, "lab00/", "x"));
        assertThat(e.getMessage(), containsString(plain + " is not a git repository (git says: fatal: not a git"
                + " repository"));
    }

    @Test
    void aMissingGitIsNamedWithTheFix() throws IOException {
        Path tree = folder("lab00", Map.of("A.java", "a\n"));
        SolutionsBranch noGit = solutions.withGit(dir.resolve("no-such-git").toString());
        IOException e = assertThrows(IOException.class, () -> noGit.publish(tree, "lab00/", "x"));
        assertThat(e.getMessage(), containsString("cannot run git ('" + dir.resolve("no-such-git")));
        assertThat(e.getMessage(), containsString("install git and put it on the PATH"));
    }

    @Test
    void aCheckedOutBranchIsRefused() throws IOException {
        Path tree = folder("lab00", Map.of("A.java", "a\n"));
        SolutionsBranch main = new SolutionsBranch(repo, "main").withEnvironment(GIT_ENV);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> main.publish(tree, "lab00/", "x"));
        assertThat(e.getMessage(), containsString("branch main is checked out in a working tree of " + repo));
    }

    @Test
    void badArgumentsAreRefusedBeforeGitRuns() throws IOException {
        Path tree = folder("lab00", Map.of("A.java", "a\n"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> solutions.publish(tree, "../up", "x"))
                .getMessage(), containsString("path prefix '../up' is not a plain relative folder path"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> solutions.publish(tree, "lab00", " "))
                .getMessage(), containsString("the commit message is empty"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> solutions.publish(empty, "lab00", "x"))
                .getMessage(), containsString("holds no file; nothing to publish"));
        SolutionsBranch badName = new SolutionsBranch(repo, "bad..name").withEnvironment(GIT_ENV);
        assertThat(assertThrows(IllegalArgumentException.class, () -> badName.publish(tree, "lab00", "x"))
                .getMessage(), containsString("'bad..name' is not a valid branch name"));
        assertThat(git.run("branch", "--list", "solutions"), is(emptyString()));
    }

    @Test
    void aLinkInTheFolderIsRefused() throws IOException {
        Path tree = folder("lab00", Map.of("A.java", "a\n"));
        Files.createSymbolicLink(tree.resolve("link"), tree.resolve("A.java"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solutions.publish(tree, "lab00/", "x"));
        assertThat(e.getMessage(), containsString("is a link or a special file"));
        assertThat(git.run("branch", "--list"), not(containsString("solutions")));
    }
}
