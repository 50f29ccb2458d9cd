"""Rendering a draft review: text (rich), line, json, sarif, github and html.

Every renderer but `render_text` returns a string, with keys and findings in a fixed order,
so the same review gives byte-identical output. Machine formats carry every sentence
(`json`) or every finding an editor must act on (`line`, `sarif`, `github`: contradicted and
unknown sentences); human ones (`text`, `html`) leave the skipped sentences out.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checkclaim._version import __version__
from checkclaim.draft import FINDING_VERDICTS, Finding, Review, line_col, line_starts, prose
from checkclaim.report import VERDICT_STYLE, printable, reason_lines, result_dict

FORMATS = ("text", "line", "json", "sarif", "github", "html")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


# --- shared -------------------------------------------------------------------------------


def summary_line(review: Review) -> str:
    """The closing line: "12 checked: 9 supported, 2 contradicted, 1 unknown", and what was
    left out."""
    line = review.summary.line()
    extra = []
    if review.skipped:
        extra.append(f"{review.skipped} skipped")
    if review.accepted:
        extra.append(f"{review.accepted} accepted in the baseline")
    if review.ignored_files:
        n = len(review.ignored_files)
        extra.append(f"{n} file{'s' if n != 1 else ''} ignored")
    return line + (f" ({', '.join(extra)})" if extra else "")


def _problems(review: Review) -> Iterator[Finding]:
    """The findings an editor must act on: contradicted and unknown, not in the baseline."""
    for f in review.findings:
        if f.verdict in (*FINDING_VERDICTS, "error") and not f.accepted:
            yield f


def _texts(review: Review) -> dict[str, str]:
    return {d.path: d.text for d in review.drafts}


def _excerpt(sentence: str, width: int = 60) -> str:
    return sentence if len(sentence) <= width else sentence[: width - 1].rstrip() + "…"


# --- json ---------------------------------------------------------------------------------


def finding_dict(f: Finding, text: str, starts: list[int] | None = None) -> dict[str, Any]:
    """A finding in the shape of the `json` format (see the README)."""
    out: dict[str, Any] = {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "sentence": f.sentence,
        "verdict": f.verdict,
        "message": f.message,
    }
    if f.result is not None:
        r = result_dict(f.result)
        for key in ("claim_id", "claim", "evidence", "source", "score", "reasons", "clauses"):
            if key in r:
                out[key] = r[key]
        if "disagreeing_sources" in r:
            out["disagreeing_sources"] = r["disagreeing_sources"]
    else:
        out.update({"claim_id": None, "evidence": None, "reasons": []})
    if f.spans and starts is None:
        starts = line_starts(text)
    out["disagreeing"] = [_region_dict(text, starts or [0], s, e) for s, e in f.spans]
    out["suppressed"] = f.suppressed or None
    out["accepted"] = f.accepted
    out["fingerprint"] = f.fingerprint
    return out


def _region_dict(text: str, starts: list[int], start: int, end: int) -> dict[str, Any]:
    line, col = line_col(starts, start)
    end_line, end_col = line_col(starts, end)
    return {
        "text": text[start:end],
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
    }


def json_text(review: Review) -> str:
    texts = _texts(review)
    starts = {path: line_starts(text) for path, text in texts.items()}
    doc = {
        "findings": [finding_dict(f, texts[f.path], starts[f.path]) for f in review.findings],
        "summary": review.summary_dict(),
    }
    if review.ignored_files:
        doc["ignored_files"] = list(review.ignored_files)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --- line ---------------------------------------------------------------------------------


def line_text(review: Review) -> str:
    """`path:line:col: verdict: message ("sentence") [claim-id]`, one finding a line."""
    out = []
    for f in _problems(review):
        claim = f" [{f.claim_id}]" if f.claim_id else ""
        message = " ".join(f.message.split())
        out.append(
            f"{f.path}:{f.line}:{f.column}: {f.verdict}: {message} "
            f'("{_excerpt(f.sentence)}"){claim}\n'
        )
    return "".join(out)


# --- github -------------------------------------------------------------------------------


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def github_text(review: Review) -> str:
    """GitHub Actions workflow commands: `::error` for contradicted, `::warning` for unknown."""
    out = []
    for f in _problems(review):
        level = "warning" if f.verdict == "unknown" else "error"
        props = ",".join(
            (
                f"file={_gh_prop(f.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={_gh_prop('checkclaim: ' + f.verdict)}",
            )
        )
        claim = f" [{f.claim_id}]" if f.claim_id else ""
        body = f'{f.message}: "{_excerpt(f.sentence, 120)}"{claim}'
        if f.result is not None and f.result.claim is not None and f.verdict == "contradicted":
            body += f"\nThe article: {f.result.claim.evidence}"
        out.append(f"::{level} {props}::{_gh_data(body)}\n")
    return "".join(out)


# --- sarif --------------------------------------------------------------------------------

# (rule id, name, short description, the reason kinds it covers)
RULES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("wrong-figure", "WrongFigure", "A figure disagrees with the article.", ("number",)),
    ("wrong-date", "WrongDate", "A date disagrees with the article.", ("date",)),
    (
        "wrong-name",
        "WrongName",
        "A person, place, organisation or source differs from the article's.",
        ("entity",),
    ),
    ("negated", "Negated", "The sentence negates what the article says.", ("negation",)),
    ("opposite", "OppositeMeaning", "The sentence says the opposite of the article.", ("antonym",)),
    ("changed-wording", "ChangedWording", "The wording changes the meaning.", ("wording",)),
    ("new-detail", "NewDetail", "An added detail contradicts the article.", ("new-detail",)),
    ("contradicted", "Contradicted", "The sentence contradicts the article.", ()),
    (
        "not-in-article",
        "NotInArticle",
        "The article neither states nor contradicts this sentence.",
        ("no-claim",),
    ),
)
_RULE_INDEX = {r[0]: i for i, r in enumerate(RULES)}
_RULE_BY_KIND = {k: r[0] for r in RULES for k in r[3]}


def rule_id(f: Finding) -> str:
    """The rule a finding breaks: the kind of its first disagreeing detail."""
    if f.verdict != "contradicted" or f.result is None:
        return "not-in-article"
    r = f.result
    for x in (*r.reasons, *(y for c in r.clauses for y in c.reasons)):
        if x.status == "disagree" and x.kind in _RULE_BY_KIND:
            rule = _RULE_BY_KIND[x.kind]
            if rule != "not-in-article":
                return rule
    return "contradicted"


def _uri(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/")


def sarif_doc(review: Review) -> dict[str, Any]:
    texts = _texts(review)
    rules = [
        {
            "id": rid,
            "name": name,
            "shortDescription": {"text": short},
            "fullDescription": {"text": short + " Checked against the reference article's claims."},
            "defaultConfiguration": {"level": "warning" if rid == "not-in-article" else "error"},
            "properties": {"tags": ["fact-check"]},
        }
        for rid, name, short, _ in RULES
    ]
    results = []
    for f in review.findings:
        if f.verdict not in FINDING_VERDICTS:
            continue
        rid = rule_id(f)
        text = texts[f.path]
        message = f.message
        claim = f.result.claim if f.result is not None else None
        if claim is not None and f.verdict == "contradicted":
            message += f". The article ({claim.id}): {claim.evidence}"
        result: dict[str, Any] = {
            "ruleId": rid,
            "ruleIndex": _RULE_INDEX[rid],
            "level": "error" if f.verdict == "contradicted" else "warning",
            "kind": "fail",
            "message": {"text": message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.path)},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                            "snippet": {"text": text[f.start : f.end]},
                        },
                    }
                }
            ],
            "partialFingerprints": {"checkclaimFinding/v1": f.fingerprint},
            "properties": {
                "verdict": f.verdict,
                "sentence": f.sentence,
                "claimId": f.claim_id,
                "evidence": claim.evidence if claim is not None else None,
            },
        }
        if f.accepted:
            result["suppressions"] = [
                {"kind": "external", "justification": "accepted in the checkclaim baseline"}
            ]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "checkclaim",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def sarif_text(review: Review) -> str:
    return json.dumps(sarif_doc(review), ensure_ascii=False, indent=2) + "\n"


# --- text ---------------------------------------------------------------------------------


def render_text(review: Review, console: Any) -> None:
    """For a person: by file, each checked sentence with its verdict in colour, the part the
    article disagrees with highlighted, the article's evidence and the reasons beneath."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    for draft in review.drafts:
        shown = [f for f in review.for_path(draft.path) if f.checked and not f.accepted]
        console.print(Text(printable(draft.path), style="bold underline"))
        if not shown:
            console.print(Text("  nothing to check", style="dim"))
            console.print()
            continue
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True, style="dim")
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for f in shown:
            verdict = Text(f.verdict.upper(), style=VERDICT_STYLE.get(f.verdict, ""))
            sentence = Text(printable(f.sentence), style="dim" if f.verdict == "supported" else "")
            for s, e in f.marks:
                sentence.stylize("bold red reverse", s, e)
            body: list[Any] = [sentence]
            r = f.result
            if r is not None and f.verdict != "supported":
                if r.verdict == "error":
                    body.append(Text(printable(r.message), style="magenta"))
                for style, line in reason_lines(r):
                    if style != "green":  # what agrees is not news when something does not
                        body.append(Text(printable(line), style=style))
                if r.claim is not None:
                    label = "article" if f.verdict == "contradicted" else "closest in the article"
                    evidence = Text()
                    evidence.append(f"{label} [{r.claim.id}]: ", style="dim")
                    quiet = "" if f.verdict == "contradicted" else "dim "
                    evidence.append(printable(r.claim.evidence), style=quiet + "italic")
                    body.append(evidence)
            grid.add_row(f"{f.line}:{f.column}", verdict, Group(*body))
        console.print(grid)
        console.print()
    console.print(Text(summary_line(review), style="bold"))


# --- html ---------------------------------------------------------------------------------

_CSS = """
:root { --ok:#15803d; --ok-bg:#dcfce7; --bad:#b91c1c; --bad-bg:#fee2e2; --unk:#a16207;
  --unk-bg:#fef3c7; --ink:#1f2937; --dim:#94a3b8; --line:#e5e7eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans",
  sans-serif; color: var(--ink); background: #f8fafc; }
header { padding: 18px 28px 14px; background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 6px; }
h1 small { font-weight: normal; color: #64748b; font-size: 13px; }
h2 { font-size: 15px; margin: 0 0 10px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.summary { margin: 0; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.chip { display: inline-block; padding: 2px 10px; border-radius: 999px; font-weight: 600;
  font-size: 13px; }
.chip.total { background: #e2e8f0; }
.chip.supported { background: var(--ok-bg); color: var(--ok); }
.chip.contradicted { background: var(--bad-bg); color: var(--bad); }
.chip.unknown { background: var(--unk-bg); color: var(--unk); }
.chip.other { background: #f1f5f9; color: #64748b; font-weight: normal; }
main { padding: 18px 28px; }
section.draft { margin-bottom: 28px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 20px;
  align-items: start; }
.text { margin: 0; padding: 18px 22px; background: #fff; border: 1px solid var(--line);
  border-radius: 8px; white-space: pre-wrap; overflow-wrap: anywhere; font: inherit;
  line-height: 1.75; }
.nc { color: var(--dim); }
.s { border-radius: 3px; padding: 1px 0; cursor: pointer; }
.s:focus { outline: 2px solid #2563eb; outline-offset: 1px; }
.s.supported { background: var(--ok-bg); box-shadow: inset 0 -2px 0 var(--ok); }
.s.contradicted { background: var(--bad-bg); box-shadow: inset 0 -2px 0 var(--bad); }
.s.unknown { background: var(--unk-bg); box-shadow: inset 0 -2px 0 #d97706; }
.s.error { background: #fae8ff; box-shadow: inset 0 -2px 0 #a21caf; }
.s.accepted { background: #f1f5f9; box-shadow: inset 0 -2px 0 #94a3b8; }
.s.active { outline: 2px solid #2563eb; }
mark.x { background: #fca5a5; color: #7f1d1d; font-weight: 600; border-radius: 2px; }
aside { position: sticky; top: 12px; background: #fff; border: 1px solid var(--line);
  border-radius: 8px; padding: 14px 16px; font-size: 14px; }
aside h3 { margin: 0 0 8px; font-size: 14px; }
aside .verdict { font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
aside .verdict.supported { color: var(--ok); } aside .verdict.contradicted { color: var(--bad); }
aside .verdict.unknown { color: var(--unk); }
aside blockquote { margin: 8px 0; padding: 6px 10px; border-left: 3px solid #cbd5e1;
  background: #f8fafc; font-style: italic; }
aside ul { margin: 6px 0 0; padding-left: 18px; } aside li.disagree { color: var(--bad); }
aside li.agree { color: var(--ok); } aside li.missing { color: var(--unk); }
aside .where { color: #64748b; font-size: 12px; }
ol.findings { margin: 10px 0 0; padding-left: 20px; font-size: 14px; }
ol.findings a { color: inherit; text-decoration: none; }
ol.findings a:hover { text-decoration: underline; }
ol.findings .v { font-weight: 700; text-transform: uppercase; font-size: 12px; }
ol.findings .v.contradicted { color: var(--bad); } ol.findings .v.unknown { color: var(--unk); }
.legend { color: #64748b; font-size: 13px; margin: 8px 0 0; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } aside { position: static; } }
"""

_JS = """
(function () {
  var data = JSON.parse(document.getElementById('checkclaim-data').textContent);
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function show(span) {
    var f = data[span.id];
    if (!f) return;
    var panel = document.getElementById('panel-' + span.dataset.file);
    document.querySelectorAll('.s.active').forEach(function (x) { x.classList.remove('active'); });
    span.classList.add('active');
    panel.textContent = '';
    var h = el('h3');
    h.appendChild(el('span', 'verdict ' + f.verdict, f.verdict));
    h.appendChild(document.createTextNode(' ' + f.message));
    panel.appendChild(h);
    panel.appendChild(el('div', 'where', f.where));
    if (f.evidence) {
      panel.appendChild(el('div', 'where', f.verdict === 'contradicted' || f.verdict === 'supported'
        ? 'The article says:' : 'The closest the article comes:'));
      panel.appendChild(el('blockquote', '', f.evidence));
    }
    if (f.reasons.length) {
      var ul = el('ul');
      f.reasons.forEach(function (r) { ul.appendChild(el('li', r[0], r[1])); });
      panel.appendChild(ul);
    }
    if (f.claim_id) panel.appendChild(el('div', 'where', 'claim ' + f.claim_id));
  }
  document.querySelectorAll('.s').forEach(function (s) {
    s.addEventListener('click', function () { show(s); });
    s.addEventListener('mouseenter', function () { show(s); });
    s.addEventListener('focus', function () { show(s); });
    s.addEventListener('keydown', function (e) { if (e.key === 'Enter') show(s); });
  });
  var first = document.querySelector('.s.contradicted') || document.querySelector('.s.unknown');
  if (first) show(first);
})();
"""


def _script_json(obj: Any) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` can end or open a tag."""
    return (
        json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def _plain(masked_hint: str | None, text: str, start: int, end: int) -> str:
    """Original text, escaped; what the review did not read (markup, code) is dimmed."""
    if masked_hint is None:
        return html.escape(text[start:end])
    out = []
    i = start
    while i < end:
        hidden = masked_hint[i] == " " and not text[i].isspace()
        j = i + 1
        while j < end and (masked_hint[j] == " " and not text[j].isspace()) == hidden:
            j += 1
        chunk = html.escape(text[i:j])
        out.append(f'<span class="nc">{chunk}</span>' if hidden else chunk)
        i = j
    return "".join(out)


def _reason_rows(f: Finding) -> list[list[str]]:
    if f.result is None:
        return []
    rows = []
    for style, line in reason_lines(f.result):
        cls = {"green": "agree", "red": "disagree"}.get(style, "missing")
        rows.append([cls, line])
    return rows


def html_text(review: Review) -> str:
    """One self-contained page: no network, every byte from the input escaped."""
    data: dict[str, Any] = {}
    c = review.summary.counts
    chips = [
        f'<span class="chip total">{sum(1 for f in review.findings if f.counts)} checked</span>',
        *(
            f'<span class="chip {k}">{c.get(k, 0)} {k}</span>'
            for k in ("supported", "contradicted", "unknown")
        ),
    ]
    if c.get("error"):
        chips.append(f'<span class="chip other">{c["error"]} errors</span>')
    if review.skipped:
        chips.append(f'<span class="chip other">{review.skipped} skipped</span>')
    if review.accepted:
        chips.append(f'<span class="chip other">{review.accepted} accepted in the baseline</span>')
    sections = []
    problems = []
    for n, draft in enumerate(review.drafts):
        text = draft.text
        masked = prose(draft) if draft.markdown else None
        body: list[str] = []
        pos = 0
        for f in review.for_path(draft.path):
            if not f.checked:
                continue
            sid = f"s{n}-{f.index}"
            body.append(_plain(masked, text, pos, f.start))
            cls = f"s {f.verdict}" + (" accepted" if f.accepted else "")
            tip = f"{f.verdict}: {f.message}"
            if f.result is not None and f.result.claim is not None:
                tip += f"\nThe article: {f.result.claim.evidence}"
            body.append(
                f'<span class="{cls}" id="{sid}" data-file="{n}" tabindex="0" '
                f'title="{html.escape(tip)}">'
            )
            cur = f.start
            for s, e in f.spans:
                body.append(_plain(masked, text, cur, s))
                body.append(f'<mark class="x">{_plain(masked, text, s, e)}</mark>')
                cur = e
            body.append(_plain(masked, text, cur, f.end))
            body.append("</span>")
            pos = f.end
            claim = f.result.claim if f.result is not None else None
            data[sid] = {
                "verdict": f.verdict + (" (accepted in the baseline)" if f.accepted else ""),
                "message": f.message,
                "where": f"{draft.path}:{f.line}:{f.column}",
                "evidence": claim.evidence if claim is not None else None,
                "claim_id": claim.id if claim is not None else None,
                "reasons": _reason_rows(f),
            }
            if f.verdict in (*FINDING_VERDICTS, "error") and not f.accepted:
                problems.append(
                    f'<li><a href="#{sid}"><span class="v {f.verdict}">{f.verdict}</span> '
                    f"{html.escape(draft.path)}:{f.line}:{f.column} — "
                    f"{html.escape(_excerpt(f.sentence, 90))}</a></li>"
                )
        body.append(_plain(masked, text, pos, len(text)))
        sections.append(
            f'<section class="draft"><h2>{html.escape(draft.path)}</h2>'
            f'<div class="layout"><pre class="text">{"".join(body)}</pre>'
            f'<aside id="panel-{n}" aria-live="polite">Point at or click a highlighted '
            "sentence to see what the article says.</aside></div></section>"
        )
    title = ", ".join(d.path for d in review.drafts) or "no drafts"
    findings_list = f'<ol class="findings">{"".join(problems)}</ol>' if problems else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>checkclaim review: {html.escape(title)}</title>"
        f"<style>{_CSS}</style></head><body>"
        f"<header><h1>checkclaim review <small>{html.escape(title)} · "
        f"checkclaim {html.escape(__version__)}</small></h1>"
        f'<p class="summary" id="summary">{"".join(chips)}</p>'
        f"{findings_list}"
        '<p class="legend">Highlighted: every checked sentence, coloured by verdict; in red '
        "bold, the detail the article disagrees with. Grey text was not checked (markup, "
        "code, front matter).</p></header>"
        f"<main>{''.join(sections)}</main>"
        f'<script type="application/json" id="checkclaim-data">{_script_json(data)}</script>'
        f"<script>{_JS}</script></body></html>\n"
    )


RENDERERS = {
    "line": line_text,
    "json": json_text,
    "sarif": sarif_text,
    "github": github_text,
    "html": html_text,
}


def render(review: Review, format: str) -> str:
    """Any format but `text` (which draws on a rich console) as a string."""
    return RENDERERS[format](review)
