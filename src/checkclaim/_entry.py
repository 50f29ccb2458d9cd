"""The console script: catches a Ctrl-C that comes while the command line is still loading."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from checkclaim.cli import main as run
    except KeyboardInterrupt:  # before the command line could install its own handling
        sys.exit(130)
    run()
