"""Draft -> a finding for every sentence, with its `line:col` in the original file.

    draft text -> mask (Markdown) -> blocks -> sentences -> check_many -> findings -> Review

Every sentence of a draft becomes a `Finding`, in order, so none goes unseen: the checked ones
carry the check's `Result`; the others have the verdict `skipped` and say why. Positions are
character offsets into the untouched original text, turned into 1-based lines and columns
(counted in characters, as SARIF's `unicodeCodePoints`).

What is not checked (verdict `skipped`):
- a sentence an inline `<!-- checkclaim: ignore -->` comment suppresses (on its line, or on
  the line before it), or one that matches an `ignore` pattern of the configuration;
- a fragment of fewer than two words (a table cell such as "2,500", a "Thanks!");
- a sentence with nothing to check: the check found no content words in it, or the article
  has no claim it agrees or disagrees with and it names nothing and has no figure and no date
  (an opinion, a greeting, a general remark: no article could support or contradict it).

A finding whose fingerprint (its sentence text, claim id and verdict: not its line) is in the
baseline is *accepted*: it is reported, but it does not count towards the exit status.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import re
from bisect import bisect_right
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checkclaim import markdown as md
from checkclaim import sentences
from checkclaim.errors import InputError
from checkclaim.models import Result
from checkclaim.report import Summary

CHECKED = ("supported", "contradicted", "unknown", "error")
FINDING_VERDICTS = ("contradicted", "unknown")  # what a baseline holds and linters report
DRAFT_SUFFIXES = frozenset({".txt", ".text", *md.MARKDOWN_SUFFIXES})
STDIN = "<stdin>"
BASELINE_VERSION = 1

_WORD = re.compile(r"[^\W_]+(?:['\u2019.,-][^\W_]+)*")  # "2,500" and "U.N." are one word
# in plain text as in Markdown, an ignore comment is not prose
_IGNORE_COMMENT = re.compile(r"<!--[ \t]*checkclaim(?:[ \t]*:[ \t]*|-)ignore[ \t]*-->", re.I)
# brackets left empty once their content is hidden ("Somalia (`ATMIS`)") are hidden too
_EMPTY_BRACKETS = re.compile(r"\([ \t]*\)|\[[ \t]*\]")
_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|third"
    r"|quarter|percent|per cent|first|second|fourth|fifth|tenth|twice|double|triple)\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)\b",
    re.IGNORECASE,
)
_ANCHOR_REASONS = frozenset({"number", "date", "entity"})


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft as read: where it came from, its text, and whether it is Markdown."""

    path: str
    text: str
    markdown: bool


@dataclass(frozen=True, slots=True)
class Finding:
    """One sentence of a draft and what the review made of it."""

    path: str
    index: int  # the sentence's number in its draft, from 0
    sentence: str  # the prose as checked: markup hidden, whitespace collapsed
    start: int  # character offsets of the sentence in the original text
    end: int
    line: int  # 1-based; columns count characters
    column: int
    end_line: int
    end_column: int  # the column just after the sentence's last character
    verdict: str  # supported | contradicted | unknown | error | skipped
    result: Result | None = None  # None when the sentence was not checked
    skip_reason: str = ""  # for `skipped`: why
    suppressed: str = ""  # "" | "inline" (an ignore comment) | "config" (an ignore pattern)
    accepted: bool = False  # in the baseline: reported, not counted
    marks: tuple[tuple[int, int], ...] = ()  # the disagreeing parts, offsets into `sentence`
    spans: tuple[tuple[int, int], ...] = ()  # the same parts, offsets into the original text
    fingerprint: str = ""

    @property
    def checked(self) -> bool:
        return self.verdict in CHECKED

    @property
    def counts(self) -> bool:
        """True when the finding counts towards the summary and the exit status."""
        return self.checked and not self.accepted

    @property
    def claim_id(self) -> str | None:
        r = self.result
        return r.claim.id if r is not None and r.claim is not None else None

    @property
    def message(self) -> str:
        """One line for a person: why the verdict."""
        r = self.result
        if r is None:
            return self.skip_reason
        if r.verdict == "error":
            return r.message
        if r.verdict == "contradicted":
            parts = [
                f"{x.kind}: {x.message or _versus(x.statement, x.claim)}"
                for x in r.reasons
                if x.status == "disagree"
            ]
            return "; ".join(dict.fromkeys(parts)) or "the article says otherwise"
        if r.verdict == "unknown":
            if r.claim is None:
                return "no claim of the article is about this"
            return "the article does not state this"
        return "agrees with the article"


def _versus(statement: str, claim: str) -> str:
    if statement and claim:
        return f"{statement} (the article: {claim})"
    return statement or claim or "disagrees"


@dataclass
class Review:
    """The findings of a review, in draft order, and the counts that decide the exit status."""

    drafts: list[Draft]
    findings: list[Finding]
    summary: Summary  # counts of the checked findings that are not accepted
    claim_sets: list[dict[str, str]] = field(default_factory=list)
    ignored_files: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(1 for f in self.findings if f.verdict == "skipped")

    @property
    def accepted(self) -> int:
        return sum(1 for f in self.findings if f.accepted)

    @property
    def exit_code(self) -> int:
        return int(self.summary.exit_code)

    def for_path(self, path: str) -> list[Finding]:
        return [f for f in self.findings if f.path == path]

    def summary_dict(self) -> dict[str, Any]:
        from checkclaim._version import __version__

        return {
            "files": len(self.drafts),
            "sentences": len(self.findings),
            "checked": sum(1 for f in self.findings if f.counts),
            **self.summary.as_dict(),
            "skipped": self.skipped,
            "accepted": self.accepted,
            "fail_on": self.summary.fail_on,
            "exit_code": self.exit_code,
            "checkclaim": __version__,
            "claim_sets": self.claim_sets,
        }


# --- reading ------------------------------------------------------------------------------


def is_ignored_file(path: str, patterns: Sequence[str], root: Path | None = None) -> str:
    """The first `ignore` pattern that matches the path: as given, relative to `root` (the
    configuration file's folder) or its name alone; "" when none does."""
    p = Path(path)
    forms = [p.as_posix(), p.name]
    if root is not None:
        with contextlib.suppress(ValueError):  # a draft outside the configuration's folder
            forms.append(p.resolve().relative_to(root.resolve()).as_posix())
    for pattern in patterns:
        if any(fnmatch.fnmatchcase(form, pattern) for form in forms):
            return pattern
    return ""


def draft_files(
    paths: Iterable[str], ignore: Sequence[str] = (), root: Path | None = None
) -> tuple[list[str], list[str]]:
    """The draft files the paths name (a folder: its .md and .txt files, recursively, hidden
    ones left out), and those an `ignore` pattern leaves out. `-` (standard input) is kept."""
    out: list[str] = []
    left_out: list[str] = []
    for given in paths:
        if given == "-":
            out.append(given)
            continue
        p = Path(given)
        if p.is_dir():
            found = sorted(
                str(x)
                for x in p.rglob("*")
                if x.is_file()
                and x.suffix.lower() in DRAFT_SUFFIXES
                and not any(part.startswith(".") for part in x.relative_to(p).parts)
            )
            if not found:
                raise InputError("holds no drafts (.md, .txt)", given)
        elif not p.exists():
            raise InputError("no such file", given)
        else:
            found = [given]
        for f in found:
            (left_out if is_ignored_file(f, ignore, root) else out).append(f)
    return out, left_out


def read_draft(path: str, encoding: str | None = None) -> Draft:
    """A draft file; an `InputError` when it cannot be read."""
    from checkclaim.textio import read_text

    return Draft(path, read_text(path, encoding), reads_as_markdown(path))


def reads_as_markdown(path: str) -> bool:
    """A Markdown suffix, no suffix at all, or standard input: Markdown; else plain text."""
    return path == STDIN or md.is_markdown(path) or Path(path).suffix == ""


# --- reviewing ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Piece:
    draft: int
    index: int
    sentence: str
    start: int
    end: int
    suppressed: str
    skip_reason: str


def review_text(
    text: str,
    path: str = STDIN,
    loaded: Any = None,
    *,
    markdown: bool | None = None,
    ignore: Sequence[str] = (),
    baseline: Iterable[str] = (),
    fail_on: str = "contradicted",
) -> Review:
    """Review one draft's text. `markdown` defaults to what the path's suffix says (Markdown
    for standard input and for a path with no suffix)."""
    draft = Draft(path, text, reads_as_markdown(path) if markdown is None else markdown)
    return review_drafts([draft], loaded, ignore=ignore, baseline=baseline, fail_on=fail_on)


def review_drafts(
    drafts: Sequence[Draft],
    loaded: Any = None,
    *,
    ignore: Sequence[str] = (),
    baseline: Iterable[str] = (),
    fail_on: str = "contradicted",
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    claims_path: str | Path | None = None,
    encoding: str | None = None,
) -> Review:
    """Review drafts against the claim sets `loaded` (from `pipeline.load_index`, of
    `claims_path`). Every sentence is checked once however often it occurs, across all the
    drafts; `progress` is told how many sentences are done. With `jobs` other than 1, a draft
    of many sentences is checked in worker processes (0: one per core), with the same result."""
    from checkclaim.pipeline import check_many, load_index

    if loaded is None:
        loaded = load_index()
    masks: list[str] = []
    pieces: list[_Piece] = []
    for n, d in enumerate(drafts):
        masked, found = _pieces(n, d, ignore)
        masks.append(masked)
        pieces.extend(found)
    to_check = [p.sentence for p in pieces if not p.skip_reason]
    results: Generator[Result, None, None] | Iterator[Result]
    if jobs != 1:
        from checkclaim.parallel import check_parallel

        results = check_parallel(to_check, claims_path, jobs, False, encoding, loaded)
    else:
        results = check_many(to_check, loaded)
    findings = []
    starts = [line_starts(d.text) for d in drafts]
    with contextlib.closing(results):  # type: ignore[type-var]  # workers stop here, always
        for n, p in enumerate(pieces, 1):
            result = None if p.skip_reason else next(results)
            if progress is not None and (n % 64 == 0 or n == len(pieces)):
                progress(n, len(pieces))
            findings.append(_finding(drafts[p.draft], masks[p.draft], starts[p.draft], p, result))
    claim_sets = loaded.describe() if hasattr(loaded, "describe") else []
    review = Review(list(drafts), findings, _summary(findings, fail_on), claim_sets)
    accepted = frozenset(baseline)
    return accept(review, accepted) if accepted else review


def accept(review: Review, fingerprints: Iterable[str]) -> Review:
    """The review with the findings whose fingerprints are given accepted (as a baseline)."""
    fps = frozenset(fingerprints)
    findings = [replace(f, accepted=f.checked and f.fingerprint in fps) for f in review.findings]
    return replace(review, findings=findings, summary=_summary(findings, review.summary.fail_on))


def _summary(findings: Iterable[Finding], fail_on: str) -> Summary:
    summary = Summary(fail_on=fail_on)
    for f in findings:
        if f.counts:
            summary.add(f.verdict)
    return summary


def prose(d: Draft) -> str:
    """The draft with what is not checked (markup, code, front matter) turned into spaces;
    the same length as the draft, so offsets into it are offsets into the draft."""
    if not d.markdown:  # plain text: only the ignore comments are not prose
        return _IGNORE_COMMENT.sub(lambda m: " " * len(m.group()), d.text)
    masked = md.mask(d.text)
    return _EMPTY_BRACKETS.sub(lambda m: " " * len(m.group()), masked)


def _pieces(n: int, d: Draft, ignore: Sequence[str]) -> tuple[str, list[_Piece]]:
    """The draft's prose (`markdown.mask`) and its sentences, with what is not to be checked."""
    text = d.text
    masked = prose(d)
    # plain text: paragraphs are runs of non-blank lines (a "\r\n" line is blank too)
    spans = md.blocks(masked, text) if d.markdown else md.blocks(masked)
    lines = md.ignored_lines(text, markdown=d.markdown)
    starts = line_starts(text) if lines else []
    out = []
    for i, s in enumerate(_split(masked, spans)):
        sentence, _ = visible_text(text, masked, s.start, s.end)
        suppressed = skip = ""
        if lines and _touches(starts, s.start, s.end, lines):
            suppressed, skip = "inline", "ignored by a checkclaim: ignore comment"
        elif pattern := _ignored_sentence(sentence, ignore):
            suppressed, skip = "config", f"ignored by the pattern {pattern!r}"
        elif len(_WORD.findall(sentence)) < 2:
            skip = "a fragment, not a statement"
        out.append(_Piece(n, i, sentence, s.start, s.end, suppressed, skip))
    return masked, out


# pySBD ends a sentence at a line break after a blank or a "\r": a wrapped line of a CRLF
# draft, or one whose last word was bold, would be cut in two. The splitter is given the
# break first and the blanks after it instead: the same length, so offsets stay true.
_LINE_END = re.compile(r"[ \t\r]+\n")


def _newline_first(m: re.Match[str]) -> str:
    return "\n" + " " * (len(m.group()) - 1)


def _split(masked: str, spans: list[tuple[int, int]]) -> list[_Span]:
    """`sentences.split`, each distinct block split once: drafts repeat boilerplate, and the
    splitter is the slowest stage."""
    memo: dict[str, list[tuple[int, int]]] = {}
    out: list[tuple[int, int]] = []
    for start, end in spans:
        chunk = _LINE_END.sub(_newline_first, masked[start:end])
        rel = memo.get(chunk)
        if rel is None:
            rel = [(x.start, x.end) for x in sentences.split(chunk, [(0, len(chunk))])]
            memo[chunk] = rel
        out.extend((start + s, start + e) for s, e in rel)
    return [_Span(s, e) for s, e in out]


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


_VISIBLE = re.compile(r"\S+")
_CLOSING = frozenset(",.;:!?)]}\u201d\u2019")


def visible_text(text: str, masked: str, start: int, end: int) -> tuple[str, list[int]]:
    """The sentence as a reader sees it, and the original offset of each of its characters.

    Runs of whitespace become one space. Hidden markup becomes nothing when it sat inside a
    word (`80**th**` reads "80th") or before closing punctuation (`Somalia (`X`),` reads
    "Somalia,"), else one space, placed at the start of the run.
    """
    chars: list[str] = []
    offsets: list[int] = []
    prev_end = -1
    for m in _VISIBLE.finditer(masked, start, end):
        a, b = m.span()
        if prev_end >= 0:
            gap = text[prev_end:a]
            spaced = any(c.isspace() for c in gap)
            hidden = not gap.isspace()
            if spaced and not (hidden and masked[a] in _CLOSING):
                chars.append(" ")
                offsets.append(prev_end)
        chars.append(masked[a:b])
        offsets.extend(range(a, b))
        prev_end = b
    return "".join(chars), offsets


def line_starts(text: str) -> list[int]:
    """The offset at which each line of `text` starts, for `line_col`."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _touches(starts: list[int], start: int, end: int, lines: set[int]) -> bool:
    """True when a line the span touches is one of `lines` (1-based)."""
    first = bisect_right(starts, start)
    last = bisect_right(starts, max(start, end - 1))
    return any(k in lines for k in range(first, last + 1))


def _ignored_sentence(sentence: str, patterns: Sequence[str]) -> str:
    """The first pattern (a glob, case-insensitive) matching the whole sentence, or ""."""
    folded = sentence.casefold()
    for p in patterns:
        if fnmatch.fnmatchcase(folded, p.casefold()):
            return p
    return ""


def has_anchor(sentence: str, result: Result | None = None) -> bool:
    """True when the sentence has a figure, a date or a name (a capitalised word after its
    first, or an acronym), or the check compared one."""
    if _FIGURE.search(sentence) or _DATE.search(sentence):
        return True
    words = _WORD.findall(sentence)
    for k, w in enumerate(words):
        if sum(c.isupper() for c in w) >= 2 or (k > 0 and w[0].isupper() and w != "I"):
            return True
    if result is not None:
        reasons = (*result.reasons, *(x for c in result.clauses for x in c.reasons))
        return any(x.kind in _ANCHOR_REASONS and x.statement.strip() for x in reasons)
    return False


def nothing_to_check(sentence: str, result: Result) -> bool:
    """The rule for `skipped` after a check: see the module's docstring."""
    if result.verdict != "unknown":
        return False
    if result.claim is None and any(x.message == "nothing to check" for x in result.reasons):
        return True
    return not has_anchor(sentence, result)


def line_col(line_starts: list[int], offset: int) -> tuple[int, int]:
    """`sentences.line_col`, by bisection over the lines' starts: a long draft stays linear."""
    line = bisect_right(line_starts, offset)
    return line, offset - line_starts[line - 1] + 1


def _finding(
    d: Draft, masked: str, line_starts: list[int], p: _Piece, result: Result | None
) -> Finding:
    line, col = line_col(line_starts, p.start)
    end_line, end_col = line_col(line_starts, p.end)
    verdict, skip = "skipped", p.skip_reason
    if result is not None:
        if nothing_to_check(p.sentence, result):
            skip, result = "nothing to check", None
        else:
            verdict = result.verdict
    marks = _marks(p.sentence, result) if result is not None else ()
    spans: tuple[tuple[int, int], ...] = ()
    if marks:
        _, offsets = visible_text(d.text, masked, p.start, p.end)
        spans = tuple((offsets[s], offsets[e - 1] + 1) for s, e in marks)
    claim_id = result.claim.id if result is not None and result.claim is not None else ""
    return Finding(
        path=d.path,
        index=p.index,
        sentence=p.sentence,
        start=p.start,
        end=p.end,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        verdict=verdict,
        result=result,
        skip_reason=skip,
        suppressed=p.suppressed,
        marks=marks,
        spans=spans,
        fingerprint=fingerprint(p.sentence, claim_id, verdict),
    )


def _marks(sentence: str, result: Result) -> tuple[tuple[int, int], ...]:
    """Where in the sentence the details the article disagrees with are."""
    if result.verdict != "contradicted":
        return ()
    reasons = (*result.reasons, *(x for c in result.clauses for x in c.reasons))
    found: set[tuple[int, int]] = set()
    for x in reasons:
        if x.status != "disagree" or not x.statement.strip():
            continue
        needle = re.escape(x.statement.strip()).replace(r"\ ", r"\s+")
        left = r"\b" if x.statement.strip()[0].isalnum() else ""
        right = r"\b" if x.statement.strip()[-1].isalnum() else ""
        m = re.search(left + needle + right, sentence, re.IGNORECASE)
        if m:
            found.add(m.span())
    out: list[tuple[int, int]] = []
    for s, e in sorted(found):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return tuple(out)


# --- fingerprints and baselines -----------------------------------------------------------


def fingerprint(sentence: str, claim_id: str | None, verdict: str) -> str:
    """What identifies a finding across edits elsewhere in the draft: its sentence (case and
    spacing aside), the claim it was judged against and its verdict. Not its line."""
    key = "\0".join((" ".join(sentence.casefold().split()), claim_id or "", verdict))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def baseline_text(review: Review) -> str:
    """The review's contradicted and unknown findings as a baseline file (JSON, stable order)."""
    rows = [
        {
            "fingerprint": f.fingerprint,
            "path": f.path,
            "line": f.line,
            "verdict": f.verdict,
            "claim_id": f.claim_id,
            "sentence": f.sentence,
        }
        for f in review.findings
        if f.verdict in FINDING_VERDICTS
    ]
    doc = {"checkclaim_baseline": BASELINE_VERSION, "findings": rows}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: Path | str, encoding: str | None = None) -> frozenset[str]:
    """The fingerprints of a baseline file written by `baseline_text`."""
    from checkclaim.textio import read_text

    text = read_text(path, encoding)
    where = str(path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(
            f"is not a checkclaim baseline: invalid JSON at line {e.lineno} ({e.msg}); "
            "write one with --write-baseline",
            where,
        ) from None
    if not isinstance(doc, dict) or "checkclaim_baseline" not in doc:
        raise InputError("is not a checkclaim baseline; write one with --write-baseline", where)
    if doc["checkclaim_baseline"] != BASELINE_VERSION:
        raise InputError(
            f"is a baseline of version {doc['checkclaim_baseline']!r}; this checkclaim reads "
            f"version {BASELINE_VERSION}: write it again with --write-baseline",
            where,
        )
    rows = doc.get("findings")
    if not isinstance(rows, list) or not all(
        isinstance(r, dict) and isinstance(r.get("fingerprint"), str) for r in rows
    ):
        raise InputError(
            "has no list of findings with fingerprints; write it again with --write-baseline",
            where,
        )
    return frozenset(r["fingerprint"] for r in rows)
