"""`vrmc validate --strict`: each tradecraft rule fires on a small corpus that breaks it and
stays quiet on one that does not (docs/format.md "Strict checks")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import invoke, write_corpus

BASE = """\
version: 1
topic: {title: T, as_of: 2009-01}
themes: [{id: t, title: T}]
countries: [{code: VE, name: Venezuela}, {code: RU, name: Russia}]
sources:
  - {id: wire, title: Wire, published: 2008-09-20, reliability: B}
  - {id: paper, title: Paper, published: 2008-09-19, reliability: C}
  - {id: blog, title: Blog, published: 2008-09-20, reliability: D}
  - {id: forum, title: Forum, published: 2008-09-21, reliability: E}
  - {id: article, title: Article, reliability: F}
  - {id: announcement, title: Announcement, published: 2008-09-08, reliability: A}
"""

# Each rule: a corpus that breaks it, the message it must give, and the same corpus put right.
CASES = {
    "flat-date": (
        """\
events:
  - id: visit
    date: 2008-09-10
    end: 2008-09-15
    title: Visit
    themes: [t]
    summary: The bombers flew home; accounts differ on the date they left.
    sources: [wire]
""",
        "x.yaml:2:5: strict: event 'visit': its summary says 'accounts differ on the date they "
        "left', but date and end are given flatly; name it in `disputed` (who says what)",
        """\
events:
  - id: visit
    date: 2008-09-10
    end: 2008-09-18
    title: Visit
    themes: [t]
    summary: The bombers flew home; accounts differ on the date they left.
    sources: [wire]
    disputed: {end: "Announced for 15 Sep; left on 18 Sep (Wire)."}
""",
    ),
    "flat-quantity": (
        """\
transfers:
  - id: s-125
    supplier: RU
    recipient: VE
    designation: S-125
    category: air-defence
    quantity_ordered: 11
    notes: Quantity disputed. One report says 11, another 18.
""",
        "x.yaml:2:5: strict: transfer 's-125': its notes says 'Quantity disputed', but "
        "quantity_ordered is given flatly; name it in `disputed` (who says what) or give a "
        "[low, high] range",
        """\
transfers:
  - id: s-125
    supplier: RU
    recipient: VE
    designation: S-125
    category: air-defence
    quantity_ordered: [11, 18]
    notes: Quantity disputed. One report says 11, another 18.
""",
    ),
    "weak-basis": (
        """\
events:
  - {id: rumour, date: 2008-09-10, title: Rumour, themes: [t], sources: [blog, forum]}
briefings:
  - id: b
    title: B
    summary: S.
    themes: [t]
    key_judgments: [{text: Moscow will send more, basis: [rumour]}]
    sections: [{heading: H, points: [P]}]
""",
        "x.yaml:8:21: strict: key judgment of briefing 'b': its basis events (rumour) rest "
        "only on sources graded D or worse or not graded: blog (D), forum (E)",
        """\
events:
  - {id: rumour, date: 2008-09-10, title: Rumour, themes: [t], sources: [blog, paper]}
briefings:
  - id: b
    title: B
    summary: S.
    themes: [t]
    key_judgments: [{text: Moscow will send more, basis: [rumour]}]
    sections: [{heading: H, points: [P]}]
""",
    ),
    "single-weak-source": (
        """\
briefings:
  - id: b
    title: B
    summary: S.
    themes: [t]
    sections:
      - heading: H
        points:
          - {text: The presence shrank, sources: [paper], confidence: high}
""",
        "x.yaml:9:13: strict: point of briefing 'b' is stated at high confidence on a single "
        "source graded C (paper); add a corroborating source or lower the confidence",
        """\
briefings:
  - id: b
    title: B
    summary: S.
    themes: [t]
    sections:
      - heading: H
        points:
          - {text: The presence shrank, sources: [paper], confidence: moderate}
          - {text: The bombers landed, sources: [wire, paper], confidence: high}
          - {text: Two reports agree, sources: [paper, blog], confidence: high}
""",
    ),
    "stale-as-of": (
        """\
events:
  - {id: late, date: 2008-12, end: 2009-02-03, title: Late, themes: [t], sources: [article]}
""",
        "base.yaml:2:8: strict: topic: as_of 2009-01 is older than the newest event, 'late' "
        "(2009-02-03); set as_of to the date of the latest fact used",
        """\
events:
  - {id: late, date: 2008-12, end: 2009-01-31, title: Late, themes: [t], sources: [article]}
""",
    ),
    "dated-after-sources": (
        """\
events:
  - {id: left, date: 2008-09-18, title: Left, themes: [t], sources: [announcement]}
""",
        "x.yaml:2:5: strict: event 'left': its date 2008-09-18 is after every source it cites "
        "was published (the newest, 2008-09-08); cite a source that reports it",
        """\
events:
  - {id: left, date: 2008-09-18, title: Left, themes: [t], sources: [announcement, paper]}
  - {id: announced, date: 2008-09-07, title: Announced, themes: [t], sources: [announcement]}
""",
    ),
    # Three outlets carrying one AP story are one origin, however many sources they make.
    "one-origin-copies": (
        """\
sources:
  - {id: fox-ap, title: Fox, publisher: Fox News, origin: Associated Press, reliability: B}
  - {id: lat-ap, title: LAT, publisher: Los Angeles Times, origin: AP, reliability: B}
  - {id: ap, title: AP, publisher: Associated press, reliability: B}
  - {id: blog-ap, title: Blog, publisher: A blog, via: ap, reliability: D}
briefings:
  - id: b
    title: B
    summary: S
    themes: [t]
    sections:
      - heading: H
        points:
          - {text: The deal was signed, sources: [fox-ap, ap, blog-ap], confidence: high}
""",
        "x.yaml:14:13: strict: point of briefing 'b' is stated at high confidence on 3 sources "
        "that all carry one origin, Associated Press (fox-ap, ap, blog-ap); add an independent "
        "source or lower the confidence",
        """\
sources:
  - {id: fox-ap, title: Fox, publisher: Fox News, origin: Associated Press, reliability: B}
  - {id: ap, title: AP, publisher: Associated press, reliability: B}
  - {id: blog-ap, title: Blog, publisher: A blog, via: ap, reliability: D}
briefings:
  - id: b
    title: B
    summary: S
    themes: [t]
    sections:
      - heading: H
        points:
          - {text: The deal was signed, sources: [fox-ap, ap, blog-ap, wire], confidence: high}
""",
    ),
    "one-origin-basis": (
        """\
sources:
  - {id: tass-1, title: T1, publisher: TASS, state_media: true, reliability: C}
  - {id: tass-2, title: T2, publisher: Tass, state_media: true, reliability: C}
events:
  - {id: e1, date: 2008-09-01, title: E1, themes: [t], sources: [tass-1]}
  - {id: e2, date: 2008-09-02, title: E2, themes: [t], sources: [tass-2]}
briefings:
  - id: b
    title: B
    summary: S
    themes: [t]
    key_judgments:
      - {text: Moscow is committed, basis: [e1, e2], confidence: low}
    sections: [{heading: H, points: [P]}]
""",
        "x.yaml:13:9: strict: key judgment of briefing 'b': its basis events (e1, e2) all rest "
        "on one origin, TASS; add an event reported independently",
        """\
sources:
  - {id: tass-1, title: T1, publisher: TASS, state_media: true, reliability: C}
events:
  - {id: e1, date: 2008-09-01, title: E1, themes: [t], sources: [tass-1]}
  - {id: e2, date: 2008-09-02, title: E2, themes: [t], sources: [wire]}
briefings:
  - id: b
    title: B
    summary: S
    themes: [t]
    key_judgments:
      - {text: Moscow is committed, basis: [e1, e2], confidence: low}
    sections: [{heading: H, points: [P]}]
""",
    ),
    "credibility-one-unconfirmed": (
        """\
events:
  - {id: e1, date: 2008-09-01, title: E1, themes: [t], sources: [wire], credibility: 1}
""",
        "x.yaml:2:5: strict: event 'e1' has credibility 1 (confirmed by other sources) but rests "
        "on 1 independent origin; confirmation needs two",
        """\
events:
  - {id: e1, date: 2008-09-01, title: E1, themes: [t], sources: [wire, paper], credibility: 1}
""",
    ),
    "state-media-b-without-origin": (
        """\
sources:
  - {id: tass-1, title: T1, publisher: TASS, state_media: true, reliability: B}
""",
        "x.yaml:2:5: strict: source 'tass-1' is state media graded B without an origin; B "
        "covers only a statement or act it relays, so name the issuer in `origin`, or grade "
        "its own claims C (docs/grading.md)",
        """\
sources:
  - {id: tass-1, title: T1, publisher: TASS, state_media: true, reliability: B,
     origin: Russian Foreign Ministry}
""",
    ),
    "origin-basis-without-origin": (
        """\
sources:
  - {id: repost, title: R, publisher: A blog, origin_basis: text, reliability: D}
""",
        "x.yaml:2:5: strict: source 'repost' has origin_basis 'text' but no origin; name the "
        "origin its page is a copy of, or remove origin_basis",
        """\
sources:
  - {id: repost, title: R, publisher: A blog, origin: Reuters, origin_basis: text,
     reliability: D}
""",
    ),
    "place-outside-its-country": (
        """\
places:
  - {id: caracas, name: Caracas, country: VE, latitude: 0, longitude: 0, sources: [wire]}
""",
        "x.yaml:2:5: strict: place 'caracas' at 0, 0 lies 6,684 km outside the outline of "
        "'Venezuela' (VE), its `country`: check the coordinates (latitude first, south and "
        "west negative) and the country",
        """\
places:
  - {id: caracas, name: Caracas, country: VE, latitude: 10.4806, longitude: -66.9036,
     sources: [wire]}
""",
    ),
    "place-in-another-country": (
        """\
places:
  - {id: moscow, name: Moscow, country: VE, latitude: 55.7558, longitude: 37.6173,
     sources: [wire]}
""",
        "x.yaml:2:5: strict: place 'moscow' at 55.7558, 37.6173 lies 9,609 km outside the "
        "outline of 'Venezuela' (VE), its `country`, inside RU's: check the coordinates "
        "(latitude first, south and west negative) and the country",
        """\
places:
  - {id: moscow, name: Moscow, country: RU, latitude: 55.7558, longitude: 37.6173,
     sources: [wire]}
""",
    ),
    "place-without-sources": (
        """\
places:
  - {id: maracay, name: Maracay, country: VE, latitude: 10.2469, longitude: -67.5958}
""",
        "x.yaml:2:5: strict: place 'maracay' cites no source: name in `sources` those that "
        "place what happened there",
        """\
places:
  - {id: maracay, name: Maracay, country: VE, latitude: 10.2469, longitude: -67.5958,
     sources: [paper]}
""",
    ),
    "transfer-at-its-own-country": (
        """\
places:
  - {id: venezuela, name: Venezuela, country: VE, latitude: 8.0, longitude: -66.0,
     precision: country, sources: [wire]}
transfers:
  - id: grad
    supplier: RU
    recipient: VE
    designation: BM-21 Grad
    category: artillery
    sources: [wire]
    places: [venezuela]
""",
        "x.yaml:5:5: strict: transfer 'grad' is placed at 'venezuela', a country-precision "
        "place in its own recipient (VE): the `recipient` already says so; give the towns, "
        "sites or regions the sources name, or no place",
        """\
places:
  - {id: puerto-cabello, name: Puerto Cabello, country: VE, latitude: 10.4731,
     longitude: -68.0125, precision: town, sources: [wire]}
transfers:
  - id: grad
    supplier: RU
    recipient: VE
    designation: BM-21 Grad
    category: artillery
    sources: [wire]
    places: [puerto-cabello]
""",
    ),
    "same-address": (
        """\
sources:
  - {id: mt, title: Russia condemns strikes, url: "https://www.themoscowtimes.com/a91602"}
  - {id: mt-2, title: Russia demands release, url: "http://themoscowtimes.com/a91602/"}
""",
        "x.yaml:3:5: strict: source 'mt-2' has the same URL as source 'mt' (x.yaml:2): one "
        "page entered twice counts as two sources; merge them into one and cite it",
        """\
sources:
  - {id: mt, title: Russia condemns strikes, url: "https://www.themoscowtimes.com/a91602"}
  - {id: mt-2, title: Russia backs Rodriguez, url: "https://www.themoscowtimes.com/a91700"}
""",
    ),
}


def test_an_island_the_outline_leaves_out_passes(tmp_path: Path) -> None:
    # La Orchila lies 130 km off the coast, inside Venezuela's extent and no other country.
    island = """\
places:
  - {id: la-orchila, name: La Orchila, country: VE, latitude: 11.8, longitude: -66.18,
     sources: [wire]}
"""
    root = write_corpus(tmp_path / "c", {"base.yaml": BASE, "x.yaml": island})
    assert strict(root)[0] == 0


def test_a_place_at_sea_with_no_country_passes(tmp_path: Path) -> None:
    # A tanker seized in the North Atlantic: no country's outline to hold the point against
    # (docs/format.md "places"), so the outline rule has nothing to check.
    sea = """\
places:
  - {id: north-atlantic, name: "North Atlantic, near Iceland", latitude: 62.5,
     longitude: -17.0, precision: region, sources: [wire]}
"""
    root = write_corpus(tmp_path / "c", {"base.yaml": BASE, "x.yaml": sea})
    status, _, err = strict(root)
    assert (status, err) == (0, "")


def strict(root: Path, *extra: str) -> tuple[int, str, str]:
    result = invoke("--no-cache", "validate", "--strict", str(root), *extra)
    return result.exit_code, result.stdout, result.stderr.replace(f"{root}/", "")


@pytest.mark.parametrize("case", CASES)
def test_rule_finds_the_problem(case: str, tmp_path: Path) -> None:
    broken, message, _ = CASES[case]
    root = write_corpus(tmp_path / "c", {"base.yaml": BASE, "x.yaml": broken})
    status, out, err = strict(root)
    assert status == 1
    assert out == ""
    assert err.splitlines() == [message, "vrmc: error: strict checks failed: 1 problem in 1 file"]
    # Without --strict the same corpus is valid: the rules are advice beyond the format.
    assert invoke("--no-cache", "validate", str(root)).exit_code == 0


@pytest.mark.parametrize("case", CASES)
def test_rule_passes_the_corrected_corpus(case: str, tmp_path: Path) -> None:
    _, _, fixed = CASES[case]
    root = write_corpus(tmp_path / "c", {"base.yaml": BASE, "x.yaml": fixed})
    status, out, err = strict(root)
    assert (status, err) == (0, ""), err
    assert out.startswith("ok: ")


def test_strict_problems_as_json(tmp_path: Path) -> None:
    broken, message, _ = CASES["single-weak-source"]
    root = write_corpus(tmp_path / "c", {"base.yaml": BASE, "x.yaml": broken})
    status, out, _ = strict(root, "-f", "json")
    assert status == 1
    data = json.loads(out)
    assert data["valid"] is False
    [problem] = data["problems"]
    assert (problem["path"].endswith("x.yaml"), problem["line"], problem["column"]) == (
        True,
        9,
        13,
    )
    assert problem["message"] == message.split(": ", 1)[1]


def test_a_dispute_about_something_else_is_not_a_flat_date(tmp_path: Path) -> None:
    # The clause says what is disputed: here the quantities, which an event does not give.
    event = """\
events:
  - id: deliveries
    date: 2008-09
    title: Deliveries
    themes: [t]
    summary: No exact delivery date is known, and the quantities are disputed.
    sources: [wire]
"""
    root = write_corpus(tmp_path / "c", {"base.yaml": BASE, "x.yaml": event})
    assert strict(root)[0] == 0


def test_format_problems_come_before_strict_checks(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "c", {"base.yaml": BASE + "events: [{id: x}]\n"})
    status, _, err = strict(root)
    assert status == 1
    assert "strict:" not in err
    assert "invalid corpus" in err


def test_the_bundled_corpus_passes_the_strict_checks() -> None:
    result = invoke("validate", "--strict")
    assert (result.exit_code, result.stderr) == (0, "")


def test_an_event_placed_at_country_precision_passes(tmp_path: Path) -> None:
    # An event's `countries` name who took part, not where it happened, so a country-precision
    # place adds what no other field says (docs/format.md "places"): only transfers, whose
    # supplier and recipient already name the countries, are flagged.
    event = """\
places:
  - {id: venezuela, name: Venezuela, country: VE, latitude: 8.0, longitude: -66.0,
     precision: country, sources: [wire]}
events:
  - id: delivered
    date: 2008-08
    title: Last fighters delivered
    themes: [t]
    countries: [VE, RU]
    sources: [wire]
    places: [venezuela]
"""
    root = write_corpus(tmp_path / "c", {"base.yaml": BASE, "x.yaml": event})
    status, _, err = strict(root)
    assert (status, err) == (0, "")


def test_a_page_entered_twice_is_reported_at_each_later_entry(tmp_path: Path) -> None:
    # The first entry is named with its file and line; each later one is reported where it
    # is, whichever file holds it, so merging them is one look away.
    first = """\
sources:
  - {id: page, title: Page, url: "https://example.org/news/1?id=7"}
"""
    later = """\
sources:
  - {id: page-again, title: Page, url: "https://EXAMPLE.org:443/news/1/?id=7#top"}
  - {id: other-query, title: Other, url: "https://example.org/news/1?id=8"}
  - {id: page-thrice, title: Page, url: "http://www.example.org/news/1?id=7"}
"""
    root = write_corpus(tmp_path / "c", {"base.yaml": BASE, "a.yaml": first, "b.yaml": later})
    status, _, err = strict(root)
    assert status == 1
    tail = "one page entered twice counts as two sources; merge them into one and cite it"
    assert err.splitlines() == [
        f"b.yaml:2:5: strict: source 'page-again' has the same URL as source 'page' "
        f"(a.yaml:2): {tail}",
        f"b.yaml:4:5: strict: source 'page-thrice' has the same URL as source 'page' "
        f"(a.yaml:2): {tail}",
        "vrmc: error: strict checks failed: 2 problems in 1 file",
    ]
