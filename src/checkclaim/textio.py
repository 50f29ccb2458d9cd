"""Reading the user's files and writing ours: clear errors in, atomic writes out.

Nothing a user wrote is replaced without `force`, and every write goes to a temporary file
beside its destination that is renamed into place, so an interrupted run leaves either the
old file or the new one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from checkclaim.errors import InputError

MAX_FILE_BYTES = 512 * 1024 * 1024


def decode(data: bytes, where: str, encoding: str | None = None) -> str:
    """Bytes as text: UTF-8 (a BOM is dropped) unless `encoding` says otherwise."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise InputError(f"not valid {encoding} at byte {e.start}", where) from None
    if b"\x00" in data[:8192]:
        raise InputError("this is a binary file, not text", where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(
            f"not valid UTF-8 at byte {e.start}; convert the file to UTF-8 or pass --encoding",
            where,
            line,
        ) from None


def read_text(path: Path | str, encoding: str | None = None) -> str:
    """A text file's contents, or an `InputError` that says what is wrong and where."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a folder, not a file", str(p))
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"is too large ({size:,} bytes)", str(p))
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", str(p)) from None
    except PermissionError:
        raise InputError("permission denied", str(p)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", str(p)) from None
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror})", str(p)) from None
    return decode(data, str(p), encoding)


def write_text(path: Path, text: str, force: bool = False) -> None:
    """Write atomically; refuse to replace an existing file unless `force`."""
    if path.exists() and not force:
        raise InputError("already exists; pass --force to replace it", str(path))
    if path.is_dir():
        raise InputError("is a folder; give a file name", str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError("its folder does not exist", str(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_folder(path: Path, files: dict[str, str], force: bool = False) -> None:
    """Write a folder of files beside its destination, then rename it into place."""
    if path.exists() and not path.is_dir():
        raise InputError("exists and is not a folder", str(path))
    if path.exists() and any(path.iterdir()) and not force:
        raise InputError("already exists and is not empty; pass --force to replace it", str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError("its folder does not exist", str(path))
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
    try:
        for name, text in files.items():
            (tmp / name).write_text(text, encoding="utf-8", newline="")
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=parent))
            old.rmdir()
            os.replace(path, old)
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
