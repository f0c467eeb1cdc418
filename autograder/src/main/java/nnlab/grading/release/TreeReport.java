package nnlab.grading.release;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link StudentTree} or {@link SolutionTree} wrote: the files written and left out, and the task ids of the
 * solution regions of each source file. Paths are relative to the lab folder, with {@code /} separators, sorted.
 *
 * <p>Usage: {@code report.leftOut().forEach(f -> System.out.println(f.path() + ": " + f.reason()));}
 *
 * @param labId    the lab's id, from its folder name ({@code lab00-warmup} gives {@code lab00})
 * @param written  every file written, sorted
 * @param leftOut  every file or folder of the instructor lab left out, with the reason, sorted by path
 * @param taskIds  for each source file with solution regions, its task ids in file order
 */
public record TreeReport(String labId, List<String> written, List<LeftOut> leftOut,
                         SortedMap<String, Set<String>> taskIds) {

    /**
     * A file or folder left out of the release.
     *
     * @param path   relative to the lab folder; a folder ends with {@code /}
     * @param reason why, e.g. {@code build output} or {@code solution-only file}
     */
    public record LeftOut(String path, String reason) {
    }

    /** Copies the lists, so that the report does not change afterwards. */
    public TreeReport {
        written = List.copyOf(written);
        leftOut = List.copyOf(leftOut);
        taskIds = Collections.unmodifiableSortedMap(new TreeMap<>(taskIds));
    }

    /** Every task id of the lab, in the order of the files (sorted by path) and of the regions in each. */
    public Set<String> allTaskIds() {
        Set<String> all = new LinkedHashSet<>();
        for (Map.Entry<String, Set<String>> file : taskIds.entrySet()) {
            all.addAll(file.getValue());
        }
        return all;
    }
}
