"""Reading the user's files and writing ours: clear errors in, atomic writes out.

Reading: UTF-8 with or without a byte-order mark (UTF-16 and UTF-32 too when a BOM says so),
or the `--encoding` given; a binary file, a device, a folder or an undecodable byte is an
`InputError` that names the file (and the line and byte) and says what to do.

Writing: nothing a user wrote is replaced without `force`, and every write goes to a
temporary file beside its destination that is renamed into place, so an interrupted run
(Ctrl-C, a kill, a full disk) leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import codecs
import os
import shutil
import stat
import tempfile
from pathlib import Path

from checkclaim.errors import InputError

MAX_FILE_BYTES = 512 * 1024 * 1024
PERMISSION = "permission denied; make the file readable (chmod +r) or copy it"
BINARY_SNIFF = 8192  # bytes looked at for a NUL, the mark of a binary file

# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings whose text is full of NUL bytes and whose lines cannot be cut at b"\n".
_WIDE = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def codec(encoding: str) -> str:
    """The canonical name of an encoding the user named, or an `InputError`."""
    try:
        return codecs.lookup(encoding).name
    except (LookupError, ValueError):
        raise InputError(
            f"unknown encoding {encoding!r}; give one Python knows, like utf-8, latin-1 or cp1252"
        ) from None


def is_wide(name: str) -> bool:
    """Whether an encoding (canonical name) is UTF-16 or UTF-32."""
    return name in _WIDE


def sniff(head: bytes, where: str, encoding: str | None = None) -> str:
    """The codec to read bytes starting with `head`: the one given, else by BOM, else UTF-8.

    Content with a NUL byte near its start is binary (unless the encoding is UTF-16 or -32).
    """
    binary = InputError("is a binary file, not text; give a plain-text file", where)
    if encoding:
        name = codec(encoding)
        if name == "utf-8":
            name = "utf-8-sig"  # a BOM is never part of the text
        if not is_wide(name) and b"\x00" in head[:BINARY_SNIFF]:
            raise binary
        return name
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head[:BINARY_SNIFF]:
        raise binary
    return "utf-8-sig"


def undecodable(name: str, where: str, offset: int, line: int | None) -> InputError:
    """The error for a byte at `offset` of a file that encoding `name` cannot read."""
    if name in ("utf-8", "utf-8-sig"):
        what = f"not valid UTF-8 at byte {offset}"
        todo = "convert the file to UTF-8 or pass its encoding, e.g. --encoding latin-1"
    else:
        what = f"not valid {name} at byte {offset}"
        todo = "pass the file's real --encoding"
    return InputError(f"{what}; {todo}", where, line)


def decode(data: bytes, where: str, encoding: str | None = None) -> str:
    """Bytes as text: UTF-8 (a BOM is dropped) unless a BOM or `encoding` says otherwise."""
    name = sniff(data, where, encoding)
    try:
        text = data.decode(name)
    except UnicodeDecodeError as e:
        line = None if is_wide(name) else data.count(b"\n", 0, e.start) + 1
        raise undecodable(name, where, e.start, line) from None
    return text.removeprefix("\ufeff")


def read_text(path: Path | str, encoding: str | None = None) -> str:
    """A text file's contents, or an `InputError` that says what is wrong and where."""
    p = Path(path)
    where = str(p)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a folder, not a file; name a file in it", where)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise InputError("is a device or socket, not a file; give a text file", where)
        if st.st_size > MAX_FILE_BYTES:
            size = f"{st.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
            raise InputError(f"is too large ({size}); split it", where)
        with open(p, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # a pipe has no size: read one byte past the limit
        if len(data) > MAX_FILE_BYTES:
            raise InputError(f"is too large (over {MAX_FILE_BYTES:,} bytes)", where)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError("no such file; check the name and the folder", where) from None
    except PermissionError:
        raise InputError(PERMISSION, where) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file; name a file in it", where) from None
    except ValueError:  # a NUL in the name
        raise InputError("is not a valid file name", where.replace("\x00", "\\0")) from None
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror or e})", where) from None
    return decode(data, where, encoding)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _new_mode(path: Path, default: int) -> int:
    """The permissions a written file or folder gets: the old file's, else the umask's."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return default & ~_umask()


def _unwritable(e: OSError, where: str) -> InputError:
    return InputError(f"cannot be written ({e.strerror or e}); nothing was changed", where)


def write_text(path: Path, text: str, force: bool = False) -> None:
    """Write atomically; refuse to replace an existing file unless `force`."""
    where = str(path)
    if path.is_dir():
        raise InputError("is a folder; give a file name", where)
    if (path.exists() or path.is_symlink()) and not force:
        raise InputError("already exists; pass --force to replace it", where)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError("its folder does not exist; create it first", where)
    mode = _new_mode(path, 0o666)
    data = text.encode("utf-8", "replace")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as e:
        raise InputError(f"cannot write in its folder ({e.strerror or e})", where) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise _unwritable(e, where) from None
        raise


def write_folder(path: Path, files: dict[str, str], force: bool = False) -> None:
    """Write a folder of files.

    A new (or empty) folder is filled beside its destination and renamed into place. In a
    folder that holds files already (`force` needed), each of `files` is replaced atomically
    and every other file is left alone: a build never deletes what it did not write.
    """
    where = str(path)
    if path.exists() and not path.is_dir():
        raise InputError("exists and is not a folder", where)
    if path.is_dir() and any(path.iterdir()):
        if not force:
            raise InputError("already exists and is not empty; pass --force to replace it", where)
        for name, text in files.items():
            write_text(path / name, text, force=True)
        return
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError("its folder does not exist; create it first", where)
    mode = _new_mode(path, 0o777)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
    except OSError as e:
        raise InputError(f"cannot write in its folder ({e.strerror or e})", where) from None
    try:
        for name, text in files.items():
            file_mode = 0o666 & ~_umask()
            with open(tmp / name, "wb") as f:
                f.write(text.encode("utf-8", "replace"))
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp / name, file_mode)
        os.chmod(tmp, mode)
        if path.is_dir():
            path.rmdir()  # empty, checked above
        os.replace(tmp, path)
    except BaseException as e:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(e, OSError):
            raise _unwritable(e, where) from None
        raise
