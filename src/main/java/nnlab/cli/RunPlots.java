package nnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nnlab.nn.Sequential;
import nnlab.train.Evaluation;
import nnlab.train.History;

/** The plots {@code nnlab train} writes into its run folder; returns their file names. */
final class RunPlots {

    private RunPlots() {
    }

    static List<String> write(Path dir, History history, Evaluation evaluation, CourseData data, Sequential model)
            throws IOException {
        List<String> names = new ArrayList<>();
        return names;
    }
}
