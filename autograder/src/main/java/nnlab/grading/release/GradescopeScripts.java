package nnlab.grading.release;

import java.util.regex.Pattern;

/** The two scripts at the root of the Gradescope autograder zip: {@code setup.sh} and {@code run_autograder}. */
final class GradescopeScripts {

    /** The grader's entry point (package {@code nnlab.grading.grade}). */
    static final String MAIN_CLASS = "nnlab.grading.grade.GradeMain";

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    private GradescopeScripts() {
    }

    /**
     * {@code setup.sh}, which Gradescope runs once, as root, on Ubuntu with network access: installs a JDK 17
     * ({@code openjdk-17-jdk-headless}) unless {@code java} 17 or later is there, and bubblewrap where the
     * distribution has it (best effort). The grader's jars are in the zip, so nothing else is downloaded.
     */
    static String setup() {
        return """
                #!/usr/bin/env bash
                # Gradescope runs this once, as root, when it builds the autograder image (Ubuntu, with network).
                # Written by nnlab-release: installs a JDK 17 unless Java 17+ is present, and bubblewrap if available.
                # The grader's jars are in lib/ of this zip, so nothing else is downloaded.
                set -euo pipefail
                export DEBIAN_FRONTEND=noninteractive

                java_major() {
                  java -version 2>&1 | awk -F '"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
                }

                need_jdk=yes
                if command -v java >/dev/null 2>&1; then
                  major="$(java_major || true)"
                  if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 17 )); then
                    need_jdk=no
                    echo "setup.sh: Java $major found; no JDK installed"
                  fi
                fi
                need_bwrap=yes
                if command -v bwrap >/dev/null 2>&1; then
                  need_bwrap=no
                fi

                if [ "$need_jdk" = yes ]; then
                  apt-get update
                  apt-get install -y --no-install-recommends openjdk-17-jdk-headless
                elif [ "$need_bwrap" = yes ]; then
                  apt-get update || echo "setup.sh: apt-get update failed; going on without it"
                fi
                if [ "$need_bwrap" = yes ]; then
                  apt-get install -y --no-install-recommends bubblewrap \\
                    || echo "setup.sh: bubblewrap is not available; grading runs without it"
                fi
                java -version
                """;
    }

    /**
     * {@code run_autograder}, which Gradescope runs for each submission: runs the grader on
     * {@code $root/submission} with the lab's bundle, writing {@code $root/results/results.json}, where
     * {@code root} is {@code $AUTOGRADER_ROOT} or {@code /autograder}. The class path is {@code lib/classpath.txt}
     * resolved against the script's own folder. If the grader exits with an error and left no results file, it
     * writes one that scores 0 and says the grader crashed, so that the student always sees a result; it then exits
     * with 0 (the results file is the record), as it does whenever a results file exists.
     *
     * @param labId   the lab, e.g. {@code lab00}
     * @param maxHeap the grader JVM's {@code -Xmx} default, e.g. {@code 1g}; {@code NNLAB_GRADER_HEAP} overrides it
     * @throws IllegalArgumentException if {@code maxHeap} is not a size such as {@code 512m} or {@code 2g}
     */
    static String runAutograder(String labId, String maxHeap) {
        LabId.check(labId);
        if (maxHeap == null || !HEAP.matcher(maxHeap).matches()) {
            throw new IllegalArgumentException("maximum heap '" + maxHeap + "' is not a size such as 512m or 2g");
        }
        return """
                #!/usr/bin/env bash
                # Gradescope runs this for each submission. Written by nnlab-release for @LAB@: grades
                # $root/submission with the hidden suite in labs/@LAB@ and writes $root/results/results.json.
                set -euo pipefail
                root="${AUTOGRADER_ROOT:-/autograder}"
                here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
                results="$root/results/results.json"
                mkdir -p "$root/results"

                set +e
                (
                  set -euo pipefail
                  classpath=""
                  while IFS= read -r jar || [ -n "$jar" ]; do
                    jar="${jar%$'\\r'}"
                    [ -n "$jar" ] || continue
                    classpath="${classpath:+$classpath:}$here/lib/$jar"
                  done < "$here/lib/classpath.txt"
                  exec java --add-modules jdk.incubator.vector -Xmx"${NNLAB_GRADER_HEAP:-@HEAP@}" -cp "$classpath" \\
                    @MAIN@ \\
                    --bundle "$root/source/labs/@LAB@" \\
                    --submission "$root/submission" \\
                    --out "$results"
                )
                status=$?
                set -e

                if [ "$status" -ne 0 ]; then
                  echo "run_autograder: the grader exited with status $status" >&2
                  if [ ! -e "$results" ]; then
                    tmp="$results.tmp.$$"
                    cat > "$tmp" <<JSON
                {
                  "score": 0.0,
                  "output": "Your submission was not graded: the autograder stopped with an error (exit status $status) before it could write any results. This is a problem with the autograder, not a grade. Please tell your instructor; they can see the autograder's log.",
                  "output_format": "text"
                }
                JSON
                    mv -f "$tmp" "$results"
                  fi
                fi
                [ -e "$results" ] || exit "$status"
                """.replace("@LAB@", labId).replace("@HEAP@", maxHeap).replace("@MAIN@", MAIN_CLASS);
    }
}
