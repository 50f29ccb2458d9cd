"""The command line: a thin typer app over the library. One place exits, one place catches."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from checkclaim._version import __version__
from checkclaim.errors import CheckclaimError, ExitCode
from checkclaim.models import Result

app = typer.Typer(
    name="checkclaim",
    help=(
        "Check news statements against a reference article: supported, contradicted or "
        "unknown, with the evidence.\n\n"
        'With no command, `checkclaim "STATEMENT" ...` is `checkclaim check "STATEMENT" ...`.'
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

COMMANDS = ("check", "build", "claims", "review")


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class FailOn(StrEnum):
    contradicted = "contradicted"
    unknown = "unknown"
    never = "never"


class InputFormat(StrEnum):
    txt = "txt"
    csv = "csv"
    jsonl = "jsonl"


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(
        stderr=stderr, highlight=False, no_color=bool(os.environ.get("NO_COLOR")) or None
    )


def _err(message: str) -> None:
    """One line on standard error; control characters a file name or a file's text brought
    in are shown as escapes, never obeyed by the terminal."""
    line = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
    with contextlib.suppress(OSError):  # standard error is gone too: nothing left to tell
        sys.stderr.write(f"checkclaim: {line}\n")
        sys.stderr.flush()


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"checkclaim {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Check news statements against a reference article."""


ClaimsOpt = Annotated[
    str | None,
    typer.Option(
        "--claims",
        "-c",
        help="Claim file, folder of claim files, or article (.txt/.md) to check against. "
        "Default: $CHECKCLAIM_CLAIMS, else the shipped claim set.",
        show_default=False,
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print no notes on standard error.")]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Encoding of input files (default UTF-8).", show_default=False),
]


def _counted(results: Iterator[Result], quiet: bool, what: str) -> Iterator[Result]:
    """The results, counted on a progress line on standard error when it is a terminal (and
    nothing otherwise, so that pipes and files get only the data)."""
    if quiet or not sys.stderr.isatty():
        yield from results
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn(f"{{task.completed:,}} {what}"), TimeElapsedColumn())
    with Progress(*columns, console=_console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=None)
        for n, r in enumerate(results, 1):
            if n % 64 == 0:
                bar.update(task, completed=n)
            yield r


def _jobs_option(help: str) -> Any:
    """`--jobs`: how many worker processes check a large input (0: one per core)."""
    return typer.Option("--jobs", "-j", min=0, help=help)


@app.command()
def check(
    statements: Annotated[
        list[str] | None,
        typer.Argument(
            help="Statements to check. Put one that looks like an option after --.",
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        str | None,
        typer.Option(
            "--file",
            "-f",
            help="Read statements from a .txt, .csv or .jsonl file; - for standard input.",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option(
            "--input-format",
            help="Format of --file when its extension does not tell (standard input: txt).",
            show_default=False,
        ),
    ] = None,
    claims: ClaimsOpt = None,
    format: Annotated[
        CheckFormat, typer.Option("--format", "-F", help="Output format.")
    ] = CheckFormat.table,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a verdict at or above this is found.")
    ] = FailOn.contradicted,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Show the candidate claims, their scores and the decision."),
    ] = False,
    jobs: Annotated[
        int,
        _jobs_option(
            "Worker processes for a batch of 512 statements or more. 0: one per core for a "
            "--file on disk; standard input stays in one process, so that each result comes as "
            "soon as its line."
        ),
    ] = 0,
    encoding: EncodingOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Check statements against a claim set.

    Example: checkclaim check "Kenya sends 2,500 officers to Haiti"
    """
    from checkclaim import inputs, report
    from checkclaim.pipeline import Item, check_many, load_index

    if not statements and file is None:
        raise typer.BadParameter("give a statement, or --file PATH (- for standard input)")
    for s in statements or []:
        if not s.strip():
            raise typer.BadParameter("a statement is empty")
    loaded = load_index(claims, encoding)
    if not quiet:
        for w in loaded.warnings:
            _err(f"warning: {w}")
    items: Any = [Item(s, "argument") for s in statements or []]
    if file is not None:
        items = inputs.read_items(file, input_format.value if input_format else None, encoding)
    results: Iterator[Result]
    # Workers take statements in chunks: worth it for a file on disk, not for a stream that
    # a person or another program may be feeding a line at a time.
    if jobs > 1 or (jobs == 0 and file is not None and file != "-" and Path(file).is_file()):
        from checkclaim.parallel import check_parallel

        results = check_parallel(items, claims, jobs, explain, encoding, loaded)
    else:
        results = check_many(items, loaded, explain)
    if file is not None:
        results = _counted(results, quiet, "statements checked")
    summary = report.Summary(fail_on=fail_on.value)
    out = sys.stdout
    # closed whatever happens (a closed pipe, Ctrl-C), so that worker processes stop now
    with contextlib.closing(results):  # type: ignore[type-var]
        if format is CheckFormat.jsonl:
            report.write_jsonl(results, out, summary)
        elif format is CheckFormat.json:
            report.write_json(results, out, summary, loaded.describe())
        elif format is CheckFormat.csv:
            report.write_csv(results, out, summary)
        else:
            report.render_table(results, _console(), summary, explain)
    if format is CheckFormat.table and not quiet and summary.total > 1:
        _err(summary.line())
    if summary.total == 0 and not quiet:
        _err("no statements in the input")
    raise typer.Exit(summary.exit_code)


@app.command()
def build(
    articles: Annotated[
        list[Path],
        typer.Argument(help="Articles (.txt or .md), or folders of them.", show_default=False),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Claim file (one article) or folder (several).",
            show_default=False,
        ),
    ],
    title: Annotated[
        str, typer.Option("--title", help="The article's headline, for the provenance.")
    ] = "",
    date: Annotated[
        str, typer.Option("--date", help="Publication date (YYYY-MM-DD); resolves 'on Thursday'.")
    ] = "",
    source: Annotated[
        str, typer.Option("--source", help="Where the article came from (URL or name).")
    ] = "",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output.")] = False,
    encoding: EncodingOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Build a claim set (YAML) from articles.

    Example: checkclaim build article.txt -o claims/article.yaml --title "Ruto at the UN"
    """
    from checkclaim.pipeline import build_output

    written = build_output(
        articles,
        output,
        title=title,
        date=date,
        source=source,
        force=force,
        encoding=encoding,
        progress=None if quiet or not sys.stderr.isatty() else _progress_bar("building"),
    )
    if not quiet:
        n = sum(len(cs.claims) for cs in written)
        counted = f"{len(written)} article{'s' if len(written) != 1 else ''}"
        _err(f"wrote {n} claims from {counted} to {output}")
    raise typer.Exit(0)


def _progress_bar(what: str) -> Any:
    """A `progress(done, total)` callback drawing a bar on standard error."""
    from rich.progress import Progress

    state: dict[str, Any] = {}

    def tick(done: int, total: int) -> None:
        if "bar" not in state:
            bar = Progress(console=_console(stderr=True), transient=True)
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task(what, total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state["bar"].stop()

    return tick


@app.command("claims")
def claims_cmd(
    claims: ClaimsOpt = None,
    format: Annotated[
        CheckFormat, typer.Option("--format", "-F", help="table or json.")
    ] = CheckFormat.table,
    encoding: EncodingOpt = None,
) -> None:
    """Validate a claim set and list its claims with their details.

    Example: checkclaim claims --claims claims/ruto-unga79.yaml
    """
    from checkclaim import report
    from checkclaim.pipeline import load_claims

    sets = load_claims(claims, encoding)
    if format in (CheckFormat.json, CheckFormat.jsonl):
        from checkclaim.claimfile import to_data

        docs = [{"path": cs.name, **to_data(cs)} for cs in sets]
        sys.stdout.write(report.dumps(docs) + "\n")
    else:
        report.render_claims(sets, _console())
    raise typer.Exit(0)


@app.command()
def review(
    drafts: Annotated[
        list[str],
        typer.Argument(help="Drafts (.md or .txt); - for standard input.", show_default=False),
    ],
    claims: ClaimsOpt = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format", "-F", help="text, line, json, sarif, github or html.", show_default=False
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on", help="Exit 1 when a finding at or above this is found.", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to a file.", show_default=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing --output file.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Accepted findings to leave out.", show_default=False),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            help="Write the current findings as the baseline.",
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Configuration file (default: .checkclaim.toml or pyproject.toml).",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int,
        _jobs_option(
            "Worker processes for drafts of 512 sentences or more: 0 for one per core, 1 to "
            "stay in one process."
        ),
    ] = 0,
    encoding: EncodingOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Check a draft sentence by sentence, like a linter.

    Example: checkclaim review draft.md --format line
    """
    from checkclaim.reviewcli import run_review

    code = run_review(
        drafts=drafts,
        claims=claims,
        format=format,
        fail_on=fail_on.value if fail_on else None,
        output=output,
        force=force,
        baseline=baseline,
        write_baseline=write_baseline,
        config=config,
        encoding=encoding,
        quiet=quiet,
        console=_console,
        jobs=jobs,
        progress=None if quiet or not sys.stderr.isatty() else _progress_bar("reviewing"),
    )
    raise typer.Exit(code)


def _argv(argv: list[str]) -> list[str]:
    """`checkclaim "STATEMENT"` means `checkclaim check "STATEMENT"`."""
    head = argv[: argv.index("--")] if "--" in argv else argv
    if not argv or any(a in COMMANDS for a in head[:1]):
        return argv
    if head[:1] and head[0] in ("-h", "--help", "--version"):
        return argv
    return ["check", *argv]


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn every outcome into an exit status.

    The one place that exits and the one place that catches: a usage error or a
    `CheckclaimError` is one line on standard error and exit 2; Ctrl-C is exit 130 and
    silence; a reader that goes away (`| head`) ends the run quietly with exit 0; anything
    else is a bug, one line and exit 3 (`CHECKCLAIM_DEBUG=1` shows the traceback). A kill
    (SIGTERM) unwinds like Ctrl-C, so no temporary file is left behind.
    """
    args = _argv(list(sys.argv[1:] if argv is None else argv))
    debug = os.environ.get("CHECKCLAIM_DEBUG") == "1"
    _never_fail_to_print()
    restore = _exit_on_sigterm()
    try:
        code = _run(args, debug)
    finally:
        restore()
    try:
        sys.stdout.flush()
    except OSError as e:
        if not _is_pipe_error(e):
            raise
        _quiet_pipe()
        code = ExitCode.OK
    sys.exit(int(code))


def _run(args: list[str], debug: bool) -> int:
    from typer._click.exceptions import NoArgsIsHelpError

    command = typer.main.get_command(app)
    try:
        with command.make_context("checkclaim", args) as ctx:
            command.invoke(ctx)
        return ExitCode.OK
    except typer.Exit as e:
        return int(e.exit_code)
    except (typer.Abort, KeyboardInterrupt, EOFError):
        return ExitCode.INTERRUPTED
    except NoArgsIsHelpError as e:  # `checkclaim` alone: the help, as a usage error
        e.show()
        return ExitCode.USAGE
    except typer.TyperException as e:  # a usage error, from typer's own click
        _err(_usage_line(e))
        return ExitCode.USAGE
    except CheckclaimError as e:
        _err(str(e))
        return int(e.exit_code)
    except OSError as e:
        if not _is_pipe_error(e):
            return _internal(e, debug)
        _quiet_pipe()
        return ExitCode.OK
    except SystemExit as e:
        # rich meets a closed pipe by pointing standard output at /dev/null and exiting 1,
        # which would read as "findings"; a closed pipe is a quiet end here, as above
        if e.code == 1 and _stdout_is_devnull():
            return ExitCode.OK
        raise
    except Exception as e:  # the one place an unexpected error is caught
        return _internal(e, debug)


def _internal(e: Exception, debug: bool) -> int:
    if debug:
        raise e
    _err(f"internal error: {type(e).__name__}: {e} (set CHECKCLAIM_DEBUG=1 for the traceback)")
    return ExitCode.INTERNAL


def _usage_line(e: typer.TyperException) -> str:
    """A usage error in one line, with the command whose help explains it."""
    ctx = getattr(e, "ctx", None)
    path = ctx.command_path if ctx is not None else "checkclaim"
    return f"{e.format_message()} (see '{path} --help')"


def _stdout_is_devnull() -> bool:
    try:
        out, null = os.fstat(sys.stdout.fileno()), os.stat(os.devnull)
    except (OSError, ValueError):
        return False
    return (out.st_dev, out.st_ino) == (null.st_dev, null.st_ino)


def _is_pipe_error(e: OSError) -> bool:
    import errno

    # Windows reports a write to a closed pipe as EINVAL; elsewhere EINVAL is a real error
    closed = (errno.EPIPE, errno.EINVAL) if os.name == "nt" else (errno.EPIPE,)
    return isinstance(e, BrokenPipeError) or e.errno in closed


def _never_fail_to_print() -> None:
    """Text the terminal's encoding cannot show (or a lone surrogate from a non-UTF-8
    argument) is printed as an escape instead of stopping the run."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _exit_on_sigterm() -> Any:
    """Make a kill unwind the stack (running every cleanup) and exit 143, until restored."""
    import signal

    def terminated(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except (ValueError, OSError):  # not the main thread: leave signals alone
        return lambda: None
    return lambda: signal.signal(signal.SIGTERM, previous)


def _quiet_pipe() -> None:
    """The reader went away (`| head`): stop quietly, without a second error at exit."""
    with contextlib.suppress(OSError, ValueError):  # no file behind it: a test's buffer
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
