"""Markdown drafts -> the prose to check, at the offsets of the original file."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkclaim.markdown import blocks, ignored_lines, is_markdown, mask
from checkclaim.sentences import line_col, split


def assert_mask_invariants(text: str, masked: str) -> None:
    """Same length, same newlines, and every kept character is the original one."""
    assert len(masked) == len(text)
    assert all(m == o or m == " " for m, o in zip(masked, text, strict=True)), "changed a char"
    assert [i for i, c in enumerate(text) if c == "\n"] == [
        i for i, c in enumerate(masked) if c == "\n"
    ]


def words(text: str) -> list[str]:
    masked = mask(text)
    assert_mask_invariants(text, masked)
    return masked.split()


def block_texts(text: str) -> list[str]:
    masked = mask(text)
    return [masked[s:e] for s, e in blocks(masked, text)]


# --- mask, construct by construct ---------------------------------------------------------

FRONT_MATTER = [
    ("---\ntitle: Draft\ntags: [a, b]\n---\nBody text.", ["Body", "text."]),
    ("---\ntitle: Draft\n...\nBody.", ["Body."]),
    ("+++\ntitle = 'Draft'\n+++\nBody.", ["Body."]),
    ("\ufeff---\ntitle: Draft\n---\nBody.", ["Body."]),
    ("\ufeffBody after a BOM.", ["Body", "after", "a", "BOM."]),
    ("---\r\ntitle: Draft\r\n---\r\nBody.", ["Body."]),
    # not at the very start: a thematic break, then a setext heading
    ("Intro.\n\n---\ntitle: x\n---\n", ["Intro.", "title:", "x"]),
    # never closed: not front matter
    ("---\ntitle: x\n\nBody.", ["title:", "x", "Body."]),
]

CODE = [
    ("Before.\n\n```python\nx = 1  # not prose\n```\n\nAfter.", ["Before.", "After."]),
    ("~~~ {.py}\ncode\n~~~\nAfter.", ["After."]),
    ("````\n```\nstill code\n````\nAfter.", ["After."]),  # a shorter fence does not close
    ("~~~\n```\nstill code\n~~~\nAfter.", ["After."]),  # nor one of the other char
    ("Text.\n```\ncode up to the end", ["Text."]),  # unclosed: to the end of the file
    ("Text.\n```\ncode\n```", ["Text."]),  # a fence interrupts a paragraph
    # a backtick in the info string: not a fence, but text with a code span
    ("``` not `a` fence\nText.", ["```", "not", "fence", "Text."]),
    ("- item\n\n  ```\n  code\n  ```\n- next", ["item", "next"]),
    ("> ```\n> code\n> ```\n> Quoted.", ["Quoted."]),
    ("> ```\n> code\nOutside the quote.", ["Outside", "the", "quote."]),
    ("Para.\n\n    code line\n\tmore code\n\n    still code\n\nAfter.", ["Para.", "After."]),
    ("# Title\n    code after a heading", ["Title"]),
    ("Para line\n    continues, not code.", ["Para", "line", "continues,", "not", "code."]),
    ("- item\n\n    continuation para.", ["item", "continuation", "para."]),
    ("1. item\n\n       code in the item\n\nAfter.", ["item", "After."]),
    ("Run `rm -rf /` now.", ["Run", "now."]),
    ("Use ``a ` b`` here.", ["Use", "here."]),
    ("Start `code\nspan` end.", ["Start", "end."]),
    ("A ` alone and `` two.", ["A", "`", "alone", "and", "``", "two."]),
    ("``a` and `b", ["``a", "b"]),  # a run closes only a run of its own length
    ("``a` and `b``", []),
    ("\\`not code` here", ["`not", "code`", "here"]),
]

HTML = [
    ("Text <!-- a note --> more.", ["Text", "more."]),
    ("Text <!-- a note\nover lines --> more.", ["Text", "more."]),
    ("<!--\nhidden\n\nhidden too\n-->\nShown.", ["Shown."]),
    ("<!-- hidden\n--> shown after it.", ["shown", "after", "it."]),
    ("Shown.\n\n<!--\nhidden up to the end", ["Shown."]),
    ("Text <!-- never closed", ["Text", "<!--", "never", "closed"]),
    ('A <span class="x" data-n=1>word</span> here<br/>.', ["A", "word", "here", "."]),
    ('<div align="center">\n<p>Caption.</p>\n</div>', ["Caption."]),
    ("<pre>\nraw\n\ntext\n</pre>\nAfter.", ["After."]),
    ("<script>\nvar a = 1;\n</script>\nAfter.", ["After."]),
    ("Press <kbd>Ctrl</kbd> and <code>ls</code> now.", ["Press", "and", "now."]),
    ("If a < b and c > d then.", ["If", "a", "<", "b", "and", "c", ">", "d", "then."]),
    ("<3 and 1<2", ["<3", "and", "1<2"]),
]

LINKS = [
    ('[the report](https://x.org/r "Title") says.', ["the", "report", "says."]),
    ("[Wiki](https://en.wikipedia.org/wiki/Foo_(bar)) says.", ["Wiki", "says."]),
    ("[a](<my url>) b", ["a", "b"]),
    ("[*the* `x` report](u) c", ["the", "report", "c"]),
    ("[a\nb](url) c", ["a", "b", "c"]),
    ("![alt text](img.png) After.", ["After."]),
    ("![alt *text*](img.png 'title') After.", ["After."]),
    ("[![badge](b.svg)](https://ci.example) Build.", ["Build."]),
    (
        "[text][id] and [other][].\n\n[id]: https://x.org\n[other]: <https://y.org> 'T'",
        ["text", "and", "other", "."],
    ),
    ("See [docs].\n\n[Docs]: https://x.org", ["See", "docs", "."]),  # labels ignore case
    ("[sic] and [1] stay.", ["[sic]", "and", "[1]", "stay."]),  # not defined: text
    ("[unclosed link](http://x", ["[unclosed", "link]("]),  # text, and a bare URL
    ("Mail <a@b.org> or <https://x.org/a_b>.", ["Mail", "or", "."]),
    ("See https://x.org/a_b_c. Then.", ["See", ".", "Then."]),
    ("(see https://x.org/a)", ["(see", ")"]),
    ("(see https://en.wikipedia.org/wiki/A_(b))", ["(see", ")"]),
    ("Visit www.example.com today.", ["Visit", "today."]),
    ("Claim.[^1]\n\n[^1]: Source text.", ["Claim.", "Source", "text."]),
]

SYNTAX = [
    ("# Title\n## Sub ##\n###### Six", ["Title", "Sub", "Six"]),
    ("#hashtag and #1\n####### seven", ["#hashtag", "and", "#1", "#######", "seven"]),
    ("# C#", ["C#"]),
    ("Title\n=====\n\nSub\n---", ["Title", "Sub"]),
    ("- a\n* b\n+ c", ["a", "b", "c"]),
    ("1. a\n2) b\n10. c", ["a", "b", "c"]),
    ("It happened in\n2024. Then more.", ["It", "happened", "in", "2024.", "Then", "more."]),
    ("- [ ] todo\n- [x] done\n- [X] also", ["todo", "done", "also"]),
    ("> a\n> > b\n>> c", ["a", "b", "c"]),
    ("| A | B |\n|---|:-:|\n| 1 | 2 |", ["A", "B", "1", "2"]),
    ("A | B\n--|--\n1 | 2", ["A", "B", "1", "2"]),
    ("| a \\| b |\n|---|", ["a", "|", "b"]),
    ("A | B without a delimiter row", ["A", "|", "B", "without", "a", "delimiter", "row"]),
    ("Para.\n\n***\n\n___\n\n- - -\n\n* * *\n\nEnd.", ["Para.", "End."]),
    ("*a* **b** _c_ __d__ ~~e~~ ~f~ ***g*** _**h**_", ["a", "b", "c", "d", "e", "f", "g", "h"]),
    (
        "snake_case_name, __init__ and 5*3, 2 * 4, a*b",
        ["snake_case_name,", "init", "and", "5*3,", "2", "*", "4,", "a*b"],
    ),
    ("**bold**text and ~~~ three", ["bold", "text", "and", "~~~", "three"]),
    ("a * b * c and 2*3*4", ["a", "*", "b", "*", "c", "and", "2*3*4"]),
    # an escape's backslash becomes a space, like any hidden character
    ("\\*not em\\* and \\# not heading", ["*not", "em", "*", "and", "#", "not", "heading"]),
    ("\\- not a list\n\\# not a heading", ["-", "not", "a", "list", "#", "not", "a", "heading"]),
    ("back\\\\slash", ["back", "\\slash"]),
    ("line\\\nnext", ["line", "next"]),  # a hard break
]


@pytest.mark.parametrize(("text", "expected"), FRONT_MATTER)
def test_front_matter(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(("text", "expected"), CODE)
def test_code(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(("text", "expected"), HTML)
def test_html(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(("text", "expected"), LINKS)
def test_links(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(("text", "expected"), SYNTAX)
def test_syntax_markers(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("[the report](https://x.org) says", "report"),
        ("> > **Nested** quote", "Nested"),
        ("| x | `c` | Kenya |\n|---|---|---|", "Kenya"),
        ("---\na: b\n---\n# Heading *here*", "here"),
        ("- [x] ~~done~~ Officers", "Officers"),
        ("Text <!-- c\nc --> after", "after"),
        ("\ufeffBOM first", "first"),
    ],
)
def test_offsets_are_kept(text: str, word: str) -> None:
    start = text.rindex(word)
    assert mask(text)[start : start + len(word)] == word


# --- blocks --------------------------------------------------------------------------------

BLOCKS = [
    ("Para one\nline two.\n\nPara two.", ["Para one\nline two.", "Para two."]),
    ("# Head\nText right after.", ["Head", "Text right after."]),
    ("Text before.\n## Head ##\nText after.", ["Text before.", "Head", "Text after."]),
    ("Title\n===\nBody", ["Title", "Body"]),
    ("Two line\nsetext title\n---\nBody", ["Two line\nsetext title", "Body"]),
    ("- a\n- b\n  continued\n- c", ["a", "b\n  continued", "c"]),
    ("Intro:\n- a\n- b", ["Intro:", "a", "b"]),
    ("1. one\n   1. inner\n2. two", ["one", "inner", "two"]),
    ("1. one\n2. two\n3) three", ["one", "two", "three"]),
    ("- item\n\n  second para of the item\n\nOut.", ["item", "second para of the item", "Out."]),
    ("- a\nlazy line", ["a\nlazy line"]),
    ("| A | B |\n|---|---|\n| 1 | 2 |\n| | 4 |", ["A", "B", "1", "2", "4"]),
    ("Intro.\n| A |\n|---|\n| 1 |\nAfter row", ["Intro.", "A", "1", "After row"]),
    ("Para\n> quote\n\n> q2\n>\n> q3", ["Para", "quote", "q2", "q3"]),
    ("> a\n> > b\n> > c", ["a", "b\n    c"]),
    ("> a\nlazy", ["a\nlazy"]),
    ("> # T\n> text", ["T", "text"]),
    ("a\n<!-- c -->\nb", ["a", "b"]),
    ("a\n```\nx\n```\nb", ["a", "b"]),
    ("a\n***\nb", ["a", "b"]),
    ("[^1]: Note one.\n[^2]: Note two.\n    More two.", ["Note one.", "Note two.\n    More two."]),
    ("<div>\nInside div.\n</div>\nAfter.", ["Inside div.", "After."]),
    ("Text\n<div>\nblock", ["Text", "block"]),
    ("![img](x.png)\n\nText.", ["Text."]),
]


@pytest.mark.parametrize(("text", "expected"), BLOCKS)
def test_blocks(text: str, expected: list[str]) -> None:
    assert block_texts(text) == expected


def test_blocks_are_trimmed_and_in_order() -> None:
    text = "  # Head  \n\n  - item one  \n\n| a | b |\n|---|---|"
    masked = mask(text)
    spans = blocks(masked, text)
    assert [masked[s:e] for s, e in spans] == ["Head", "item one", "a", "b"]
    assert spans == sorted(spans)
    assert all(masked[s] != " " and masked[e - 1] != " " for s, e in spans)


def test_blocks_without_original_split_on_blank_lines_only() -> None:
    text = "A.\n\n# B\nC."
    masked = mask(text)
    assert [masked[s:e] for s, e in blocks(masked)] == ["A.", "B\nC."]


def test_blocks_refuses_an_original_of_another_length() -> None:
    with pytest.raises(ValueError, match="original"):
        blocks("abc", "abcd")


# --- ignore comments ----------------------------------------------------------------------

IGNORED = [
    ("<!-- checkclaim: ignore -->\nSkip me.\nKeep me.", {2}),
    ("<!-- checkclaim: ignore -->\n\n\nSkip me.", {4}),
    ("Skip me. <!-- checkclaim: ignore -->\nKeep me.", {1}),
    ("<!-- checkclaim: ignore --> Skip me.\nKeep me.", {1}),
    ("Keep. Skip <!-- checkclaim: ignore --> too.", {1}),
    ("<!-- checkclaim-ignore -->\nSkip.", {2}),
    ("<!--checkclaim:ignore-->\nSkip.", {2}),
    ("<!--  CheckClaim : Ignore  -->\nSkip.", {2}),
    ("<!-- checkclaim: ignore -->\n![img](x.png)\n\n```\ncode\n```\n# Skip", {7}),
    ("> <!-- checkclaim: ignore -->\n> Skip.", {2}),
    ("- a\n  <!-- checkclaim: ignore -->\n- Skip", {3}),
    ("| <!-- checkclaim: ignore --> a | b |\n|---|---|", {1}),
    ("A. <!-- checkclaim: ignore -->\nB.\n<!-- checkclaim: ignore -->\nC.\nD.", {1, 4}),
    ("```\n<!-- checkclaim: ignore -->\n```\nKeep.", set()),  # shown in code: not a comment
    ("`<!-- checkclaim: ignore -->` Keep.", set()),
    ("    <!-- checkclaim: ignore -->\n    indented code", set()),
    ("<!-- TODO -->\nKeep.", set()),
    ("<!-- checkclaim: ignore this one -->\nKeep.", set()),
    ("Text.\n<!-- checkclaim: ignore -->", set()),  # nothing after it
    ("Keep.\n\n<!-- checkclaim: ignore -->\r\nSkip.\r\nKeep.", {4}),
]


@pytest.mark.parametrize(("text", "expected"), IGNORED)
def test_ignored_lines(text: str, expected: set[int]) -> None:
    assert ignored_lines(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!-- checkclaim: ignore -->\nSkip.\nKeep.", {2}),
        ("Skip. <!-- checkclaim-ignore -->\n\nKeep.", {1}),
        ("    <!-- checkclaim: ignore -->\n    Indented plain text.", {2}),
        ("```\n<!-- checkclaim: ignore -->\nSkip, no code in plain text.", {3}),
        ("Plain <!-- other --> text.", set()),
    ],
)
def test_ignored_lines_in_plain_text(text: str, expected: set[int]) -> None:
    assert ignored_lines(text, markdown=False) == expected


# --- file names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("draft.md", True),
        ("docs/Draft.MD", True),
        ("a.markdown", True),
        ("a.mdx", True),
        ("a.mkd", True),
        ("/tmp/x.y/draft.txt", False),
        ("draft", False),
        ("md", False),
        ("-", False),
        ("draft.md.txt", False),
    ],
)
def test_is_markdown(name: str, expected: bool) -> None:
    assert is_markdown(name) is expected


# --- a whole draft, and through the sentence splitter -------------------------------------

DRAFT = """\
---
title: "Kenya in Haiti"
author: Desk
---

# Kenya's *mission* in Haiti

Kenya sent **2,500** officers to [Haiti](https://example.org/haiti "Haiti").
The first 400 arrived in `June 2024`. <!-- checkclaim: ignore -->
See https://example.org/report_(2024) for more.

<!-- Editor: check the figures below. -->

- Chad pledged 150 officers.
- [x] Benin pledged 2,000
  troops in total.

| Country | Officers |
|---------|---------:|
| Kenya   | 2,500    |

```python
print("Kenya sent 10,000 officers")
```

> The mission costs $600 million a year.

![Map of Haiti](map.png)
Read the [UN report][un] for details.

[un]: https://un.org/haiti "UN"
"""


def test_draft_mask() -> None:
    masked = mask(DRAFT)
    assert_mask_invariants(DRAFT, masked)
    assert " ".join(masked.split()) == " ".join(
        [
            "Kenya's mission in Haiti",
            "Kenya sent 2,500 officers to Haiti .",
            "The first 400 arrived in .",
            "See for more.",
            "Chad pledged 150 officers.",
            "Benin pledged 2,000 troops in total.",
            "Country Officers Kenya 2,500",
            "The mission costs $600 million a year.",
            "Read the UN report for details.",
        ]
    )
    for word in ("Kenya's", "2,500", "troops", "$600", "UN report"):
        start = DRAFT.index(word)
        assert masked[start : start + len(word)] == word


def test_draft_blocks() -> None:
    assert [" ".join(block.split()) for block in block_texts(DRAFT)] == [
        "Kenya's mission in Haiti",
        "Kenya sent 2,500 officers to Haiti . The first 400 arrived in . See for more.",
        "Chad pledged 150 officers.",
        "Benin pledged 2,000 troops in total.",
        "Country",
        "Officers",
        "Kenya",
        "2,500",
        "The mission costs $600 million a year.",
        "Read the UN report for details.",
    ]


def test_draft_ignored_lines() -> None:
    assert ignored_lines(DRAFT) == {9}


def test_draft_with_windows_line_endings() -> None:
    crlf = DRAFT.replace("\n", "\r\n")
    masked = mask(crlf)
    assert_mask_invariants(crlf, masked)
    assert masked.count("\r") == crlf.count("\r")
    assert masked.split() == mask(DRAFT).split()
    assert [" ".join(b.split()) for b in block_texts(crlf)] == [
        " ".join(b.split()) for b in block_texts(DRAFT)
    ]
    assert ignored_lines(crlf) == {9}


def test_draft_sentences_point_into_the_original() -> None:
    masked = mask(DRAFT)
    spans = blocks(masked, DRAFT)
    sentences = split(masked, spans)
    starts = {
        " ".join(DRAFT[s.start : s.end].split()[:2]): line_col(DRAFT, s.start) for s in sentences
    }
    assert starts == starts | {
        "Kenya's *mission*": (6, 3),
        "Kenya sent": (8, 1),
        "The first": (9, 1),
        "See https://example.org/report_(2024)": (10, 1),
        "Chad pledged": (14, 3),
        "Benin pledged": (15, 7),
        "Country": (18, 3),
        "Officers": (18, 13),
        "Kenya": (20, 3),
        "2,500": (20, 13),
        "The mission": (26, 3),
        "Read the": (29, 1),
    }
    first = next(s for s in sentences if DRAFT[s.start :].startswith("Kenya sent"))
    assert DRAFT[first.start : first.end] == (
        'Kenya sent **2,500** officers to [Haiti](https://example.org/haiti "Haiti").'
    )
    for sentence in sentences:  # each sentence inside one block, none from hidden text
        assert any(s <= sentence.start and sentence.end <= e for s, e in spans)
        assert not any(w in sentence.text for w in ("10,000", "title", "Editor", "un.org"))


def test_sentences_stop_at_headings_items_and_cells() -> None:
    text = "# No full stop here\nA sentence after it\n- an item without a stop\n- another\n"
    masked = mask(text)
    got = [masked[s.start : s.end] for s in split(masked, blocks(masked, text))]
    assert got == ["No full stop here", "A sentence after it", "an item without a stop", "another"]


# --- robustness ----------------------------------------------------------------------------

MB = 1_000_000
HOSTILE = {
    "stars": "*" * MB,
    "brackets": "[" * MB,
    "backticks": "`" * MB,
    "closers": "]" * MB,
    "underscores": "_" * MB,
    "angles": "<" * MB,
    "backslashes": "\\" * MB,
    "quote markers": ">" * MB,
    "pipes": "|" * MB,
    "hashes": "#" * MB,
    "dashes": "-" * MB,
    "bracket pairs": "[]" * (MB // 2),
    "nested images": "![" * (MB // 8) + "](x)" * (MB // 8),
    "link openers": "[](" * (MB // 3),
    "footnote openers": "[^" * (MB // 2),
    "ticks and text": "`a" * (MB // 2),
    "tag openers": '<a b="' * (MB // 6),
    "comment openers": "<!--" * (MB // 4),
    "urls": "http://x" + ")" * MB,
    "emphasis": "*_" * (MB // 2),
    "lines of items": "- a\n" * (MB // 20),
    "table rows": "|a|b|\n|-|-|\n" + "|a|b|\n" * (MB // 30),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_linear_on_hostile_input(name: str) -> None:
    text = HOSTILE[name]
    began = time.process_time()  # CPU time: other work on the machine does not count
    masked = mask(text)
    spans = blocks(masked, text)
    ignored_lines(text)
    assert time.process_time() - began < 5, name
    assert len(masked) == len(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)


MARKDOWNISH = st.text(alphabet=" \n\t*_`~[]()<>!#-+|\\:=.1aZh/\"'^", max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKDOWNISH, st.text(max_size=200)))
def test_any_text(text: str) -> None:
    masked = mask(text)
    assert_mask_invariants(text, masked)
    spans = blocks(masked, text)
    for (_, e), (s, _) in itertools.pairwise(spans):
        assert e <= s, "blocks overlap or are out of order"
    covered = [False] * len(text)
    for s, e in spans:
        assert masked[s:e].strip() == masked[s:e] != ""
        covered[s:e] = [True] * (e - s)
    # every character left to check is in a block: nothing kept goes unchecked
    assert all(covered[i] for i, c in enumerate(masked) if not c.isspace())
    assert all(1 <= n <= text.count("\n") + 1 for n in ignored_lines(text))
