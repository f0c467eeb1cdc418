"""Reads the benchmark result files: one JSON object per line, other lines (progress, warnings) skipped."""
import json


def records(paths):
    """Yields every JSON object found at the start of a line in the given files, in file and line order."""
    for path in paths:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line.startswith("{"):
                    yield json.loads(line)
