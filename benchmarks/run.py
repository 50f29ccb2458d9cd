"""checkclaim's speed and memory, measured in one run, printed as one table.

    python benchmarks/run.py           # the full run (about 10 minutes on 2 cores)
    python benchmarks/run.py --quick   # a smaller run (about a minute)

Every figure comes from running the `checkclaim` command as a user does, with the same
Python interpreter as this script, so start-up, reading and writing are all counted:

- cold start: `checkclaim "Kenya sends 2,500 officers"` with a warm cache, against the
  smallest typer app that could do the job (one command taking a string, importing
  rapidfuzz.fuzz, yaml and rich's Console inside it and printing its argument); median of
  runs taken alternately;
- batch throughput: statements a second for a file of statements about the shipped article
  (`--format jsonl`), in one process and with `--jobs`, whose output must be byte-identical;
  peak memory for the whole file and for a tenth of it (input is streamed: it should not grow);
- build rate: articles a second for `checkclaim build FOLDER -o OUT`;
- archive scale: time and peak memory to check 1,000 statements with `--claims` folders of
  1, 100, 1,000 and 2,000 built articles (the first of the same build), and the ratio to one;
- a 1 MB line of digits and commas, and the longest line checkclaim accepts.

Articles and statements come from benchmarks/corpus.py (deterministic). The compiled-claims
cache and Python's bytecode cache point into a temporary folder, removed at the end: the run
writes nothing else. Peak memory is each command's maximum resident set size (the largest of
its processes), from wait4.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.dont_write_bytecode = True  # the run leaves nothing behind, not even a __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402 - the generator beside this script, found once on the path

STATEMENT = "Kenya sends 2,500 officers"
TINY_APP = """\
import typer

app = typer.Typer()


@app.command()
def main(statement: str) -> None:
    from rapidfuzz import fuzz  # noqa: F401
    import yaml  # noqa: F401
    from rich.console import Console

    Console().print(statement)


if __name__ == "__main__":
    app()
"""
# settings of the person running the benchmark that would change what it measures
USER_ENV = (
    "CHECKCLAIM_CLAIMS",
    "CHECKCLAIM_LEXICON",
    "CHECKCLAIM_DEBUG",
    "CHECKCLAIM_CACHE",
    "FORCE_COLOR",
    "PYTHONPYCACHEPREFIX",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONPROFILEIMPORTTIME",
)
TIMEOUT = 900.0  # seconds for any one command
COLUMNS = "{:<44} {:<30} {:<16} {}"
ARCHIVE_COLUMNS = "  {:>8} {:>8} {:>9} {:>7} {:>12} {:>10} {:>9} {:>7}"


@dataclass(frozen=True)
class Run:
    """One command: wall time, exit status, peak resident memory of its largest process."""

    wall: float
    code: int
    rss: int  # bytes; 0 where the platform does not say
    cpu: float  # user + system seconds, its children included
    stderr: str
    timed_out: bool = False

    def failed(self, ok: Sequence[int] = (0, 1)) -> str:
        """What went wrong, or "" when nothing did."""
        if self.timed_out:
            return f"timed out after {self.wall:.0f} s"
        if self.code not in ok:
            last = self.stderr.strip().splitlines()[-1:] or [""]
            return f"exit {self.code}: {last[0][:200]}"
        return ""


@dataclass
class Row:
    measure: str
    value: str = ""
    target: str = ""
    verdict: str = ""  # "ok", "MISS" or ""
    heading: bool = False
    raw: bool = False  # printed as it is (the archive table has columns of its own)


@dataclass
class Bench:
    tmp: Path
    runs: int
    statements: int
    sizes: tuple[int, ...]
    archive_statements: int
    jobs: int
    label: str = "full"
    rows: list[Row] = field(default_factory=list)
    errors: int = 0
    started: float = field(default_factory=time.perf_counter)

    def __post_init__(self) -> None:
        self.env = {k: v for k, v in os.environ.items() if k not in USER_ENV}
        self.env["CHECKCLAIM_CACHE"] = str(self.tmp / "cache")
        self.env["PYTHONPYCACHEPREFIX"] = str(self.tmp / "pycache")
        self.env["NO_COLOR"] = "1"
        self.checkclaim = checkclaim_command()

    # --- running ----------------------------------------------------------------------------

    def run(
        self,
        args: Sequence[str],
        out: Path | None = None,
        cmd: Sequence[str] | None = None,
        timeout: float = TIMEOUT,
    ) -> Run:
        return run(
            [*(self.checkclaim if cmd is None else cmd), *args],
            self.env,
            out,
            self.tmp / "stderr.txt",
            timeout,
        )

    def note(self, message: str) -> None:
        sys.stderr.write(f"[{time.perf_counter() - self.started:6.0f} s] {message}\n")
        sys.stderr.flush()

    def raw(self, text: str) -> None:
        self.rows.append(Row(text, raw=True))

    def heading(self, text: str) -> None:
        self.rows.append(Row(text, heading=True))

    def row(self, measure: str, value: str, target: str = "", met: bool | None = None) -> None:
        verdict = "" if met is None else ("ok" if met else "MISS")
        self.rows.append(Row(measure, value, target, verdict))

    def error(self, measure: str, what: str) -> None:
        self.errors += 1
        self.rows.append(Row(measure, f"FAILED: {what.replace(str(self.tmp), '$TMP')}"))

    def warm(self) -> None:
        """One check of one statement, so the compiled claims are in the cache even when the
        code or the word lists changed since the last run."""
        self.run([STATEMENT])

    # --- the measurements -------------------------------------------------------------------

    def cold_start(self) -> None:
        self.heading(f"Cold start, warm cache: median of {self.runs} runs of each, alternating")
        app = self.tmp / "tiny_app.py"
        app.write_text(TINY_APP, encoding="utf-8")
        tiny = [sys.executable, str(app), STATEMENT]
        mine = [STATEMENT]
        self.note("cold start: warming the caches")
        for _ in range(2):
            for r, ok in ((self.run(mine), (0, 1)), (self.run([], cmd=tiny), (0,))):
                if r.failed(ok):
                    self.error("cold start", r.failed(ok))
                    return
        times: dict[str, list[float]] = {"mine": [], "tiny": []}
        self.note(f"cold start: {self.runs} runs of each")
        for i in range(self.runs):
            order: tuple[tuple[str, list[str], list[str] | None], ...] = (
                ("mine", mine, None),
                ("tiny", [], tiny),
            )
            for name, args, cmd in order if i % 2 == 0 else order[::-1]:
                times[name].append(self.run(args, cmd=cmd).wall)
        mine_s, tiny_s = statistics.median(times["mine"]), statistics.median(times["tiny"])
        self.row(f'checkclaim "{STATEMENT}"', f"{mine_s * 1000:.0f} ms")
        self.row("minimal typer app (rapidfuzz, yaml, rich)", f"{tiny_s * 1000:.0f} ms")
        ratio = mine_s / tiny_s
        self.row("ratio", f"{ratio:.2f} x", "<= 1.3 x", ratio <= 1.3)

    def batch(self) -> None:
        n = self.statements
        lines = corpus.shipped_statements(n)
        self.heading(
            f"Batch: {n:,} statements ({len(set(lines)):,} distinct) about the shipped article, "
            "--format jsonl"
        )
        stmts = self.tmp / "statements.txt"
        corpus.write_lines(stmts, lines)
        tenth = self.tmp / "statements-tenth.txt"
        corpus.write_lines(tenth, lines[: n // 10])
        args = ["check", "-f", str(stmts), "--format", "jsonl"]
        self.note(f"batch: {n:,} statements, 1 process")
        out1 = self.tmp / "out-1.jsonl"
        self.warm()
        one = self.run([*args, "--jobs", "1"], out1)
        if one.failed():
            self.error("1 process", one.failed())
            return
        counts = Counter(
            m.group(1) for m in re.finditer(r'"verdict": "(\w+)"', out1.read_text(encoding="utf-8"))
        )
        got = sum(counts.values())
        if got != n:
            self.error("1 process", f"{got:,} results for {n:,} statements")
        rate = n / one.wall
        self.row("--jobs 1 (one process)", f"{rate:,.0f} statements/s")
        self.row("  wall, CPU", f"{one.wall:.1f} s, {one.cpu:.1f} s")
        kinds = ("supported", "contradicted", "unknown")
        self.row("  verdicts", ", ".join(f"{counts[k]:,} {k}" for k in kinds))
        self.row("  peak memory", mib(one.rss))
        self.note(f"batch: {n:,} statements, --jobs {self.jobs}")
        outn = self.tmp / "out-n.jsonl"
        self.warm()
        many = self.run([*args, "--jobs", str(self.jobs)], outn)
        if many.failed():
            self.error(f"--jobs {self.jobs}", many.failed())
        else:
            rate_n = n / many.wall
            self.row(
                f"--jobs {self.jobs}", f"{rate_n:,.0f} statements/s", ">= 5,000/s", rate_n >= 5000
            )
            self.row("  wall, CPU (all processes)", f"{many.wall:.1f} s, {many.cpu:.1f} s")
            self.row("  speed-up over 1 process", f"{one.wall / many.wall:.2f} x")
            same = outn.read_bytes() == out1.read_bytes()
            self.row("  output identical to 1 process", "yes" if same else "NO", "yes", same)
            self.row("  peak memory (largest process)", mib(many.rss))
        self.note(f"batch: {n:,} statements, default --jobs")
        outd = self.tmp / "out-default.jsonl"
        self.warm()
        auto = self.run(args, outd)
        if auto.failed():
            self.error("default --jobs", auto.failed())
        else:
            rate_d = n / auto.wall
            self.row(
                f"default (--jobs 0: {_cores()} cores)",
                f"{rate_d:,.0f} statements/s",
                ">= 5,000/s",
                rate_d >= 5000,
            )
            same = outd.read_bytes() == out1.read_bytes()
            self.row("  output identical to 1 process", "yes" if same else "NO", "yes", same)
        self.note(f"batch: {n // 10:,} statements, 1 process")
        self.warm()
        small = self.run(
            ["check", "-f", str(tenth), "--format", "jsonl", "--jobs", "1"],
            self.tmp / "out-tenth.jsonl",
        )
        if small.failed():
            self.error("a tenth of the input", small.failed())
        else:
            grow = one.rss - small.rss
            self.row(
                f"  peak memory, {n // 10:,} vs {n:,} lines",
                f"{mib(small.rss)} vs {mib(one.rss)}",
                "flat (streamed)",
                grow < 32 * 2**20 if one.rss else None,
            )

    def archive(self) -> None:
        biggest = max(self.sizes)
        folder, built = self.tmp / "articles", self.tmp / "archive"
        self.note(f"archive: writing {biggest:,} articles")
        texts = [t for _, t in corpus.articles(biggest)]
        corpus.write_articles(folder, biggest)
        self.heading(f"Build: checkclaim build FOLDER -o OUT, {biggest:,} articles")
        self.note(f"archive: building {biggest:,} articles")
        b = self.run(["build", str(folder), "-o", str(built)])
        if b.failed((0,)):
            self.error("build", b.failed((0,)))
            return
        rate = biggest / b.wall
        self.row("build rate", f"{rate:,.1f} articles/s ({b.wall:.0f} s)", ">= 50/s", rate >= 50)
        self.row("  peak memory", mib(b.rss))
        files = sorted(built.glob("*.yaml"))
        stmts = self.tmp / "archive-statements.txt"
        corpus.write_lines(stmts, corpus.archive_statements(texts, self.archive_statements))
        k = self.archive_statements
        self.heading(
            f"Archive scale: {k:,} statements with --claims FOLDER (the first N built), median of 3"
        )
        self.raw(
            ARCHIVE_COLUMNS.format(
                "articles",
                "claims",
                "1st load",
                "load",
                f"{k:,} checks",
                "per check",
                "peak",
                "vs 1",
            )
        )
        base = 0.0
        for size in sorted(self.sizes):
            sub = self.tmp / f"archive-{size}"
            sub.mkdir()
            claims = 0
            for f in files[:size]:
                link(f, sub / f.name)
                claims += len(re.findall(r"^- id: ", f.read_text(encoding="utf-8"), re.M))
            self.note(f"archive: {size:,} articles, first load (compiles the cache)")
            first = self.run(["check", "--claims", str(sub), STATEMENT])
            if first.failed():
                self.error(f"  {size:,} articles", first.failed())
                continue
            load = self.run(["check", "--claims", str(sub), STATEMENT])
            self.note(f"archive: {size:,} articles, {k:,} statements")
            # the median of three runs: one run of a second or two moves with the machine
            runs = [
                self.run(
                    ["check", "--claims", str(sub), "-f", str(stmts), "--format", "jsonl"],
                    self.tmp / f"out-archive-{size}.jsonl",
                )
                for _ in range(3)
            ]
            r = sorted(runs, key=lambda x: x.wall)[1]
            r = next((x for x in runs if x.failed()), r)
            shutil.rmtree(sub)
            if r.failed():
                self.error(f"  {size:,} articles", r.failed())
                continue
            base = base or r.wall
            ratio = r.wall / base
            line = ARCHIVE_COLUMNS.format(
                f"{size:,}",
                f"{claims:,}",
                f"{first.wall:.1f} s",
                f"{load.wall:.2f} s",
                f"{r.wall:.1f} s",
                f"{r.wall / k * 1000:.2f} ms",
                mib(r.rss),
                f"{ratio:.2f} x",
            )
            if size >= 2000:
                met = ratio <= 3 and 0 < r.rss < 2**30
                line += f"  target <= 3 x, < 1 GiB  {'ok' if met else 'MISS'}"
            self.raw(line)
        self.raw(
            "  (1st load compiles the claims into the cache; load is a warm run of one statement)"
        )

    def long_lines(self) -> None:
        self.heading("Long lines of digits and commas (--file, --format jsonl)")
        limit = max_statement()
        for size, label in (
            (2**20, "1 MB line (over the limit: an error item)"),
            (limit, f"{limit:,}-character line (the limit)"),
        ):
            path = self.tmp / f"digits-{size}.txt"
            path.write_text(digits_and_commas(size) + "\n", encoding="ascii")
            self.note(f"long line: {size:,} characters")
            r = self.run(["check", "-f", str(path), "--format", "jsonl"], timeout=120)
            if r.failed((0, 1, 2)):
                self.error(label, r.failed((0, 1, 2)))
            else:
                self.row(label, f"{r.wall:.2f} s (exit {r.code}, {mib(r.rss)})", "no hang")

    # --- the report -------------------------------------------------------------------------

    def table(self) -> str:
        now = datetime.datetime.now(datetime.UTC)
        lines = [
            f"checkclaim benchmark, {now:%Y-%m-%d %H:%M} UTC, "
            f"{self.label} run, {time.perf_counter() - self.started:.0f} s",
            *machine(),
            f"command: {' '.join(shorten(a) for a in self.checkclaim)}",
            "",
            COLUMNS.format("measure", "value", "target", "").rstrip(),
            "-" * 100,
        ]
        for r in self.rows:
            if r.heading:
                lines += ["", r.measure]
            elif r.raw:
                lines.append(r.measure)
            else:
                lines.append(COLUMNS.format(r.measure, r.value, r.target, r.verdict).rstrip())
        return "\n".join(lines) + "\n"


# --- helpers --------------------------------------------------------------------------------


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def checkclaim_command() -> list[str]:
    """`checkclaim` as installed beside this Python, run by this Python."""
    script = Path(sys.executable).parent / "checkclaim"
    if script.is_file() and script.read_bytes()[:2] == b"#!":
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "checkclaim"]


def run(
    cmd: Sequence[str], env: dict[str, str], out: Path | None, err: Path, timeout: float
) -> Run:
    """Run a command; its standard output goes to `out` (or nowhere)."""
    with open(out or os.devnull, "wb") as stdout, open(err, "wb") as stderr:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, env=env
        )
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            rss, cpu, code = wait(proc)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
    return Run(
        wall,
        code,
        rss,
        cpu,
        err.read_text(encoding="utf-8", errors="replace"),
        timed_out=wall >= timeout,
    )


def wait(proc: subprocess.Popen[bytes]) -> tuple[int, float, int]:
    """(peak RSS in bytes, CPU seconds, exit status) of a finished child."""
    if not hasattr(os, "wait4"):
        code = proc.wait()
        return 0, 0.0, code
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped here: Popen must not wait for it again
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return usage.ru_maxrss * scale, usage.ru_utime + usage.ru_stime, code


def max_statement() -> int:
    """The longest statement checkclaim reads from a file."""
    try:
        from checkclaim import inputs
    except ImportError:
        return 100_000
    return int(getattr(inputs, "MAX_STATEMENT", 100_000))


def link(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def digits_and_commas(n: int) -> str:
    """n characters like 1,234,567,890,12,3456,..."""
    import random

    rng = random.Random(n)
    parts: list[str] = []
    size = 0
    while size < n:
        part = "".join(rng.choice("0123456789") for _ in range(rng.choice((1, 3, 3, 3, 4))))
        parts.append(part)
        size += len(part) + 1
    return ",".join(parts)[:n].rstrip(",")


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB" if n else "n/a"


def shorten(arg: str) -> str:
    home = str(Path.home())
    return "~" + arg[len(home) :] if arg.startswith(home + os.sep) else arg


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        memory = f", {kb / 2**20:.1f} GiB memory"
    except (OSError, AttributeError, ValueError):
        pass
    try:
        from importlib.metadata import version

        mine = version("checkclaim")
    except Exception:
        mine = "?"
    load = ""
    if hasattr(os, "getloadavg"):
        load = "load average at the end {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    return [
        f"machine: {cpu}, {os.cpu_count()} cores ({usable} usable){memory}; {platform.platform()}",
        f"python: {platform.python_implementation()} {platform.python_version()}; "
        f"checkclaim {mine}; {load}",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Measure checkclaim's speed and memory.")
    ap.add_argument(
        "--quick",
        action="store_true",
        help="a smaller run: 5 cold starts, 2,000 statements, archives of 1, 100",
    )
    ap.add_argument("--runs", type=int, help="cold starts of each command (default 15, quick 5)")
    ap.add_argument("--statements", type=int, help="batch size (default 20,000, quick 2,000)")
    ap.add_argument("--sizes", help="archive sizes (default 1,100,1000,2000; quick 1,100)")
    ap.add_argument(
        "--archive-statements",
        type=int,
        help="statements checked against each archive (default 1,000)",
    )
    ap.add_argument("--jobs", type=int, default=2, help="--jobs for the parallel batch (default 2)")
    ap.add_argument("--only", help="run some parts: comma-separated of cold,batch,archive,lines")
    args = ap.parse_args(argv)
    sizes = args.sizes or ("1,100" if args.quick else "1,100,1000,2000")
    parts = {
        "cold": Bench.cold_start,
        "batch": Bench.batch,
        "archive": Bench.archive,
        "lines": Bench.long_lines,
    }
    chosen = args.only.split(",") if args.only else list(parts)
    unknown = [p for p in chosen if p not in parts]
    if unknown:
        ap.error(f"--only: unknown part {', '.join(unknown)} (use {', '.join(parts)})")
    custom = (
        any(
            x is not None
            for x in (args.only, args.runs, args.statements, args.sizes, args.archive_statements)
        )
        or args.jobs != 2
    )
    with tempfile.TemporaryDirectory(prefix="checkclaim-bench-") as tmp:
        bench = Bench(
            tmp=Path(tmp),
            runs=args.runs or (5 if args.quick else 15),
            statements=args.statements or (2_000 if args.quick else 20_000),
            sizes=tuple(int(s) for s in sizes.split(",")),
            archive_statements=args.archive_statements or 1_000,
            jobs=args.jobs,
            label="quick" if args.quick else "custom" if custom else "full",
        )
        steps: list[Callable[[Bench], None]] = [parts[p] for p in chosen]
        for step in steps:
            try:
                step(bench)
            except KeyboardInterrupt:
                bench.error(step.__name__, "interrupted")
                break
            except Exception as e:  # one broken part should not hide the others' figures
                bench.error(step.__name__, f"{type(e).__name__}: {e}")
        sys.stdout.write(bench.table())
    return 1 if bench.errors else 0


if __name__ == "__main__":
    sys.exit(main())
