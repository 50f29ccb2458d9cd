"""The stages composed: build a claim set, load claim sets for checking, check statements.

    article text -> sentences -> claims -> claim file -> index -> match -> verdict -> report

This is the library API the command line is a thin layer over; it never prints or exits.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from checkclaim.errors import InputError
from checkclaim.models import Candidate, ClaimSet, Reason, Result

CLAIM_SUFFIXES = (".yaml", ".yml")
# How much better a contradicting claim of the same article must fit than a supporting one
# for the contradiction to stand.
SUPPORT_MARGIN = 0.1
FIGURE_BONUS = 0.15
# A statement is a sentence or a few: past this many characters the rest is not read, so that
# no input, however hostile, costs more than a bounded time.
MAX_READ = 5_000
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")


def shipped_claims() -> Path:
    """The claim set that ships with checkclaim (the folder `claims/` of the project)."""
    return Path(str(resources.files("checkclaim.claims")))


def default_claims_path() -> Path:
    env = os.environ.get("CHECKCLAIM_CLAIMS")
    return Path(env) if env else shipped_claims()


# --- building -------------------------------------------------------------------------------


def build(
    text: str,
    name: str = "article",
    title: str = "",
    source: str = "",
    date: str = "",
    file: str = "",
) -> ClaimSet:
    """A claim set from an article's text."""
    from checkclaim.extract import build_claims

    if not text.strip():
        raise InputError("the article is empty", file or source or name)
    if date:
        _check_date(date)
    return build_claims(text, name=name, title=title, source=source, date=date, file=file)


def _check_date(date: str) -> None:
    import datetime

    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise InputError(f"--date {date!r} is not a date like 2024-09-26") from None


def build_file(
    path: Path,
    title: str = "",
    date: str = "",
    source: str = "",
    encoding: str | None = None,
    relative_to: Path | None = None,
) -> ClaimSet:
    """A claim set from an article file; its provenance names the file relative to `relative_to`."""
    from checkclaim.textio import read_text

    text = read_text(path, encoding)
    if path.suffix.lower() in (".md", ".markdown"):
        from checkclaim.markdown import mask

        text = mask(text)
    file = path.name
    if relative_to is not None:
        file = os.path.relpath(path.resolve(), relative_to.resolve())
    cs = build(text, name=path.stem, title=title, source=source or path.name, date=date, file=file)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()  # of the file as it is on disk
    return replace(cs, provenance=replace(cs.provenance, sha256=digest))


def _articles(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(
                x for x in p.iterdir() if x.suffix.lower() in ARTICLE_SUFFIXES and x.is_file()
            )
            if not found:
                raise InputError("holds no articles (.txt, .md)", str(p))
            out.extend(found)
        elif not p.exists():
            raise InputError("no such file", str(p))
        elif p.suffix.lower() not in ARTICLE_SUFFIXES:
            raise InputError("is not an article (.txt or .md)", str(p))
        else:
            out.append(p)
    return out


BUILD_CHUNK = 50  # articles a worker process takes at a time when a folder is built


def _build_one(args: tuple[Path, str, str | None, Path]) -> tuple[ClaimSet, str]:
    from checkclaim.claimfile import dumps

    path, date, encoding, output = args
    cs = build_file(path, "", date, "", encoding, relative_to=output)
    return cs, dumps(cs)


def _build_parallel(
    files: list[Path], date: str, encoding: str | None, output: Path, jobs: int
) -> Iterator[tuple[ClaimSet, str]]:
    """Claim sets of many articles built by several processes, in the articles' order. A
    worker that dies is an error, never a wait (as it can be with multiprocessing.Pool)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    work = [(f, date, encoding, output) for f in files]
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        try:
            yield from pool.map(_build_one, work, chunksize=BUILD_CHUNK // jobs)
        except BrokenProcessPool:
            raise RuntimeError("a build worker stopped unexpectedly; build again") from None


def build_output(
    articles: Iterable[Path],
    output: Path,
    title: str = "",
    date: str = "",
    source: str = "",
    force: bool = False,
    encoding: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[ClaimSet]:
    """Build claim sets and write them: one file for one article, else a folder of files."""
    from checkclaim.claimfile import dumps
    from checkclaim.textio import write_folder, write_text

    given = list(articles)
    files = _articles(given)
    single = len(files) == 1 and not given[0].is_dir() and not output.is_dir()
    if single:
        if output.exists() and not force:
            raise InputError("already exists; pass --force to replace it", str(output))
        cs = build_file(files[0], title, date, source, encoding, relative_to=output.parent)
        write_text(output, dumps(cs), force=force)
        return [cs]
    if output.exists() and not output.is_dir():
        raise InputError("exists and is not a folder; several articles need a folder", str(output))
    names = [f.stem for f in files]
    if len(set(names)) != len(names):
        dup = next(n for n in names if names.count(n) > 1)
        raise InputError(f"two articles are named {dup!r}; their claim files would clash")
    out: dict[str, str] = {}
    sets = []
    jobs = min(len(files) // BUILD_CHUNK, os.cpu_count() or 1)
    built = _build_parallel(files, date, encoding, output, jobs) if jobs > 1 else None
    for n, f in enumerate(files):
        if built is not None:
            cs, text = next(built)
        else:
            cs = build_file(
                f,
                "" if len(files) > 1 else title,
                date,
                source if len(files) == 1 else "",
                encoding,
                relative_to=output,
            )
            text = dumps(cs)
        sets.append(cs)
        out[f"{f.stem}.yaml"] = text
        if progress:
            progress(n + 1, len(files))
    write_folder(output, out, force=force)
    return sets


# --- loading --------------------------------------------------------------------------------


def _claim_inputs(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(
            p for p in path.iterdir() if p.suffix.lower() in CLAIM_SUFFIXES and p.is_file()
        )
        if not files:
            files = sorted(
                p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
            )
        if not files:
            raise InputError("holds no claim files (.yaml) or articles (.txt, .md)", str(path))
        return files
    if not path.exists():
        raise InputError("no such claim file, folder or article", str(path))
    if path.suffix.lower() not in CLAIM_SUFFIXES + ARTICLE_SUFFIXES:
        raise InputError("is neither a claim file (.yaml) nor an article (.txt, .md)", str(path))
    return [path]


def _read_claim_set(path: Path, data: bytes, encoding: str | None) -> ClaimSet:
    from checkclaim.textio import decode

    text = decode(data, str(path), encoding)
    if path.suffix.lower() in CLAIM_SUFFIXES:
        from checkclaim.claimfile import loads

        return loads(text, str(path))
    if path.suffix.lower() in (".md", ".markdown"):
        from checkclaim.markdown import mask

        text = mask(text)
    return build(text, name=path.stem, source=path.name)


def load_claims(path: str | Path | None = None, encoding: str | None = None) -> list[ClaimSet]:
    """Every claim set at `path` (a claim file, a folder of them, or an article), validated."""
    p = Path(path) if path is not None else default_claims_path()
    return [_read_claim_set(f, _read_bytes(f), encoding) for f in _claim_inputs(p)]


def _read_bytes(path: Path) -> bytes:
    from checkclaim.textio import MAX_FILE_BYTES

    try:
        if not path.is_file():
            raise InputError("is not a regular file", str(path))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"is too large ({size:,} bytes); split it", str(path))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except PermissionError:
        raise InputError("permission denied", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", str(path)) from None


@dataclass
class Loaded:
    """Claim sets ready for checking, and what loading them noticed."""

    index: Any  # checkclaim.index.Index
    paths: list[str]
    warnings: list[str]

    def describe(self) -> list[dict[str, str]]:
        return [dict(s) for s in self.index.claim_sets()]


def load_index(
    path: str | Path | None = None,
    encoding: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Loaded:
    """Claim sets compiled for checking, from the cache when their files are unchanged."""
    from checkclaim import index as ix

    p = Path(path) if path is not None else default_claims_path()
    files = _claim_inputs(p)
    contents = [_read_bytes(f) for f in files]
    key = ix.cache_key(
        [f.name.encode() + b"\0" + data for f, data in zip(files, contents, strict=True)]
    )
    packed = ix.cached_packed(key)
    if packed is None:
        # one file changed in a folder of thousands: only that one is compiled again
        parts = []
        for n, (f, data) in enumerate(zip(files, contents, strict=True)):
            one_key = ix.cache_key([f.name.encode() + b"\0" + data])
            one = ix.cached(one_key) if len(files) > 1 else None
            if one is None:
                cs = _read_claim_set(f, data, encoding)
                part = ix.compile_claims(cs)
                part["source"]["article"] = cs.provenance.file
                if len(files) > 1:
                    ix.store(one_key, [part])
            else:
                part = one[0]
            parts.append(part)
            if progress:
                progress(n + 1, len(files))
        packed = ix.pack(parts)
        ix.store_packed(key, packed)
    for f, source in zip(files, packed["sources"], strict=True):
        source["name"] = str(f)  # as given this time, whatever it was when cached
    warnings = _article_warnings(files, packed["sources"])
    return Loaded(ix.from_packed(packed), [str(f) for f in files], warnings)


def _article_warnings(files: list[Path], sources: list[dict[str, Any]]) -> list[str]:
    """A claim file whose article has changed since it was built deserves a word."""
    out = []
    for f, src in zip(files, sources, strict=True):
        if (
            f.suffix.lower() not in CLAIM_SUFFIXES
            or not src.get("article")
            or not src.get("sha256")
        ):
            continue
        article = f.parent / src["article"]
        if article.is_file() and article.suffix.lower() in ARTICLE_SUFFIXES:
            digest = hashlib.sha256(article.read_bytes()).hexdigest()
            if digest != src["sha256"]:
                out.append(
                    f"{f}: the article {article} has changed since this claim set was built; "
                    "rebuild it with `checkclaim build`"
                )
    return out


# --- checking -------------------------------------------------------------------------------


def _judge(text: str, index: Any, explain: bool = False) -> Result:
    from checkclaim.match import candidates, read_statement
    from checkclaim.verdict import Assessment, assess, complete

    stmt = read_statement(text[:MAX_READ], index)
    if not stmt.words and not stmt.reading.mentions and not stmt.quantities and not stmt.dates:
        return Result(
            text, "unknown", reasons=(Reason("no-claim", "missing", text, "", "nothing to check"),)
        )
    found = candidates(stmt, index)
    if not found:
        return Result(
            text,
            "unknown",
            reasons=(Reason("no-claim", "missing", text, "", "no claim about this"),),
        )
    judged = []
    for i, sim in found:
        entry = index.entries[i]
        a = assess(stmt, entry, index, i)
        judged.append((entry, sim, a))

    supported = [j for j in judged if j[2].verdict == "supported"]
    contradicted = [j for j in judged if j[2].verdict == "contradicted"]
    best_sup = max(supported, key=lambda j: (j[2].coverage, j[1]), default=None)
    # a figure or date the best support gives as the statement does ("412p" and "412 pence a
    # share") is no sign that another claim, with another figure, is the one restated
    # (nor is it when a claim that disputes nothing gives it: "Belgium beat Panama 3-0" against
    # "Sweden defeated South Korea 1 - 0" and "Belgium defeated debutants Panama 3 - 0")
    clean = [j for j in judged if not j[2].conflicts]
    best_clean = best_sup or max(clean, key=lambda j: (j[2].coverage, j[1]), default=None)
    agreed = (
        {(r.kind, r.statement) for r in best_clean[2].reasons if r.status == "agree"}
        if best_clean is not None
        else set()
    )

    def fit(j: tuple[Any, float, Assessment]) -> float:
        a = j[2]
        if a.verdict != "contradicted":
            return a.coverage
        # a changed figure or date is the surer sign of the claim a statement restates
        hard = any(
            r.status == "disagree"
            and r.kind in ("number", "date")
            and (r.kind, r.statement) not in agreed
            for r in a.reasons
        )
        return a.aligned + (FIGURE_BONUS if hard else 0.0)

    # The claim a statement is about is the one that accounts for most of it (a contradiction
    # is measured leaving out the details that disagree). Within one article a support must
    # fit about as well as the best contradiction; across articles, a support wins.
    best_con = max(contradicted, key=lambda j: (fit(j), j[1]), default=None)
    if best_sup is not None and (
        best_con is None
        or best_sup[2].coverage >= fit(best_con) - SUPPORT_MARGIN
        or all(j[0].source != best_sup[0].source for j in contradicted)
    ):
        pick = best_sup
    else:
        pick = max(judged, key=lambda j: (fit(j), j[2].verdict == "contradicted", j[1]))
    if pick[2].verdict == "unknown":
        # the article may give the rest of the statement in another sentence
        done = complete(pick[2], [(j[0], j[2]) for j in judged if j is not pick])
        if done is not None:
            pick = (pick[0], pick[1], done)
    entry, sim, a = pick
    reasons = a.reasons
    if len(text) > MAX_READ:
        note = f"only the first {MAX_READ:,} of {len(text):,} characters were read"
        reasons = (*reasons, Reason("length", "missing", "", "", note))
    if a.verdict == "unknown":
        reasons = (
            *reasons,
            Reason("no-claim", "missing", "", entry.claim.id, "no claim states this"),
        )
    disagreeing = ()
    if a.verdict == "supported" and contradicted:
        disagreeing = tuple(
            sorted({j[0].source for j in contradicted if j[0].source != entry.source})
        )
    cands: tuple[Candidate, ...] = ()
    if explain:
        cands = tuple(
            Candidate(j[0].claim, j[0].source, j[1], round(j[2].coverage, 3)) for j in judged
        )
        cands = tuple(sorted(cands, key=lambda c: (-c.coverage, -c.score)))
    return Result(
        statement=text,
        verdict=a.verdict,
        score=round(sim, 1),
        claim=entry.claim,
        source=entry.source,
        reasons=reasons,
        candidates=cands,
        disagreeing_sources=disagreeing,
        extra={"coverage": round(a.coverage, 3)},
    )


def check(statement: str, loaded: Loaded | Any | None = None, explain: bool = False) -> Result:
    """The verdict on one statement. `loaded` comes from `load_index` (default: shipped claims)."""
    from checkclaim.match import clauses

    if loaded is None:
        loaded = load_index()
    index = loaded.index if isinstance(loaded, Loaded) else loaded
    if not statement.strip():
        raise InputError("the statement is empty")
    whole = _judge(statement, index, explain)
    parts = clauses(statement[:MAX_READ])
    if len(parts) < 2 or whole.verdict == "supported":
        return whole
    judged = tuple(_judge(p, index, explain) for p in parts)
    verdicts = [r.verdict for r in judged]
    if "contradicted" in verdicts:
        main = next(r for r in judged if r.verdict == "contradicted")
        verdict = "contradicted"
    elif all(v == "supported" for v in verdicts):
        main = min(judged, key=lambda r: r.score)
        verdict = "supported"
    else:
        main = next(r for r in judged if r.verdict == "unknown")
        verdict = "unknown"
    return replace(
        main,
        statement=statement,
        verdict=verdict,
        reasons=tuple(r for c in judged for r in c.reasons),
        clauses=judged,
        extra=dict(main.extra),
    )


@dataclass(frozen=True)
class Item:
    """One statement of a batch, where it came from, and fields carried to the output."""

    statement: str
    where: str = ""
    extra: dict[str, Any] | None = None
    error: str = ""  # an item that could not be read


def check_many(
    items: Iterable[Item | str], loaded: Loaded | None = None, explain: bool = False
) -> Iterator[Result]:
    """Verdicts for a stream of statements, in input order; a repeated statement is judged once."""
    if loaded is None:
        loaded = load_index()
    memo: dict[str, Result] = {}
    for item in items:
        if isinstance(item, str):
            item = Item(item)
        if item.error:
            yield Result(item.statement, "error", message=item.error, extra=dict(item.extra or {}))
            continue
        result = memo.get(item.statement)
        if result is None:
            result = check(item.statement, loaded, explain)
            if len(memo) < 100_000:
                memo[item.statement] = result
        if item.extra:
            result = replace(result, extra={**item.extra, **result.extra})
        yield result


def review(*args: Any, **kwargs: Any) -> Any:
    from checkclaim.draft import review_text

    return review_text(*args, **kwargs)
