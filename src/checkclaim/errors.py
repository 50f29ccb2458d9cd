"""Errors the library raises, written for the user, and the exit codes they map to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # nothing at or above --fail-on
    FINDINGS = 1  # a contradiction (or, with --fail-on unknown, an unknown)
    USAGE = 2  # bad arguments, unreadable input, invalid claim file
    INTERNAL = 3  # a bug: --debug shows the traceback
    INTERRUPTED = 130  # Ctrl-C
    KILLED = 143  # SIGTERM: stopped cleanly, temporary files removed


class CheckclaimError(Exception):
    """Base of every error the library raises on purpose; its message is for the user."""

    exit_code = ExitCode.USAGE


class InputError(CheckclaimError):
    """A file or value the user gave cannot be used."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path if path is not None else ""
        if path is not None and line is not None:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class ClaimFileError(CheckclaimError):
    """A claim file is broken or does not follow the schema."""

    def __init__(
        self, path: str, message: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")
