"""`checkclaim review`: read the drafts and settings, one library call, render, exit status.

Kept out of cli.py so the typer app stays a list of commands; nothing here decides a verdict.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checkclaim.errors import InputError


def _note(message: str) -> None:
    sys.stderr.write(f"checkclaim: {message}\n")


def _read_stdin(encoding: str | None) -> str:
    from checkclaim.textio import decode

    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    return decode(data, "<stdin>", encoding)


def run_review(
    drafts: list[str],
    claims: str | None,
    format: str | None,
    fail_on: str | None,
    output: Path | None,
    force: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    config: Path | None,
    encoding: str | None,
    quiet: bool,
    console: Callable[..., Any],
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
) -> int:
    """Review the drafts and print the report; return the exit status."""
    from checkclaim import draft as dr
    from checkclaim import review_report
    from checkclaim.config import resolve
    from checkclaim.pipeline import load_index
    from checkclaim.textio import write_text

    if drafts.count("-") > 1:
        raise InputError("standard input (-) can be given only once")
    first = next((Path(d) for d in drafts if d != "-"), None)
    start = (first if first.is_dir() else first.parent) if first is not None else Path.cwd()
    settings = resolve(claims=claims, fail_on=fail_on, format=format, config=config, start=start)
    if output is not None and output.exists() and not force:
        raise InputError("already exists; pass --force to replace it", str(output))

    root = Path(settings.config_path).parent if settings.config_path else None
    files, left_out = dr.draft_files(drafts, settings.ignore, root)
    docs = [
        dr.Draft(dr.STDIN, _read_stdin(encoding), True) if f == "-" else dr.read_draft(f, encoding)
        for f in files
    ]
    loaded = load_index(settings.claims, encoding)
    accepted = dr.read_baseline(baseline) if baseline is not None else frozenset()
    if not quiet:
        for w in loaded.warnings:
            _note(f"warning: {w}")

    review = dr.review_drafts(
        docs,
        loaded,
        ignore=settings.ignore,
        baseline=accepted,
        fail_on=settings.fail_on,
        progress=progress,
        jobs=jobs,
        claims_path=settings.claims,
        encoding=encoding,
    )
    review.ignored_files = left_out

    if write_baseline is not None:
        write_text(write_baseline, dr.baseline_text(review), force=True)
        written = [f.fingerprint for f in review.findings if f.verdict in dr.FINDING_VERDICTS]
        review = dr.accept(review, written)
        if not quiet:
            n = len(written)
            _note(f"wrote {n} finding{'s' if n != 1 else ''} to the baseline {write_baseline}")

    if not quiet:
        if not docs:
            _note("every draft given is ignored by the configuration's ignore patterns")
        elif not review.findings:
            _note("no sentences in the draft" + ("s" if len(docs) > 1 else ""))

    if settings.format == "text":
        if output is None:
            review_report.render_text(review, console())
        else:
            from rich.console import Console

            buffer = io.StringIO()
            review_report.render_text(review, Console(file=buffer, width=100, no_color=True))
            write_text(output, buffer.getvalue(), force=force)
    else:
        rendered = review_report.render(review, settings.format)
        if output is None:
            sys.stdout.write(rendered)
        else:
            write_text(output, rendered, force=force)
    return review.exit_code
