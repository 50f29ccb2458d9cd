"""Fuzz checkclaim's parsing stages: any input gives an answer or a documented error, the same
answer every time, and never a hang.

    python benchmarks/fuzz_parsers.py                          # atheris, 10 minutes, every target
    python benchmarks/fuzz_parsers.py --seconds 3600 --target claimfile
    python benchmarks/fuzz_parsers.py --engine hypothesis      # when atheris is not installed
    python benchmarks/fuzz_parsers.py --replay CRASH_FILE      # run one saved input again
    python benchmarks/fuzz_parsers.py --shapes                 # time hostile 1 MB lines, by stage

Targets (`--target`, default all, picked by the input's first byte):

| target | input | allowed to raise |
|---|---|---|
| normalize | text | nothing |
| sentences | text | nothing |
| quantities | text, normalised | nothing |
| features | text, normalised, read against the shipped claims | nothing |
| markdown | text, masked as a Markdown article | nothing |
| check | text, checked against the shipped claims | `InputError` for blank text |
| claimfile | text, loaded as a claim file | `ClaimFileError` |
| decode | bytes, decoded as a file (UTF-8 or an encoding) | `InputError` |
| inputs | bytes, read as a txt, jsonl or csv batch | `InputError` |

Each input is run twice and the answers compared. With atheris (coverage-guided, libFuzzer),
an input that raises anything else, takes over `--timeout` seconds or more than 2 GB is a
crash: libFuzzer stops and saves it in `--artifacts` (default: a temporary folder, printed);
`--replay` runs it again with the traceback. With hypothesis, the run is random, not guided,
and a failure is printed with its input. The compiled-claims cache goes to a temporary folder:
the run writes nothing else.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
TARGETS = (
    "normalize",
    "sentences",
    "quantities",
    "features",
    "markdown",
    "check",
    "claimfile",
    "decode",
    "inputs",
)
ENCODINGS = (None, "utf-8", "latin-1", "cp1252", "utf-16", "utf-32", "ascii", "shift_jis")


class Stages:
    """The stages under test, imported once (instrumented, under atheris)."""

    def __init__(self) -> None:
        from checkclaim import claimfile, inputs, markdown, pipeline, sentences, textio
        from checkclaim.errors import ClaimFileError, InputError
        from checkclaim.features import read
        from checkclaim.normalize import normalize
        from checkclaim.quantities import extract

        self.claimfile, self.inputs, self.markdown = claimfile, inputs, markdown
        self.pipeline, self.sentences, self.textio = pipeline, sentences, textio
        self.ClaimFileError, self.InputError = ClaimFileError, InputError
        self.read, self.normalize, self.extract = read, normalize, extract
        self.loaded = pipeline.load_index()

    def run(self, target: str, text: str, data: bytes, choice: int) -> Any:
        """One input through one stage: its answer, or the documented error's message."""
        ix = self.loaded.index
        if target == "normalize":
            return self.normalize(text)
        if target == "sentences":
            return self.sentences.split(text)
        if target == "quantities":
            return self.extract(self.normalize(text))
        if target == "features":
            return self.read(self.normalize(text), ix.lex, ix.names, ix.lemma, ix.common)
        if target == "markdown":
            masked = self.markdown.mask(text)
            return masked, self.markdown.blocks(masked, text)
        if target == "check":
            try:
                r = self.pipeline.check(text, self.loaded)
            except self.InputError as e:
                assert not text.strip(), e
                return str(e)
            assert r.verdict in ("supported", "contradicted", "unknown"), r
            return r
        if target == "claimfile":
            try:
                return self.claimfile.loads(text, "fuzz.yaml")
            except self.ClaimFileError as e:
                return _one_line(str(e))
        if target == "decode":
            try:
                return self.textio.decode(data, "fuzz.txt", ENCODINGS[choice % len(ENCODINGS)])
            except self.InputError as e:
                return _one_line(str(e))
        if target == "inputs":
            fmt = ("txt", "jsonl", "csv")[choice % 3]
            try:
                lines = self.inputs.read_lines(io.BufferedReader(io.BytesIO(data)), "fuzz")
                items = {
                    "txt": self.inputs._txt,
                    "jsonl": self.inputs._jsonl,
                    "csv": self.inputs._csv,
                }[fmt](lines, "fuzz")
                got = list(items)
            except self.InputError as e:
                return _one_line(str(e))
            for item in got:
                assert item.error or item.statement, item
                if item.error:
                    _one_line(item.error)
            return got
        raise ValueError(f"unknown target {target!r}")


def _one_line(message: str) -> str:
    assert "\n" not in message and message, repr(message)
    return message


def one_input(stages: Stages, targets: tuple[str, ...], data: bytes) -> None:
    """Run one fuzzer input: pick the target and a choice from its first bytes."""
    if len(data) < 2:
        return
    target = targets[data[0] % len(targets)]
    choice, data = data[1], data[2:]
    text = data.decode("utf-8", "surrogateescape") if choice & 1 else data.decode("latin-1")
    first = stages.run(target, text, data, choice)
    again = stages.run(target, text, data, choice)
    assert first == again, f"{target}: two runs disagree on {data!r}"


# --- engines --------------------------------------------------------------------------------------


def atheris_child(targets: tuple[str, ...], libfuzzer_args: list[str]) -> None:
    import atheris  # type: ignore[import-untyped]

    with atheris.instrument_imports(include=["checkclaim"]):
        stages = Stages()
    atheris.Setup([sys.argv[0], *libfuzzer_args], lambda data: one_input(stages, targets, data))
    atheris.Fuzz()


def run_atheris(args: argparse.Namespace, targets: tuple[str, ...]) -> int:
    artifacts = Path(args.artifacts or tempfile.mkdtemp(prefix="checkclaim-fuzz-"))
    artifacts.mkdir(parents=True, exist_ok=True)
    corpus = Path(args.corpus) if args.corpus else artifacts / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    seed_corpus(corpus)
    flags = [
        f"-max_total_time={args.seconds}",
        f"-timeout={args.timeout}",
        "-rss_limit_mb=2048",
        "-max_len=4096",
        f"-artifact_prefix={artifacts}/",
        "-print_final_stats=1",
        str(corpus),
    ]
    cmd = [sys.executable, str(HERE), "--child", "--target", ",".join(targets), "--", *flags]
    print(
        f"atheris: {' '.join(targets)} for {args.seconds} s; artifacts in {artifacts}", flush=True
    )
    start = time.monotonic()
    proc = subprocess.run(
        cmd, stderr=subprocess.PIPE, text=True, errors="replace", env=_env(artifacts)
    )
    took = time.monotonic() - start
    log = proc.stderr
    (artifacts / "fuzz.log").write_text(log, encoding="utf-8")
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)
    cov = re.findall(r"cov: (\d+) ft: (\d+)", log)
    crashes = sorted(
        p.name
        for p in artifacts.iterdir()
        if p.name.startswith(("crash-", "timeout-", "oom-", "leak-"))
    )
    ran = runs[-1] if runs else "?"
    edges = cov[-1][0] if cov else "?"
    kept = len(list(corpus.iterdir()))
    print(f"ran {ran} inputs in {took:.0f} s; coverage {edges} edges, {kept} inputs in the corpus")
    if crashes:
        print("FOUND:", *crashes, sep="\n  ")
        tail = log[log.rfind("Traceback") :] if "Traceback" in log else log[-3000:]
        print(tail)
        print(f"replay with: python {HERE} --replay {artifacts / crashes[0]}")
        return 1
    print("found nothing")
    return 0 if proc.returncode == 0 else proc.returncode


def seed_corpus(corpus: Path) -> None:
    """Start from real inputs: sentences of the shipped article, the claim file, batches."""
    if any(corpus.iterdir()):
        return
    root = HERE.parent.parent
    seeds: list[bytes] = []
    article = (root / "claims" / "ruto-unga79.txt").read_bytes()
    claims = (root / "claims" / "ruto-unga79.yaml").read_bytes()
    for n, target in enumerate(TARGETS):
        body = {
            "claimfile": claims[:4000],
            "inputs": b'{"statement": "Kenya sends 2,500 officers"}\n',
        }
        seeds.append(bytes([n, 1]) + body.get(target, article[:2000]))
    for i, seed in enumerate(seeds):
        (corpus / f"seed-{i}").write_bytes(seed)


def run_hypothesis(args: argparse.Namespace, targets: tuple[str, ...]) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    os.environ.update(_env(Path(tempfile.mkdtemp(prefix="checkclaim-fuzz-"))))
    stages = Stages()
    fragments = st.sampled_from(
        ["Kenya", "2,500", "2 500", "2\u202f500", "$4", "over", "about", "May", "2024", "\u2014",
         "\u2212", '"', "\u201c", "(", "[", "{", ":", "- ", "&a ", "*a", "!!", "\n", "\r", " ",
         "schema: 1\n", "claims:\n", "\ud800", "\x00", "\ufeff", "#", "*", "`", "|", "<b>"]
    )  # fmt: skip
    data = st.one_of(
        st.binary(max_size=2000),
        st.lists(fragments, max_size=60).map(
            lambda xs: "".join(xs).encode("utf-8", "surrogatepass")
        ),
    )
    count = [0]

    @settings(
        max_examples=1000, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(st.sampled_from(range(len(targets))), st.integers(0, 255), data)
    def fuzz(target: int, choice: int, body: bytes) -> None:
        count[0] += 1
        one_input(stages, targets, bytes([target, choice]) + body)

    start = time.monotonic()
    while time.monotonic() - start < args.seconds:
        fuzz()
    took = time.monotonic() - start
    print(f"hypothesis: {' '.join(targets)}: ran {count[0]} inputs in {took:.0f} s; found nothing")
    return 0


def _env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHECKCLAIM_")}
    env["CHECKCLAIM_CACHE"] = str(folder / "cache")
    return env


def replay(path: Path, targets: tuple[str, ...]) -> int:
    stages = Stages()
    data = path.read_bytes()
    print(f"target {targets[data[0] % len(targets)] if data else '-'}, input {data[2:]!r}"[:2000])
    one_input(stages, targets, data)
    print("no failure")
    return 0


# --- hostile shapes: how long each stage takes on one long line -----------------------------------

SHAPES = {
    "digits and commas": "123,456,",
    "digits": "1234567890",
    "1,1,1": "1,",
    "((((": "(",
    "----": "-",
    "dots and digits": "1.",
    "capitalised words": "Alpha Beta ",
    "qualifiers": "over more than about ",
    "number words": "twenty one hundred ",
    "apostrophes": "a'",
    "abbreviations": "A.B.",
    "currency figures": "$1 ",
    "day and month": "May 1 ",
    "spaced digit groups": "1 234 ",
}


def run_shapes(size: int, limit: float) -> int:
    """Per stage, seconds for one line of `size` characters of each shape (a stage that takes
    over `limit` seconds is left out for the larger shapes of the same kind)."""
    from checkclaim import sentences
    from checkclaim.features import read
    from checkclaim.normalize import normalize
    from checkclaim.quantities import extract

    os.environ.update(_env(Path(tempfile.mkdtemp(prefix="checkclaim-shapes-"))))
    from checkclaim import pipeline

    loaded = pipeline.load_index()
    ix = loaded.index
    stages: dict[str, Callable[[str], object]] = {
        "normalize": normalize,
        "quantities": lambda t: extract(normalize(t)),
        "features": lambda t: read(normalize(t), ix.lex, ix.names, ix.lemma, ix.common),
        "sentences": sentences.split,
        "check": lambda t: pipeline.check(t, loaded),
    }
    print(f"{size:,} characters a line; seconds by stage (> {limit:g} s: stopped)")
    print(f"| shape | {' | '.join(stages)} |")
    print("|---|" + "---:|" * len(stages))
    for name, unit in SHAPES.items():
        text = unit * (size // len(unit))
        cells = []
        for stage in stages.values():
            took = _timed(stage, text, limit)
            cells.append(f"{took:.2f}" if took is not None else f"> {limit:g}")
        print(f"| {name} | {' | '.join(cells)} |", flush=True)
    return 0


def _timed(stage: Callable[[str], object], text: str, limit: float) -> float | None:
    """Seconds `stage(text)` takes, or None past `limit` (run in a child that is stopped)."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    out = ctx.Queue()
    p = ctx.Process(target=lambda: out.put(_clock(stage, text)))
    p.start()
    p.join(limit)
    if p.is_alive():
        p.kill()
        p.join()
        return None
    return float(out.get())


def _clock(stage: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    stage(text)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--engine",
        choices=("atheris", "hypothesis"),
        default=None,
        help="default: atheris when installed, else hypothesis",
    )
    parser.add_argument("--seconds", type=int, default=600, help="how long to fuzz (default 600)")
    parser.add_argument("--target", default=",".join(TARGETS), help="comma-separated targets")
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take")
    parser.add_argument(
        "--artifacts", help="folder for crashes and the log (default: a new temporary one)"
    )
    parser.add_argument("--corpus", help="folder of inputs to start from and add to")
    parser.add_argument("--replay", type=Path, help="run one saved input and show its traceback")
    parser.add_argument("--shapes", action="store_true", help="time hostile long lines instead")
    parser.add_argument(
        "--size", type=int, default=1_000_000, help="characters a line for --shapes"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    targets = tuple(t for t in args.target.split(",") if t)
    unknown = set(targets) - set(TARGETS)
    if unknown:
        parser.error(f"unknown target(s): {', '.join(sorted(unknown))}")
    if args.child:
        atheris_child(targets, [a for a in rest if a != "--"])
        return 0
    if args.shapes:
        return run_shapes(args.size, float(args.timeout) * 6)
    if args.replay:
        os.environ.update(_env(Path(tempfile.mkdtemp(prefix="checkclaim-fuzz-"))))
        return replay(args.replay, targets)
    engine = args.engine
    if engine is None:
        try:
            import atheris  # noqa: F401
        except ImportError:
            engine = "hypothesis"
        else:
            engine = "atheris"
    return run_atheris(args, targets) if engine == "atheris" else run_hypothesis(args, targets)


if __name__ == "__main__":
    sys.exit(main())
