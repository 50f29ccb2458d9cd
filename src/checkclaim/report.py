"""Rendering results (table, json, jsonl, csv) and the exit status they give.

Machine formats print nothing but the data, with keys in a fixed order, so the same input
gives byte-identical output. The terminal table uses rich, imported only when it is drawn.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from checkclaim._version import __version__
from checkclaim.errors import ExitCode
from checkclaim.models import Result

FAIL_LEVELS = ("contradicted", "unknown", "never")
VERDICT_STYLE = {
    "supported": "bold green",
    "contradicted": "bold red",
    "unknown": "bold yellow",
    "skipped": "dim",
    "error": "bold magenta",
}


@dataclass
class Summary:
    """Counts of a run; `exit_code` is the one place the exit status is decided."""

    fail_on: str = "contradicted"
    counts: dict[str, int] = field(
        default_factory=lambda: {"supported": 0, "contradicted": 0, "unknown": 0, "error": 0}
    )

    def add(self, verdict: str) -> None:
        self.counts[verdict] = self.counts.get(verdict, 0) + 1

    @property
    def total(self) -> int:
        return sum(v for k, v in self.counts.items() if k != "skipped")

    @property
    def exit_code(self) -> ExitCode:
        if self.counts.get("error"):
            return ExitCode.USAGE
        if self.fail_on == "never":
            return ExitCode.OK
        if self.counts.get("contradicted"):
            return ExitCode.FINDINGS
        if self.fail_on == "unknown" and self.counts.get("unknown"):
            return ExitCode.FINDINGS
        return ExitCode.OK

    def line(self, noun: str = "checked") -> str:
        c = self.counts
        parts = [f"{c.get(k, 0)} {k}" for k in ("supported", "contradicted", "unknown")]
        if c.get("error"):
            parts.append(f"{c['error']} error" + ("s" if c["error"] != 1 else ""))
        checked = sum(c.get(k, 0) for k in ("supported", "contradicted", "unknown", "error"))
        return f"{checked} {noun}: " + ", ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {k: self.counts.get(k, 0) for k in ("supported", "contradicted", "unknown", "error")}


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return chr(0x2400 + code) if code < 0x20 else ("\u2421" if code == 0x7F else "\ufffd")


def printable(text: str) -> str:
    """Text for a terminal: a control character (an escape sequence in a statement) is shown
    as its picture (U+2400 block), never obeyed; the length stays, so offsets hold."""
    return _CONTROL.sub(_picture, text)


def result_dict(r: Result) -> dict[str, Any]:
    """A result in the shape of the machine formats (see the README and schema/)."""
    if r.verdict == "error":
        out: dict[str, Any] = {"statement": r.statement, "verdict": "error", "message": r.message}
        out.update({k: v for k, v in r.extra.items() if k not in out})
        return out
    c = r.claim
    out = {
        "statement": r.statement,
        "verdict": r.verdict,
        "score": r.score,
        "claim_id": c.id if c else None,
        "claim": c.text if c else None,
        "evidence": c.evidence if c else None,
        "source": r.source or None,
        "reasons": [x.as_dict() for x in r.reasons],
    }
    if r.clauses:
        out["clauses"] = [
            {
                "statement": x.statement,
                "verdict": x.verdict,
                "claim_id": x.claim.id if x.claim else None,
                "evidence": x.claim.evidence if x.claim else None,
                "reasons": [y.as_dict() for y in x.reasons],
            }
            for x in r.clauses
        ]
    if r.disagreeing_sources:
        out["disagreeing_sources"] = list(r.disagreeing_sources)
    if r.candidates:
        out["candidates"] = [
            {
                "claim_id": k.claim.id,
                "score": k.score,
                "coverage": k.coverage,
                "claim": k.claim.text,
            }
            for k in r.candidates
        ]
    for k, v in r.extra.items():
        out.setdefault(k, v)
    return out


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def write_jsonl(results: Iterable[Result], out: TextIO, summary: Summary) -> None:
    for r in results:
        summary.add(r.verdict)
        out.write(dumps(result_dict(r)) + "\n")
        out.flush() if out.isatty() else None


def write_json(
    results: Iterable[Result], out: TextIO, summary: Summary, claim_sets: list[dict[str, str]]
) -> None:
    rows = []
    for r in results:
        summary.add(r.verdict)
        rows.append(result_dict(r))
    doc = {
        "results": rows,
        "summary": {
            **summary.as_dict(),
            "total": len(rows),
            "checkclaim": __version__,
            "claim_sets": claim_sets,
        },
    }
    out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


CSV_COLUMNS = (
    "statement",
    "verdict",
    "score",
    "claim_id",
    "claim",
    "evidence",
    "source",
    "reasons",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet will show and never run: formulas are quoted with a leading '."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    # a bare carriage return would start a new row in a spreadsheet, and a formula with it
    return text.replace("\r\n", "\n").replace("\r", "\n")


def write_csv(results: Iterable[Result], out: TextIO, summary: Summary) -> None:
    writer = csv.writer(out, lineterminator="\n")
    extra_cols: list[str] | None = None
    for r in results:
        summary.add(r.verdict)
        d = result_dict(r)
        if extra_cols is None:
            extra_cols = [k for k in r.extra if k not in CSV_COLUMNS and k != "coverage"]
            writer.writerow(list(CSV_COLUMNS) + extra_cols)
        reasons = "; ".join(
            f"{x['kind']}: {x['message'] or x['status']}" for x in d.get("reasons", [])
        ) or d.get("message", "")
        row = [d.get(k) for k in CSV_COLUMNS[:-1]] + [reasons]
        row += [d.get(k) for k in extra_cols]
        writer.writerow(
            [
                csv_cell(v if isinstance(v, str | int | float) or v is None else dumps(v))
                for v in row
            ]
        )


def reason_lines(r: Result) -> Iterator[tuple[str, str]]:
    """(style, text) lines that explain a verdict to a person."""
    for x in r.reasons:
        if x.kind == "no-claim" and r.verdict != "unknown":
            continue
        if x.status == "agree":
            yield "green", f"✓ {x.kind}: {x.message or x.statement + ' = ' + x.claim}"
        elif x.status == "disagree":
            yield "red", f"✗ {x.kind}: {x.message}"
        else:
            yield "yellow", f"? {x.kind}: {x.message}"


def render_table(
    results: Iterable[Result], console: Any, summary: Summary, explain: bool = False
) -> None:
    """Human output: one block a statement, coloured verdict, claim, evidence and reasons."""
    from rich.text import Text

    for r in results:
        summary.add(r.verdict)
        head = Text()
        head.append(f"{r.verdict.upper():<13}", style=VERDICT_STYLE.get(r.verdict, ""))
        head.append(printable(r.statement))
        console.print(head)
        if r.verdict == "error":
            console.print(Text(f"  {printable(r.message)}", style="magenta"))
            continue
        if r.claim is not None:
            label = "matched" if r.verdict != "unknown" else "closest"
            src = f" ({r.source})" if r.source else ""
            console.print(
                Text(f"  {label} claim {r.claim.id}{src}, score {r.score:g}", style="dim")
            )
            console.print(Text(f"  article: {printable(r.claim.evidence)}", style="italic"))
        for style, line in reason_lines(r):
            console.print(Text(f"    {printable(line)}", style=style))
        if r.disagreeing_sources:
            console.print(
                Text(f"  sources that disagree: {', '.join(r.disagreeing_sources)}", style="yellow")
            )
        if explain and r.candidates:
            console.print(Text("  candidates:", style="dim"))
            for k in r.candidates:
                console.print(
                    Text(
                        f"    {k.claim.id}  score {k.score:.1f}  coverage {k.coverage:.2f}  "
                        f"{k.claim.text[:90]}",
                        style="dim",
                    )
                )
        console.print()


def render_claims(sets: Iterable[Any], console: Any) -> None:
    """A claim set listed for a person: ids, text and the structured details."""
    from rich.text import Text

    for cs in sets:
        p = cs.provenance
        console.print(
            Text(
                f"{cs.name}: {len(cs.claims)} claims" + (f" — {p.title}" if p.title else ""),
                style="bold",
            )
        )
        for c in cs.claims:
            console.print(Text(f"{c.id}  (sentence {c.sentence})", style="cyan"))
            console.print(Text(f"  {printable(c.text)}"))
            details = []
            details += [
                f"figure {q.text} {q.unit} {q.interval}".replace("  ", " ") for q in c.quantities
            ]
            details += [f"date {d.relation + ' ' if d.relation else ''}{d.text}" for d in c.dates]
            details += [
                f"{e.kind} {e.text}" + (f" ({e.role})" if e.role else "") for e in c.entities
            ]
            if c.context:
                details.append("refers to " + ", ".join(c.context))
            if c.negated:
                details.append("negated")
            for d in details:
                console.print(Text(f"    {d}", style="dim"))
        console.print()
