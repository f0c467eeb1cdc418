package nnlab.grading.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nnlab.grading.io.FileTrees;

/**
 * Publishes a folder (usually a {@link SolutionTree}) as a commit on a git branch of a repository, without touching
 * the repository's working tree, its index or the checked-out branch: the commit is built with git's plumbing
 * ({@code hash-object}, {@code update-index}, {@code write-tree}, {@code commit-tree}, {@code update-ref}) on a
 * temporary index file ({@code GIT_INDEX_FILE}).
 *
 * <p>The folder's files go under a path prefix, e.g. {@code lab00-warmup/}; what the branch already holds elsewhere
 * is kept, what it held under the prefix is replaced, so publishing lab 1 after lab 0 keeps lab 0. The new commit's
 * parent is the branch's tip (none when the branch is new). Publishing what the branch already holds makes no commit.
 * Files keep their bytes exactly (no line-ending filters) and their executable bit. The author and committer come
 * from git's configuration or the {@code GIT_AUTHOR_*}/{@code GIT_COMMITTER_*} variables.
 *
 * <p>Usage:
 * <pre>{@code
 * SolutionsBranch branch = new SolutionsBranch(Path.of("."), "solutions");
 * SolutionsBranch.Published p = branch.publish(Path.of("solutions/lab00-warmup"), "lab00-warmup/",
 *         "Solutions of lab00");
 * System.out.println(p.commit());
 * }</pre>
 */
public final class SolutionsBranch {

    /**
     * The outcome of {@link #publish}.
     *
     * @param branch  the branch, e.g. {@code solutions}
     * @param commit  the branch's tip afterwards
     * @param parent  the tip before, or {@code null} if the branch was new
     * @param changed whether a commit was made ({@code false}: the branch already held exactly this)
     * @param files   how many files the folder had
     */
    public record Published(String branch, String commit, String parent, boolean changed, int files) {
    }

    private final Path repository;
    private final String branch;
    private final String git;
    private final Map<String, String> environment;

    /**
     * A branch of a repository, published to with the {@code git} found on the PATH.
     *
     * @param repository a folder of the repository (its working tree, or a bare repository)
     * @param branch     the branch's short name, e.g. {@code solutions}
     */
    public SolutionsBranch(Path repository, String branch) {
        this(repository, branch, "git", Map.of());
    }

    private SolutionsBranch(Path repository, String branch, String git, Map<String, String> environment) {
        this.repository = repository.toAbsolutePath().normalize();
        this.branch = branch;
        this.git = git;
        this.environment = Map.copyOf(environment);
    }

    /** The same branch, published to with another git executable (a path, or a name on the PATH). */
    public SolutionsBranch withGit(String executable) {
        return new SolutionsBranch(repository, branch, executable, environment);
    }

    /**
     * The same branch, with variables set for every git command, e.g. {@code GIT_AUTHOR_NAME} and
     * {@code GIT_COMMITTER_EMAIL}; they add to and override earlier ones.
     */
    public SolutionsBranch withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(variables);
        return new SolutionsBranch(repository, branch, git, merged);
    }

    /**
     * Commits the files of {@code folder} under {@code prefix} on the branch.
     *
     * @param folder  the folder to publish, with at least one file and no links
     * @param prefix  where its files go in the branch, e.g. {@code lab00-warmup/}; relative, no {@code .} or
     *                {@code ..} parts; empty for the top of the branch (the branch then holds exactly the folder)
     * @param message the commit message
     * @return the commit made (or the unchanged tip)
     * @throws IllegalArgumentException if the folder is empty or holds a link, the prefix, branch name or message is
     *                                  invalid, or {@code repository} is not a git repository
     * @throws IllegalStateException    if the branch is checked out in a working tree of the repository (moving it
     *                                  would change that working tree's state)
     * @throws IOException              if git cannot be run or fails (its message included); the branch is then
     *                                  unchanged
     */
    public Published publish(Path folder, String prefix, String message) throws IOException {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("the commit message is empty; say what is published");
        }
        String cleanPrefix = TreePaths.prefix(prefix);
        List<Path> files = TreePaths.files(folder);
        GitCommand plain = new GitCommand(git, repository, baseEnvironment());
        checkRepository(plain);
        String ref = "refs/heads/" + branch;
        GitCommand.Result tipLookup = plain.tryRun(new byte[0], "rev-parse", "-q", "--verify", ref + "^{commit}");
        String tip = tipLookup.status() == 0 ? tipLookup.out().strip() : null;

        Path indexFolder = Files.createTempDirectory("nnlab-solutions-index");
        try {
            Map<String, String> withIndex = baseEnvironment();
            withIndex.put("GIT_INDEX_FILE", indexFolder.resolve("index").toString());
            GitCommand index = new GitCommand(git, repository, withIndex);
            if (tip != null) {
                index.run("read-tree", tip);
                removeUnder(index, cleanPrefix);
            }
            addFiles(index, folder, files, cleanPrefix);
            String tree = index.run("write-tree").strip();
            if (tip != null && tree.equals(plain.run("rev-parse", tip + "^{tree}").strip())) {
                return new Published(branch, tip, tip, false, files.size());
            }
            List<String> commitArgs = new ArrayList<>(List.of("commit-tree", tree));
            if (tip != null) {
                commitArgs.addAll(List.of("-p", tip));
            }
            String commit = plain.run(message.getBytes(StandardCharsets.UTF_8), commitArgs.toArray(String[]::new))
                    .strip();
            String expectedOld = tip != null ? tip : "0".repeat(commit.length());
            plain.run("update-ref", "-m", "nnlab-release: " + message.lines().findFirst().orElse(""), ref, commit,
                    expectedOld);
            return new Published(branch, commit, tip, true, files.size());
        } finally {
            FileTrees.deleteTree(indexFolder);
        }
    }

    private void checkRepository(GitCommand plain) throws IOException {
        plain.run("--version");
        GitCommand.Result gitDir = plain.tryRun(new byte[0], "rev-parse", "--git-dir");
        if (gitDir.status() != 0) {
            throw new IllegalArgumentException(repository + " is not a git repository (git says: "
                    + gitDir.err().strip() + "); pass the folder of the repository that holds the branch");
        }
        if (plain.tryRun(new byte[0], "check-ref-format", "--branch", branch).status() != 0) {
            throw new IllegalArgumentException("'" + branch + "' is not a valid branch name; choose one such as"
                    + " solutions");
        }
        String worktrees = plain.run("worktree", "list", "--porcelain");
        if (worktrees.lines().anyMatch(line -> line.equals("branch refs/heads/" + branch))) {
            throw new IllegalStateException("branch " + branch + " is checked out in a working tree of " + repository
                    + "; publishing would move it under that working tree. Check out another branch there, or"
                    + " publish to another branch");
        }
    }

    /** Removes from the temporary index every file under {@code prefix} (everything, for the empty prefix). */
    private static void removeUnder(GitCommand index, String prefix) throws IOException {
        StringBuilder paths = new StringBuilder();
        for (String path : index.run("ls-files", "-z").split("\0")) {
            if (!path.isEmpty() && path.startsWith(prefix)) {
                paths.append(path).append('\0');
            }
        }
        if (paths.length() > 0) {
            index.run(paths.toString().getBytes(StandardCharsets.UTF_8), "update-index", "-z", "--force-remove",
                    "--stdin");
        }
    }

    /** Stores each file's bytes as a blob and adds it to the temporary index under the prefix. */
    private static void addFiles(GitCommand index, Path folder, List<Path> files, String prefix) throws IOException {
        StringBuilder absolute = new StringBuilder();
        for (Path file : files) {
            absolute.append(file.toAbsolutePath()).append('\n');
        }
        List<String> blobs = index.run(absolute.toString().getBytes(StandardCharsets.UTF_8),
                "hash-object", "-w", "--no-filters", "--stdin-paths").lines().toList();
        if (blobs.size() != files.size()) {
            throw new IOException("git hash-object gave " + blobs.size() + " object ids for " + files.size()
                    + " files");
        }
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String mode = Files.isExecutable(file) ? "100755" : "100644";
            entries.append(mode).append(' ').append(blobs.get(i)).append('\t')
                    .append(prefix).append(TreePaths.relative(folder, file)).append('\0');
        }
        index.run(entries.toString().getBytes(StandardCharsets.UTF_8), "update-index", "-z", "--add", "--index-info");
    }

    /** The caller's variables, without those that would point git at another repository or index. */
    private Map<String, String> baseEnvironment() {
        Map<String, String> variables = new HashMap<>();
        for (String inherited : List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR",
                "GIT_PREFIX", "GIT_NAMESPACE", "GIT_OBJECT_DIRECTORY")) {
            variables.put(inherited, null);
        }
        variables.putAll(environment);
        return variables;
    }
}
