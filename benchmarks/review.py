"""Time `checkclaim review` on a 1,000-sentence draft (issue 4: well under a second after start-up).

    python benchmarks/review.py [--sentences 1000] [--runs 5]

The draft is Markdown made of statements about the shipped article (from corpus.py, so most
sentences are distinct), in paragraphs under headings. It prints the median wall time of
`checkclaim review DRAFT --format json`, the median time of `checkclaim --version` (start-up),
and their difference: the review itself. Temporary files are removed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (the benchmark corpus beside this script)


def _median_seconds(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    checkclaim = shutil.which("checkclaim") or "checkclaim"
    work = Path(tempfile.mkdtemp(prefix="checkclaim-review-bench-"))
    try:
        env = dict(os.environ, CHECKCLAIM_CACHE=str(work / "cache"))
        lines = corpus.shipped_statements(args.sentences)
        parts = ["---\ntitle: benchmark draft\n---\n"]
        for k in range(0, len(lines), 10):
            parts.append(f"\n## Section {k // 10 + 1}\n\n" + " ".join(lines[k : k + 10]) + "\n")
        draft = work / "draft.md"
        draft.write_text("".join(parts), encoding="utf-8")

        review = [checkclaim, "review", str(draft), "--format", "json", "--fail-on", "never"]
        subprocess.run(review, stdout=subprocess.DEVNULL, env=env, check=False)  # warm the cache
        total = _median_seconds(review, args.runs, env)
        startup = _median_seconds([checkclaim, "--version"], args.runs, env)
        distinct = len(set(lines))
        print(
            f"review of a {len(lines):,}-sentence draft ({distinct:,} distinct), "
            f"median of {args.runs}"
        )
        print(f"  whole command      {total * 1000:8.0f} ms")
        print(f"  start-up           {startup * 1000:8.0f} ms  (checkclaim --version)")
        print(
            f"  the review itself  {(total - startup) * 1000:8.0f} ms  target: well under 1,000 ms"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
