"""Claim set <-> YAML, validated on load.

A claim file is YAML an editor can read and change by hand: a schema version, the article's
provenance, abbreviations, and claims with fixed keys. Loading is safe YAML only (no tags
that build objects, no anchors or aliases at all, so an alias bomb is refused at once), and
every problem is reported as `file:line:col: what is wrong; what to do`.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Literal

from checkclaim.errors import ClaimFileError
from checkclaim.models import Claim, ClaimSet, DateRef, Entity, Interval, Provenance, Quantity

SCHEMA_VERSION = 1
MAX_NODES = 1_000_000  # a claim file of 50,000 claims has well under this
MAX_DEPTH = 16  # a claim file nests five levels deep; far deeper is an attack, not a file

_INTERVAL = re.compile(
    r"^\s*([\[(])\s*(-?inf|-?[\d,]*\.?\d+(?:e[+-]?\d+)?)\s*,\s*(-?inf|-?[\d,]*\.?\d+(?:e[+-]?\d+)?)\s*([\])])\s*$"
)


def _yaml() -> Any:
    import yaml  # the only door to PyYAML

    return yaml


# --- writing --------------------------------------------------------------------------------


def _num(x: float) -> int | float:
    return int(x) if x == int(x) else x


def format_interval(iv: Interval) -> str:
    def end(x: float) -> str:
        return (
            ("inf" if x > 0 else "-inf")
            if x in (float("inf"), float("-inf"))
            else str(_num(round(x, 6)))
        )

    return "{}{}, {}{}".format(
        "(" if iv.low_open else "[", end(iv.low), end(iv.high), ")" if iv.high_open else "]"
    )


def parse_interval(text: str) -> Interval:
    m = _INTERVAL.match(text)
    if not m:
        raise ValueError(f"not an interval: {text!r} (write it like [2500, 2500] or (578000, inf])")
    low, high = (float(g.replace(",", "")) for g in (m.group(2), m.group(3)))
    if low > high:
        raise ValueError(f"interval {text!r} has its low end above its high end")
    return Interval(low, high, m.group(1) == "(", m.group(4) == ")")


def to_data(cs: ClaimSet) -> dict[str, Any]:
    """The claim set as plain data, in the order an editor reads it."""
    claims = []
    for c in cs.claims:
        entry: dict[str, Any] = {"id": c.id, "text": c.text}
        if c.evidence != c.text:
            entry["evidence"] = c.evidence
        entry["sentence"] = c.sentence
        entry["span"] = list(c.span)
        entry["quantities"] = [
            {
                "text": q.text,
                "value": _num(q.value),
                "kind": q.kind,
                "counts": q.unit,
                "qualifier": q.qualifier,
                "interval": format_interval(q.interval),
            }
            for q in c.quantities
        ]
        entry["dates"] = [
            {"text": d.text, "kind": d.kind, "value": d.value, "relation": d.relation}
            for d in c.dates
        ]
        entry["entities"] = [{"text": e.text, "kind": e.kind, "role": e.role} for e in c.entities]
        entry["context"] = list(c.context)
        entry["negated"] = c.negated
        claims.append(entry)
    p = cs.provenance
    return {
        "schema": SCHEMA_VERSION,
        "article": {
            "title": p.title,
            "source": p.source,
            "file": p.file,
            "sha256": p.sha256,
            "date": p.date,
        },
        "aliases": dict(sorted(cs.aliases.items())),
        "claims": claims,
    }


def dumps(cs: ClaimSet) -> str:
    yaml = _yaml()

    # libyaml's emitter where there is one: the same text, several times faster
    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc,valid-type]
        pass

    def represent_list(dumper: Any, data: list[Any]) -> Any:
        flow = all(not isinstance(x, (dict, list)) for x in data)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)

    def represent_dict(dumper: Any, data: dict[str, Any]) -> Any:
        flow = len(data) <= 3 and all(not isinstance(v, (dict, list)) for v in data.values())
        return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)

    Dumper.add_representer(list, represent_list)
    Dumper.add_representer(dict, represent_dict)
    header = (
        "# checkclaim claim set: one entry a checkable sentence of the article.\n"
        "# Edit by hand if you like; `checkclaim claims --claims THIS_FILE` validates it.\n"
    )
    body: str = yaml.dump(
        to_data(cs), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100
    )
    return header + body


# --- reading --------------------------------------------------------------------------------


def _yaml_error(e: Any, text: str, path: str) -> ClaimFileError:
    """Broken YAML as `path:line:col: what; the line quoted; what to do`."""
    yaml = _yaml()
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    line = col = None
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    elif isinstance(e, yaml.reader.ReaderError):  # a control character: no mark, an offset
        line = text.count("\n", 0, e.position) + 1
        col = e.position - (text.rfind("\n", 0, e.position) + 1) + 1
    problem = getattr(e, "problem", None) or (str(e).splitlines() or ["cannot be read"])[0]
    if isinstance(e, yaml.reader.ReaderError):
        char = e.character if isinstance(e.character, str) else chr(e.character)
        problem = f"the control character U+{ord(char):04X} is not allowed in YAML"
    quoted = ""
    if line is not None:
        lines = _YAML_LINES.split(text)
        if 0 < line <= len(lines):
            quoted = f": `{_visible(lines[line - 1].strip()[:80])}`"
    return ClaimFileError(path, f"broken YAML, {problem}{quoted}; fix the YAML there", line, col)


_SURROGATE = re.compile("[\ud800-\udfff]")
# The line breaks YAML counts when it gives a line number.
_YAML_LINES = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _visible(text: str) -> str:
    """Text safe to quote on a terminal: control characters shown as escapes, not obeyed."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _alias_mark(text: str) -> tuple[int, int] | None:
    """Where the first alias (`*name`) is, for the error that refuses it."""
    yaml = _yaml()
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for event in yaml.parse(text, Loader=loader_cls):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1, event.start_mark.column + 1
    return None


def _marks_and_data(text: str, path: str) -> tuple[Any, dict[tuple[Any, ...], tuple[int, int]]]:
    """Compose the YAML safely and turn it into plain data, noting each value's line:col.

    Only the YAML node tree is built (`compose`): no constructor ever runs, so no tag can
    make an object or call anything, and an alias is refused where it is met, so an alias
    bomb costs no more than its own text. Scalars are read by PyYAML's safe rules.
    """
    yaml = _yaml()
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    bad = _SURROGATE.search(text)
    if bad:  # libyaml would fail to encode it; a file decoded strictly never holds one
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise ClaimFileError(path, "holds half a surrogate pair, which is not text", line, col)
    try:
        node = yaml.compose(text, Loader=loader_cls)
    except yaml.YAMLError as e:
        raise _yaml_error(e, text, path) from None
    except RecursionError:
        raise ClaimFileError(
            path, f"values are nested too deeply (over {MAX_DEPTH} levels)"
        ) from None
    if node is None:
        raise ClaimFileError(
            path, "the claim file is empty; build one with `checkclaim build ARTICLE -o FILE`", 1
        )
    marks: dict[tuple[Any, ...], tuple[int, int]] = {}
    budget = [MAX_NODES]
    seen: set[int] = set()
    scalars = yaml.constructor.SafeConstructor()

    def at(n: Any) -> tuple[int, int]:
        return n.start_mark.line + 1, n.start_mark.column + 1

    def walk(n: Any, where: tuple[Any, ...]) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise ClaimFileError(
                path, f"too many values for a claim file (over {MAX_NODES:,})", *at(n)
            )
        if len(where) > MAX_DEPTH:
            raise ClaimFileError(
                path, f"values are nested too deeply (over {MAX_DEPTH} levels)", *at(n)
            )
        if id(n) in seen:
            raise ClaimFileError(
                path,
                "YAML aliases (*name) are not allowed in a claim file; write the value out",
                *(_alias_mark(text) or at(n)),
            )
        seen.add(id(n))
        marks[where] = at(n)
        tag = n.tag
        if isinstance(n, yaml.MappingNode):
            if tag != "tag:yaml.org,2002:map":
                raise _bad_tag(path, n)
            out: dict[str, Any] = {}
            for k, v in n.value:
                if not isinstance(k, yaml.ScalarNode) or k.tag != "tag:yaml.org,2002:str":
                    raise ClaimFileError(path, "keys must be plain words", *at(k))
                if k.value in out:
                    raise ClaimFileError(path, f"key {k.value!r} appears twice; keep one", *at(k))
                marks[(*where, k.value, "<key>")] = at(k)
                out[k.value] = walk(v, (*where, k.value))
            return out
        if isinstance(n, yaml.SequenceNode):
            if tag != "tag:yaml.org,2002:seq":
                raise _bad_tag(path, n)
            return [walk(v, (*where, i)) for i, v in enumerate(n.value)]
        if tag == "tag:yaml.org,2002:timestamp":
            return n.value  # a date stays the text it was written as
        construct = _SCALARS.get(tag)
        if construct is None:
            raise _bad_tag(path, n)
        try:
            return getattr(scalars, construct)(n)
        except (ValueError, OverflowError, yaml.YAMLError):
            raise ClaimFileError(
                path, f"cannot read the value {n.value[:40]!r}; quote it", *at(n)
            ) from None

    return walk(node, ()), marks


# YAML's plain scalars, read by PyYAML's own safe rules (`0x1f`, `1_000`, `.inf`, `yes`).
_SCALARS = {
    "tag:yaml.org,2002:str": "construct_yaml_str",
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:null": "construct_yaml_null",
}


def _bad_tag(path: str, n: Any) -> ClaimFileError:
    return ClaimFileError(
        path,
        f"YAML tag {n.tag!r} is not allowed in a claim file (plain values only); remove the tag",
        n.start_mark.line + 1,
        n.start_mark.column + 1,
    )


def _models() -> Any:
    """The pydantic schema, defined on first use (only validation needs pydantic)."""
    from pydantic import BaseModel, ConfigDict, Field, field_validator

    class Strict(BaseModel):
        # a number where text is expected ("title: 1984") is the text it was written as
        model_config = ConfigDict(extra="forbid", strict=False, coerce_numbers_to_str=True)

    class QuantityModel(Strict):
        text: str
        value: float
        # every kind of figure quantities.py makes: a claim set it builds must read back
        kind: Literal[
            "count", "percent", "points", "money", "ordinal", "duration", "number", "score", "year"
        ]
        counts: str = ""
        qualifier: str = ""
        interval: str

        @field_validator("interval")
        @classmethod
        def _interval(cls, v: str) -> str:
            parse_interval(v)
            return v

        @field_validator("counts", "qualifier", mode="before")
        @classmethod
        def _none_is_empty(cls, v: Any) -> Any:
            return "" if v is None else v

    class DateModel(Strict):
        text: str
        kind: Literal["month", "weekday", "year", "day", "date"]
        value: str
        relation: str = ""

        @field_validator("relation", mode="before")
        @classmethod
        def _none_is_empty(cls, v: Any) -> Any:
            return "" if v is None else v

    class EntityModel(Strict):
        text: str
        kind: Literal["person", "place", "org", "name"]
        role: str = ""

        @field_validator("role", mode="before")
        @classmethod
        def _none_is_empty(cls, v: Any) -> Any:
            return "" if v is None else v

    class ClaimModel(Strict):
        id: str = Field(min_length=1)
        text: str = Field(min_length=1)
        evidence: str | None = None
        sentence: int = Field(ge=0)
        span: tuple[int, int]
        quantities: list[QuantityModel] = Field(default_factory=list)
        dates: list[DateModel] = Field(default_factory=list)
        entities: list[EntityModel] = Field(default_factory=list)
        context: list[str] = Field(default_factory=list)
        negated: bool = False

    class ArticleModel(Strict):
        title: str | None = ""
        source: str | None = ""
        file: str | None = ""
        sha256: str | None = ""
        date: str | None = ""

    class FileModel(Strict):
        schema_: int = Field(alias="schema")
        article: ArticleModel
        aliases: dict[str, str] = Field(default_factory=dict)
        claims: list[ClaimModel]

    return FileModel


def _where(
    marks: dict[tuple[Any, ...], tuple[int, int]], loc: tuple[Any, ...]
) -> tuple[int, int] | None:
    for k in range(len(loc), -1, -1):
        got = marks.get(tuple(loc[:k]))
        if got:
            return got
    return None


def loads(text: str, path: str) -> ClaimSet:
    """A claim set from a claim file's text; `path` names it in errors."""
    data, marks = _marks_and_data(text, path)
    if not isinstance(data, dict):
        raise ClaimFileError(path, "a claim file is a mapping with schema, article and claims", 1)
    version = data.get("schema")
    if isinstance(version, int) and not isinstance(version, bool):
        _check_version(version, path, marks)  # before the keys: another version has others
    from pydantic import ValidationError

    try:
        model = _models().model_validate(data)
    except ValidationError as e:
        errors = e.errors()
        # a misspelt key is both unknown and missing: name the spelling, the likelier fix
        err = next((x for x in errors if x["type"] == "extra_forbidden"), errors[0])
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            where = marks.get((*loc, "<key>")) or _where(marks, loc)
            missing = [
                str(x["loc"][-1])
                for x in errors
                if x["type"] == "missing" and tuple(x["loc"][:-1]) == loc[:-1]
            ]
            close = difflib.get_close_matches(str(loc[-1]), missing, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            what = (
                f"unknown key {loc[-1]!r} at {_dotted(loc[:-1])}{hint}; "
                "remove it or check its spelling"
            )
        elif err["type"] == "missing":
            where = _where(marks, loc[:-1])
            what = f"missing key {loc[-1]!r} at {_dotted(loc[:-1])}; add it"
        else:
            where = _where(marks, loc)
            given = err.get("input")
            shown = repr(given) if len(repr(given)) <= 40 else repr(given)[:39] + "…"
            what = f"{_dotted(loc)}: {err['msg']} (found {shown}); correct the value"
        line, col = where if where else (None, None)
        raise ClaimFileError(path, what, line, col) from None
    _check_version(model.schema_, path, marks)

    claims = []
    ids: dict[str, int] = {}
    for i, c in enumerate(model.claims):
        line, col = marks.get(("claims", i, "id"), (0, 0))
        if c.id in ids:
            raise ClaimFileError(
                path,
                f"claim id {c.id!r} is used twice (first at line {ids[c.id]}); "
                "give each claim its own id",
                line,
                col,
            )
        ids[c.id] = line
        claims.append(
            Claim(
                id=c.id,
                text=c.text,
                sentence=c.sentence,
                span=c.span,
                evidence=c.evidence or c.text,
                quantities=tuple(
                    Quantity(
                        q.text, q.value, q.kind, q.counts, q.qualifier, parse_interval(q.interval)
                    )
                    for q in c.quantities
                ),
                dates=tuple(DateRef(d.text, d.kind, d.value, d.relation) for d in c.dates),
                entities=tuple(Entity(e.text, e.kind, e.role) for e in c.entities),
                context=tuple(c.context),
                negated=c.negated,
            )
        )
    a = model.article
    provenance = Provenance(
        a.title or "", a.source or "", a.file or "", a.sha256 or "", a.date or ""
    )
    return ClaimSet(path, provenance, tuple(claims), dict(model.aliases))


def _check_version(version: int, path: str, marks: dict[tuple[Any, ...], tuple[int, int]]) -> None:
    if version != SCHEMA_VERSION:
        raise ClaimFileError(
            path,
            f"schema version {version} is not known to this checkclaim "
            f"(it reads {SCHEMA_VERSION}); upgrade checkclaim or rebuild the file",
            *marks.get(("schema",), (1, 1)),
        )


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the top level"


def load(path: Path) -> ClaimSet:
    from checkclaim.textio import read_text

    return loads(read_text(path), str(path))
