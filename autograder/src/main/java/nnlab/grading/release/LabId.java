package nnlab.grading.release;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A lab's id ({@code lab00}), from its folder name ({@code lab00-warmup}) or as given; checked. */
final class LabId {

    private static final Pattern ID = Pattern.compile("lab\\d{2}");
    private static final Pattern FOLDER = Pattern.compile("(lab\\d{2})(?:-[A-Za-z0-9._-]+)?");

    private LabId() {
    }

    /**
     * The id of the lab in {@code folder}: {@code lab00-warmup} gives {@code lab00}.
     *
     * @throws IllegalArgumentException if the folder's name is not {@code labNN} or {@code labNN-topic}
     */
    static String ofFolder(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        Matcher m = FOLDER.matcher(name == null ? "" : name.toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("the lab folder " + folder + " is not named labNN-topic (e.g."
                    + " lab00-warmup); the lab's id, which every task id must start with, comes from that name");
        }
        return m.group(1);
    }

    /**
     * Returns {@code id} if it is a lab id.
     *
     * @throws IllegalArgumentException if it is not {@code lab} and two digits
     */
    static String check(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("lab id '" + id + "' is not 'lab' and two digits, e.g. lab00");
        }
        return id;
    }
}
