"""Measure checkclaim on public claim-checking data written by others (issue 3).

    python benchmarks/external.py ../shared/external/summedits_news.jsonl \\
        ../shared/external/vitaminc_sample.jsonl --jobs 2 --misses 10

Each line of a data file is a JSON object with `id`, `evidence`, `claim` and `label`
(supported | contradicted | unknown). Every claim is checked against its own evidence only,
as `checkclaim check CLAIM --claims EVIDENCE.txt` would: the evidence is built into a claim set
and compiled in memory, once per distinct evidence text, through the library. Nothing is read
from or written to the user's cache (CHECKCLAIM_CACHE points at a temporary folder), and the
data stays where it is: its articles belong to their publishers, so it is not in the project.

Scoring follows the file name, or `--scoring`:
- "summedits": binary, supported vs not supported (a predicted contradicted or unknown is "not
  supported"); balanced accuracy is the mean recall of the two classes.
- anything else ("vitaminc", "climate"): three-way balanced accuracy, the mean recall over
  supported, contradicted and unknown.
Both report the confusion matrix against the three verdicts, accuracy, and false supported:
gold contradicted but called supported, the worst error a checker can make.

Exit status: 0 when every file was measured, 2 when a file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("supported", "contradicted", "unknown")
GOT = (*LABELS, "error")


class DataError(Exception):
    """A data file that cannot be measured; the message is for the user."""


@dataclass(frozen=True)
class Row:
    id: str
    evidence: str
    claim: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class Outcome:
    """What checkclaim said about one row, in plain values that cross process boundaries."""

    verdict: str  # supported | contradicted | unknown | error
    evidence: str = ""  # the sentence of the evidence the verdict rests on
    reasons: tuple[str, ...] = ()
    message: str = ""


@dataclass(frozen=True)
class Group:
    """The rows that share one evidence text: built once, then every claim checked."""

    name: str
    evidence: str
    rows: tuple[tuple[int, str], ...]  # (row number, claim)


@dataclass
class Timing:
    build: float = 0.0
    check: float = 0.0


@dataclass
class Measured:
    path: Path
    scoring: str
    rows: list[Row]
    outcomes: list[Outcome]
    groups: int
    wall: float
    timing: Timing = field(default_factory=Timing)


# --- reading --------------------------------------------------------------------------------


def read_rows(path: Path, limit: int | None) -> list[Row]:
    """The rows of a JSONL file, in file order, checked for the fields a measurement needs."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a folder, not a JSONL file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path}: cannot be read ({e})") from None
    rows: list[Row] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if limit is not None and len(rows) >= limit:
            break
        try:
            obj = json.loads(line)
        except ValueError as e:
            raise DataError(f"{path}:{n}: not JSON ({e})") from None
        if not isinstance(obj, dict):
            raise DataError(f"{path}:{n}: expected an object with evidence, claim and label")
        missing = [k for k in ("evidence", "claim", "label") if not isinstance(obj.get(k), str)]
        if missing:
            raise DataError(f"{path}:{n}: missing or not text: {', '.join(missing)}")
        if obj["label"] not in LABELS:
            raise DataError(f"{path}:{n}: label {obj['label']!r} is not one of {', '.join(LABELS)}")
        rows.append(
            Row(
                id=str(obj.get("id", f"{path.name}:{n}")),
                evidence=obj["evidence"],
                claim=obj["claim"],
                label=obj["label"],
                note=str(obj.get("note", "")),
            )
        )
    if not rows:
        raise DataError(f"{path}: holds no rows")
    return rows


def group_rows(rows: Sequence[Row], stem: str) -> list[Group]:
    """Rows grouped by evidence text, groups in order of first appearance."""
    by_evidence: dict[str, list[tuple[int, str]]] = {}
    for i, r in enumerate(rows):
        by_evidence.setdefault(r.evidence, []).append((i, r.claim))
    return [
        Group(f"{stem}-{n}", evidence, tuple(items))
        for n, (evidence, items) in enumerate(by_evidence.items())
    ]


def scoring_for(path: Path, asked: str) -> str:
    if asked != "auto":
        return asked
    return "binary" if "summedits" in path.name.lower() else "three"


# --- checking -------------------------------------------------------------------------------

Checked = tuple[list[tuple[int, Outcome]], Timing]


def check_group(group: Group) -> Checked:
    """Build the group's evidence into an index in memory and check each of its claims."""
    from checkclaim import index as ix
    from checkclaim.errors import CheckclaimError
    from checkclaim.pipeline import Loaded, build, check

    timing = Timing()
    start = time.perf_counter()
    try:
        claim_set = build(group.evidence, name=group.name)
        loaded = Loaded(ix.from_compiled([ix.compile_claims(claim_set)]), [group.name], [])
    except CheckclaimError as e:
        return [(i, Outcome("error", message=str(e))) for i, _ in group.rows], timing
    timing.build = time.perf_counter() - start
    out: list[tuple[int, Outcome]] = []
    start = time.perf_counter()
    for i, claim in group.rows:
        try:
            result = check(claim, loaded)
        except CheckclaimError as e:
            out.append((i, Outcome("error", message=str(e))))
            continue
        parts = result.clauses or (result,)
        out.append(
            (
                i,
                Outcome(
                    verdict=result.verdict,
                    evidence=result.claim.evidence if result.claim else "",
                    reasons=tuple(
                        f"{r.kind}/{r.status}" + (f": {r.message}" if r.message else "")
                        for part in parts
                        for r in part.reasons
                    ),
                ),
            )
        )
    timing.check = time.perf_counter() - start
    return out, timing


def run_groups(groups: list[Group], jobs: int) -> Iterator[Checked]:
    # The biggest groups go first so the workers finish together; rows are put back in file
    # order by their numbers, so the output does not depend on the order of completion.
    order = sorted(groups, key=lambda g: -len(g.rows))
    if jobs <= 1 or len(groups) <= 1:
        yield from map(check_group, order)
        return
    with multiprocessing.Pool(min(jobs, len(groups))) as pool:
        yield from pool.imap_unordered(check_group, order, chunksize=1)


def measure(path: Path, rows: list[Row], jobs: int, scoring: str) -> Measured:
    groups = group_rows(rows, path.stem)
    outcomes: list[Outcome | None] = [None] * len(rows)
    timing = Timing()
    start = time.perf_counter()
    for done, (part, t) in enumerate(run_groups(groups, jobs), 1):
        for i, outcome in part:
            outcomes[i] = outcome
        timing.build += t.build
        timing.check += t.check
        if sys.stderr.isatty():
            print(f"\r{path.name}: {done}/{len(groups)} evidence texts", end="", file=sys.stderr)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    wall = time.perf_counter() - start
    assert all(o is not None for o in outcomes)
    return Measured(
        path, scoring, rows, [o for o in outcomes if o is not None], len(groups), wall, timing
    )


# --- scoring --------------------------------------------------------------------------------


def binary(label: str) -> str:
    return "supported" if label == "supported" else "not supported"


@dataclass(frozen=True)
class Scores:
    balanced_accuracy: float
    accuracy: float
    recall: dict[str, float]
    precision: dict[str, float]
    f1: dict[str, float]
    macro_f1: float
    false_supported: int
    gold_contradicted: int
    errors: int


def score(m: Measured) -> Scores:
    if m.scoring == "binary":
        classes: tuple[str, ...] = ("supported", "not supported")
        pairs = [
            (binary(r.label), binary(o.verdict)) for r, o in zip(m.rows, m.outcomes, strict=True)
        ]
    else:
        classes = LABELS
        pairs = [(r.label, o.verdict) for r, o in zip(m.rows, m.outcomes, strict=True)]
    recall, precision, f1 = {}, {}, {}
    for c in classes:
        gold = sum(1 for g, _ in pairs if g == c)
        got = sum(1 for _, p in pairs if p == c)
        hit = sum(1 for g, p in pairs if g == p == c)
        recall[c] = hit / gold if gold else 0.0
        precision[c] = hit / got if got else 0.0
        pr = precision[c] + recall[c]
        f1[c] = 2 * precision[c] * recall[c] / pr if pr else 0.0
    present = [c for c in classes if any(g == c for g, _ in pairs)]
    return Scores(
        balanced_accuracy=sum(recall[c] for c in present) / len(present),
        accuracy=sum(1 for g, p in pairs if g == p) / len(pairs),
        recall=recall,
        precision=precision,
        f1=f1,
        macro_f1=sum(f1[c] for c in present) / len(present),
        false_supported=sum(
            1
            for r, o in zip(m.rows, m.outcomes, strict=True)
            if r.label == "contradicted" and o.verdict == "supported"
        ),
        gold_contradicted=sum(1 for r in m.rows if r.label == "contradicted"),
        errors=sum(1 for o in m.outcomes if o.verdict == "error"),
    )


def is_miss(m: Measured, row: Row, outcome: Outcome) -> bool:
    if m.scoring == "binary":
        return binary(row.label) != binary(outcome.verdict)
    return row.label != outcome.verdict


def pick_misses(m: Measured, k: int) -> list[int]:
    """K misses spread over the kinds of mistake (gold -> got), most frequent kind first."""
    cells: dict[tuple[str, str], list[int]] = {}
    for i, (r, o) in enumerate(zip(m.rows, m.outcomes, strict=True)):
        if is_miss(m, r, o):
            cells.setdefault((r.label, o.verdict), []).append(i)
    queues = sorted(cells.values(), key=lambda q: (-len(q), q[0]))
    share = [0] * len(queues)
    while sum(share) < k and any(n < len(q) for n, q in zip(share, queues, strict=True)):
        for j, q in enumerate(queues):
            if share[j] < len(q) and sum(share) < k:
                share[j] += 1
    # evenly spaced through each kind rather than its first rows
    picked = [q[j * len(q) // n] for q, n in zip(queues, share, strict=True) for j in range(n)]
    return sorted(picked)


# --- rendering ------------------------------------------------------------------------------


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    lines = []
    for r in rows:
        rest = [x.rjust(w) for x, w in zip(r[1:], widths[1:], strict=True)]
        cells = [r[0].ljust(widths[0]), *rest]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def render(m: Measured, s: Scores, misses: int) -> str:
    out: list[str] = []
    kind = (
        "binary: supported vs not supported"
        if m.scoring == "binary"
        else "three-way: supported / contradicted / unknown"
    )
    n = len(m.rows)
    out.append(f"== {m.path.name} ({kind})")
    out.append(
        f"{n} rows, {m.groups} evidence texts; {m.wall:.1f} s wall, "
        f"{m.timing.build:.1f} s building and {m.timing.check:.1f} s checking across workers, "
        f"{1000 * m.wall / n:.0f} ms a row"
    )
    out.append("")
    got_cols = [c for c in GOT if c != "error" or s.errors]
    counts = Counter((r.label, o.verdict) for r, o in zip(m.rows, m.outcomes, strict=True))
    grid = [["gold \\ got", *got_cols, "total"]]
    for g in LABELS:
        total = sum(counts[(g, c)] for c in got_cols)
        if total:
            grid.append([g, *(str(counts[(g, c)]) for c in got_cols), str(total)])
    grid.append(["total", *(str(sum(counts[(g, c)] for g in LABELS)) for c in got_cols), str(n)])
    out.append(table(grid))
    out.append("")
    per = [["class", "recall", "precision", "F1"]]
    for c in s.recall:
        per.append([c, f"{s.recall[c]:.3f}", f"{s.precision[c]:.3f}", f"{s.f1[c]:.3f}"])
    out.append(table(per))
    out.append("")
    out.append(
        f"balanced accuracy {s.balanced_accuracy:.3f}, accuracy {s.accuracy:.3f}, "
        f"macro-F1 {s.macro_f1:.3f}, false supported {s.false_supported} of "
        f"{s.gold_contradicted} contradicted"
        + (f", {plural(s.errors, 'error')}" if s.errors else "")
    )
    if misses:
        picked = pick_misses(m, misses)
        out.append("")
        out.append(f"-- {len(picked)} misses")
        for i in picked:
            r, o = m.rows[i], m.outcomes[i]
            out.append(f"{r.id}: gold {r.label}, got {o.verdict}")
            if r.note:
                out.append(f"  note:     {r.note[:160]}")
            out.append(f"  claim:    {r.claim}")
            evidence = " ".join(o.evidence.split())
            out.append(f"  evidence: {evidence[:200]}" if evidence else "  evidence: (none)")
            for reason in o.reasons[:4]:
                out.append(f"  reason:   {reason[:160]}")
            if o.message:
                out.append(f"  error:    {o.message}")
    return "\n".join(out)


def summary_line(m: Measured, s: Scores) -> str:
    what = "supported vs not" if m.scoring == "binary" else "three-way"
    return (
        f"{m.path.name}: balanced accuracy {s.balanced_accuracy:.3f} (n={len(m.rows)}, {what}), "
        f"accuracy {s.accuracy:.3f}, false supported {s.false_supported}/{s.gold_contradicted}, "
        f"{m.wall:.0f} s" + (f", {plural(s.errors, 'error')}" if s.errors else "")
    )


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# --- the command ----------------------------------------------------------------------------


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="external.py",
        description="Measure checkclaim on claim-checking data (JSONL: evidence, claim, label).",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH.jsonl")
    p.add_argument("--limit", type=positive, help="measure only the first N rows of each file")
    p.add_argument("--jobs", type=positive, default=2, help="worker processes (default 2)")
    p.add_argument(
        "--misses", type=int, default=0, metavar="K", help="print K example misses per file"
    )
    p.add_argument(
        "--scoring",
        choices=("auto", "binary", "three"),
        default="auto",
        help="binary (supported vs not) or three-way; auto: binary for SummEdits",
    )
    p.add_argument(
        "--predictions",
        type=Path,
        metavar="OUT.jsonl",
        help="also write every row's verdict, evidence sentence and reasons to this file",
    )
    return p.parse_args(argv)


def write_predictions(path: Path, measured: list[Measured]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for m in measured:
            for r, o in zip(m.rows, m.outcomes, strict=True):
                record = {
                    "file": m.path.name,
                    "id": r.id,
                    "gold": r.label,
                    "got": o.verdict,
                    "claim": r.claim,
                    "evidence": o.evidence,
                    "reasons": list(o.reasons),
                    "note": r.note,
                }
                if o.message:
                    record["message"] = o.message
                f.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    try:
        # every file is read before anything is checked: a typo in the last path fails fast
        data = [(path, read_rows(path, args.limit)) for path in args.paths]
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    measured: list[tuple[Measured, Scores]] = []
    with tempfile.TemporaryDirectory(prefix="checkclaim-bench-") as cache:
        # set before the workers start, so they inherit it too
        os.environ["CHECKCLAIM_CACHE"] = cache
        try:
            for path, rows in data:
                m = measure(path, rows, args.jobs, scoring_for(path, args.scoring))
                s = score(m)
                print(render(m, s, args.misses), end="\n\n", flush=True)
                measured.append((m, s))
        except KeyboardInterrupt:
            return 130
    for m, s in measured:
        print(summary_line(m, s))
    if args.predictions:
        try:
            write_predictions(args.predictions, [m for m, _ in measured])
        except OSError as e:
            print(f"error: {args.predictions}: cannot be written ({e.strerror})", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
