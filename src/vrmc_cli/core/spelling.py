"""Spellings folded together for matching: British and American English, and the usual
romanisations of Russian (and Spanish) names, so that `air defense` finds "air defence",
`Shoygu` and `Schoigu` find Shoigu, `Шойгу` finds him too, and `Rosoboroneksport` finds
Rosoboronexport.

`respell` works on text already folded (`textsafe.fold`: lower case, accents gone) and gives
a skeleton: both the query and the text are respelled, and they match when their skeletons
do. The rules only merge spellings of the same word; tests/test_truth.py checks that no look-up
of the bundled corpus gains a match it should not. Aliases stay the way to add any other
spelling.

Cyrillic is romanised by the small table below rather than by a library: Russian, Ukrainian
and Belarusian letters are all vrmc needs, the variant rules after it merge the romanisation
systems (BGN/PCGN, ISO 9, French, German, Spanish) into one, and vrmc keeps its start-up time
and its one-line dependency list (docs/performance.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

# Cyrillic (after casefold and NFKD: й is и, ё is е) to the skeleton's Latin: х as "j" and
# ю, я without their "y", as the variant rules below leave a Latin spelling.
_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "j",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "i",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "і": "i",
    "ї": "i",
    "є": "e",
    "ґ": "g",
    "ў": "u",
    "кс": "x",  # Рособоронэкспорт: Rosoboronexport
    "ии": "i",  # Дмитрий (NFKD: Дмитрии): Dmitri
}

_UK_OUR = "arm|col|fav|hon|lab|behavi|neighb|harb|rum|vig|endeav|sav|flav|hum|vap|rig|val|parl"
_UK_RE = "cent|theat|met|lit|fib|calib|sab|spect|lust|somb|meag"
_UK_LL = (
    "travel|model|fuel|label|cancel|signal|counsel|level|marshal|channel|total|dial|equal|"
    "rival|tunnel|jewel|quarrel"
)


def _cyrillic(found: str) -> str:
    return _CYRILLIC[found]


def _stem(cut: int, ending: str) -> Callable[[str], str]:
    """A replacement keeping the stem: the match less its last `cut` letters, then `ending`."""
    return lambda found: found[: len(found) - cut] + ending


def _words(words: str, then: str) -> tuple[str, ...]:
    """`(?:word|word...)then` as one pattern a word (the same matches, tried in order)."""
    return tuple(word + then for word in words.split("|"))


# (patterns, replacement): the rules, tried in this order at each place of the text, so
# each rule sees the text as folded (no rule sees another's output); a rule's patterns are
# tried in their order. A replacement that is a function gets the matched text. Each pattern
# starts with the one letter it matches first (a look-behind comes after it: `k(?<!ck)s` is
# `(?<!c)ks`), but for the Cyrillic ones: see `_compiled`.
_RULES: tuple[tuple[tuple[str, ...], str | Callable[[str], str]], ...] = (
    (("кс", "ии(?![а-яё])", "[а-яёіїєґў]"), _cyrillic),  # Cyrillic: the table above
    # Romanisations of Russian and Spanish names.
    (("tsch",), "ch"),  # Tschemesow
    (("sch",), "sh"),  # Schoigu: Shoigu
    (("tch",), "ch"),  # Tchemezov: Chemezov
    (("k(?<!ck)s(?=[a-z])",), "x"),  # Rosoboroneksport, Aleksandr (not after c)
    (("kh",), "j"),  # Mikhail, Spanish Mijaíl
    ((r"i[iy]\b", r"y[iy]\b"), "i"),  # Dmitriy, Dmitrii: Dmitri
    ((r"ej\b",), "ei"),  # Sergej
    (("g(?<=[bcdfghjklmnpqrstvwxz]g)u(?=[eiy])",), "g"),  # Spanish Serguéi
    # British and American English.
    (_words("def|off|lic|pret", r"enc(?=es?\b)"), _stem(3, "ens")),  # defence, licence
    (_words(_UK_OUR, "our"), _stem(3, "or")),  # armour, labour, honour
    ((r"programme(?=s?\b)",), "program"),
    (_words(_UK_RE, r"re(?=s?\b)"), _stem(2, "er")),  # centre, theatre, metre
    (_words("cent|theat|calib", r"r(?=ed\b|ing\b)"), _stem(1, "er")),  # centred
    (
        tuple(rf"{c}(?<=[a-z]{{3}}{c})[sz](?=e\b|ed\b|es\b|ing\b|ation|er\b|ers\b)" for c in "iy"),
        "iz",
    ),  # -ise after three letters
    (("dgement",), "dgment"),  # judgement
    (("manoeuvred",), "maneuvered"),
    (("manoeuvre?",), "maneuver"),  # manoeuvre(s), manoeuvring
    (_words("catal|dial|anal|monol|prol|epil", "ogue"), _stem(4, "og")),  # catalogue
    ((r"g(?<!\wg)rey",), "grai"),  # grey at a word's start: gray (y becomes i below)
    (_words(_UK_LL, "l(?=ed|ing|er|ation)"), _stem(1, "")),  # travelled, cancelled
    ((r"s(?<!\ws)cept",), "skept"),  # sceptical (at a word's start)
    (("y",), "i"),  # Shoygu, Sergey, Yuri: Shoigu, Sergei, Iuri
)


@cache
def _compiled() -> tuple[re.Pattern[str], tuple[int, ...]]:
    """The rules as one pattern, compiled on first use (a command that never respells does
    not pay for it at start-up), and the rule of each of its groups.

    Each pattern ends in an empty group, by which its rule is known. The patterns are
    gathered under the letter they start with, each letter once (`t(?:sch()|ch()|...)`),
    in the rules' order, so at each place `re` reads the letter and tries only the
    patterns that start with it, instead of entering every rule: the first rule to match
    at a place is the same as in one alternation of them all in order (patterns starting
    with other letters cannot match there), about three times faster. The Cyrillic
    patterns come last, in their order (tests/test_truth.py holds the matches to the rules
    as first written, one alternation in order)."""
    by_letter: dict[str, list[tuple[str, int]]] = {}
    other: list[tuple[str, int]] = []
    for n, (patterns, _) in enumerate(_RULES):
        for pattern in patterns:
            if pattern[0].isascii() and pattern[0].isalpha():
                by_letter.setdefault(pattern[0], []).append((pattern[1:], n))
            else:
                other.append((pattern, n))
    parts: list[str] = []
    rules: list[int] = []
    for letter, tails in by_letter.items():
        parts.append(letter + "(?:" + "|".join(f"{tail}()" for tail, _ in tails) + ")")
        rules += [n for _, n in tails]
    parts.append("(?:" + "|".join(f"{pattern}()" for pattern, _ in other) + ")")
    rules += [n for _, n in other]
    return re.compile("|".join(parts)), tuple(rules)


def _replacement(match: re.Match[str]) -> str:
    rule = _RULES[_compiled()[1][(match.lastindex or 1) - 1]][1]
    return rule if isinstance(rule, str) else rule(match.group())


def respell(text: str) -> str:
    """The skeleton of folded `text` (see the module)."""
    return _compiled()[0].sub(_replacement, text)


def respell_map(text: str) -> tuple[str, list[int]]:
    """The skeleton of folded `text` and, for each of its characters, the index of the
    character of `text` it stands for: a replaced run maps its first characters in order
    and its last to the run's last, so a word still starts and ends where it did."""
    out: list[str] = []
    origin: list[int] = []
    at = 0
    for match in _compiled()[0].finditer(text):
        a, b = match.span()
        out.append(text[at:a])
        origin.extend(range(at, a))
        new = _replacement(match)
        out.append(new)
        origin.extend(min(a + i, b - 1) for i in range(len(new) - 1))
        if new:
            origin.append(b - 1)
        at = b
    out.append(text[at:])
    origin.extend(range(at, len(text)))
    return "".join(out), origin
