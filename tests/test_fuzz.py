"""Property tests: whatever text or bytes a topic file holds, the loader gives a model or
located problems, never another exception; and any text in a valid corpus renders safely.

Every test runs with both YAML parsers (libyaml and pure Python). The example counts are the
ci profile's (conftest.py); the default profile runs a fifth of them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import examples, raw_unsafe
from vrmc_cli.commands import invoke, spec
from vrmc_cli.core.errors import InvalidCorpus, Problem, UsageError
from vrmc_cli.core.textsafe import hides
from vrmc_cli.corpus import fields, load
from vrmc_cli.corpus.link import link
from vrmc_cli.corpus.model import Corpus
from vrmc_cli.render import Format, Options, render, serves

LOADERS = [pytest.param(False, id="libyaml"), pytest.param(True, id="pure-python")]
FUZZ = settings(
    max_examples=examples(150),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@contextmanager
def parser(pure: bool) -> Iterator[None]:
    """Use the pure-Python parser (or libyaml) for the duration of one example."""
    saved = os.environ.get("VRMC_PURE_YAML")
    if pure:
        os.environ["VRMC_PURE_YAML"] = "1"
    else:
        os.environ.pop("VRMC_PURE_YAML", None)
    load._COMPOSER = None
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("VRMC_PURE_YAML", None)
        else:
            os.environ["VRMC_PURE_YAML"] = saved
        load._COMPOSER = None


def check_located(problems: list[Problem], path: str = "t.yaml") -> None:
    for p in problems:
        assert p.path == path
        assert p.line >= 1 and p.column >= 1, p
        assert p.message and "\n" not in str(p)


def load_or_problems(text: str) -> Corpus | None:
    """The one allowed pair of outcomes: a corpus, or InvalidCorpus with located problems."""
    fragment = load.parse_text("t.yaml", text)
    check_located(fragment.problems)
    try:
        return link([fragment])
    except InvalidCorpus as exc:
        assert exc.problems
        check_located(exc.problems)
        return None


# --------------------------------------------------------------------------- any text, any bytes


@pytest.mark.parametrize("pure", LOADERS)
@FUZZ
@given(text=st.text(max_size=300))
def test_any_text(pure: bool, text: str) -> None:
    with parser(pure):
        load_or_problems(text)


@pytest.mark.parametrize("pure", LOADERS)
@FUZZ
@given(data=st.binary(max_size=300))
def test_any_bytes(pure: bool, data: bytes) -> None:
    with parser(pure):
        text = load.decode("t.yaml", data)
        if isinstance(text, Problem):
            check_located([text])
        else:
            load_or_problems(text)


# --------------------------------------------------------------------------- YAML-shaped input

WORDS = [
    "a", "b", "arms-sales", "VE", "XA", "NO", "yes", "on", "~", "null", "1e3", "012", "0x1F",
    ".inf", ".nan", "2006", "2006-07", "2006-07-17", "2019-02-30", "0000-00-00", "12:30",
    "<<", "[/]", "[bold]x", "\x1b[2J", "\u202e", "-1", "9" * 40, "x-note", "",
]  # fmt: skip
KEYS = sorted({key for spec in load.SPECS.values() for key in spec} | set(load.TOP_KEYS))
scalars = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.integers(-(10**25), 10**25),
    st.floats(),
    st.booleans(),
    st.none(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from([*KEYS, *WORDS[:6]]), inner, max_size=5),
    ),
    max_leaves=25,
)
documents = st.dictionaries(st.sampled_from([*load.TOP_KEYS, "x-ext", "bogus"]), values, max_size=6)
# Things YAML can say that a plain dump never does: tags, anchors, aliases, merges, tabs,
# several documents, flow collections, broken quoting.
SNIPPETS = [
    "&a ", "*a", "<<: *a\n", "!!python/object/apply:os.system [x]", "!custom ", "!!binary ",
    "\t", "\n---\n", "{", "}", "[", "]", ": ", "- ", "? ", '"', "'", "|\n  ", ">\n  ", "#",
    "\ufeff", "%YAML 1.1\n", "&a [*a]",
]  # fmt: skip


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    text = yaml.safe_dump(draw(documents), allow_unicode=draw(st.booleans()), sort_keys=False)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(SNIPPETS)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(0, 10)) :]
    return text


@pytest.mark.parametrize("pure", LOADERS)
@FUZZ
@given(text=yaml_texts())
def test_yaml_shaped_text(pure: bool, text: str) -> None:
    with parser(pure):
        load_or_problems(text)


# --------------------------------------------------------------------------- any text, rendered


def yaml_quoted(text: str) -> str:
    """An ASCII YAML double-quoted scalar that reads back as exactly `text`."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= code <= 0x7E:
            out.append(ch)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


# Any character a YAML escape can carry: controls, bidi, emoji, markup; never blank.
texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40).filter(
    str.strip
)
# Any text a URL may hold: no control, format or invisible character (FORMAT.md, sources).
urls = texts.filter(lambda text: not hides(text, one_line=True))


@st.composite
def corpora(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A valid corpus whose every text field is drawn; returns its YAML and those texts."""
    t = [draw(texts) for _ in range(14)]
    q = [yaml_quoted(x) for x in t]
    url = yaml_quoted(draw(urls))
    text = f"""\
topic: {{title: {q[0]}, summary: {q[1]}}}
themes:
  - {{id: th, title: {q[2]}, description: {q[3]}}}
countries:
  - {{code: XA, name: {q[4]}, aliases: [{q[5]}]}}
sources:
  - {{id: s, title: {q[6]}, url: {url}}}
actors:
  - {{id: ac, name: {q[8]}, kind: person, country: XA, roles: [{{title: {q[9]}, from: 2001}}]}}
events:
  - {{id: ev, date: 2006-07, title: {q[10]}, themes: [th], actors: [ac], sources: [s]}}
briefings:
  - id: br
    title: {q[11]}
    summary: {q[12]}
    themes: [th]
    key_judgments: [{{text: {q[13]}, basis: [ev]}}]
    sections: [{{heading: {q[0]}, points: [{q[1]}, {{text: {q[2]}, sources: [s]}}]}}]
transfers:
  - {{id: tr, supplier: XA, recipient: XA, designation: {q[3]}, category: {q[4]}, ordered: 2006}}
scenarios:
  - {{id: sc, title: {q[5]}, summary: {q[6]}, drivers: [{q[7]}], countries: [XA]}}
"""
    return text, t


RUNS = {
    "brief": lambda c: invoke("brief", c, briefing="br"),
    "timeline": lambda c: invoke("timeline", c),
    "actor": lambda c: invoke("actor", c, name="ac"),
    "transfers": lambda c: invoke("transfers", c),
    "scenarios": lambda c: invoke("scenarios", c),
    "sources": lambda c: invoke("sources", c),
    "countries": lambda c: invoke("countries", c),
    "report": lambda c: invoke("report", c, cite=True),
    "chart": lambda c: invoke("chart", c, what="events", by="theme"),
    "graph": lambda c: invoke("graph", c, actor=["ac"]),
}


@pytest.mark.parametrize("pure", LOADERS)
@settings(FUZZ, max_examples=examples(100))
@given(
    corpus=corpora(),
    command=st.sampled_from(sorted(RUNS)),
    fmt=st.sampled_from(list(Format)),
    color=st.booleans(),
)
def test_any_text_in_a_valid_corpus_renders_safely(
    pure: bool, corpus: tuple[str, list[str]], command: str, fmt: Format, color: bool
) -> None:
    text, drawn = corpus
    with parser(pure):
        model = load_or_problems(text)
    assert model is not None, "the corpus is valid whatever its text"
    # A text's final line breaks are not part of it (docs/format.md "Text").
    assert model.topic is not None and model.topic.title == drawn[0].rstrip("\n")
    assert model.actors[0].roles[0].title == drawn[9].rstrip("\n")
    output = RUNS[command](model)
    options = Options(color=color, color_system="standard" if color else None)
    try:
        out = render(fmt, output, options)
    except UsageError:
        # Refused only where the format does not serve the command, as both declare it.
        declared = spec(command)
        assert declared is not None and not serves(fmt, declared.gives)
        return
    if isinstance(out, bytes):  # docx: the text is the document's XML
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(out)) as docx:
            out = docx.read("word/document.xml").decode("utf-8")
    if fmt is Format.rich and color:
        out = re.sub("\x1b\\[[0-9;]*m", "", out)
    assert not raw_unsafe(out), raw_unsafe(out)
    if fmt is Format.json:
        data = json.loads(out, parse_constant=pytest.fail)
        strings = json.dumps(data, ensure_ascii=False)
        if command == "report":
            assert data["topic"]["title"] == drawn[0].rstrip("\n")
            assert data["briefings"][0]["key_judgments"][0]["text"] == drawn[13].rstrip("\n")
        assert isinstance(strings, str)


# --------------------------------------------------------------------------- the loader's shortcuts


def long_way() -> dict[str, dict[str, load.FieldSpec]]:
    """SPECS without the plain-scalar and plain-list shortcuts: every field read by its reader."""
    return {
        kind: {name: load.FieldSpec(f.read, f.required) for name, f in spec.items()}
        for kind, spec in load.SPECS.items()
    }


def both_ways(text: str) -> tuple[load.Fragment, load.Fragment]:
    quick = load.parse_text("t.yaml", text)
    saved = load.SPECS
    load.SPECS = long_way()
    try:
        slow = load.parse_text("t.yaml", text)
    finally:
        load.SPECS = saved
    return quick, slow


def test_the_shortcuts_are_in_use() -> None:
    # Without them the test below compares the long way with itself.
    assert load.SPECS["events"]["title"].plain is not None
    assert load.SPECS["events"]["date"].plain is not None
    assert load.SPECS["events"]["themes"].refs is not None
    assert load.SPECS["actors"]["kind"].plain is not None


# Entries of every kind with fields from their own schema: values the shortcuts must take
# (ids, codes, dates, choices, texts) mixed with values they must leave to the readers.
FIELD_VALUES = [
    "arms-sales", "VE", "Ve", "a b", "2006", "2006-07-17", "2019-02-30", "high", "person",
    "likely", "x", "  ", "\u2003", "\t", "", "~", "null", "NO", "yes", "12", "1.5", "-1",
]  # fmt: skip
# Escapes turn the shortcuts off for the whole file: these texts need none.
field_scalars = st.one_of(
    st.sampled_from(FIELD_VALUES), st.text(alphabet="aAz09 -:#'\"", max_size=6)
)
field_values = st.one_of(
    field_scalars, field_scalars, st.lists(field_scalars, max_size=3), st.none(), st.integers()
)


@st.composite
def entry_texts(draw: st.DrawFn) -> str:
    document = {}
    for key in draw(st.lists(st.sampled_from(load.LIST_KEYS), max_size=3, unique=True)):
        fields = sorted(load.SPECS[key])
        entry = st.dictionaries(st.sampled_from(fields), field_values, max_size=len(fields))
        document[key] = draw(st.lists(entry, min_size=1, max_size=3))
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    if draw(st.integers(0, 3)) == 0:  # a tag, an anchor or an escape: no shortcuts
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(SNIPPETS)) + text[at:]
    return text


# Where a shortcut must say no: blank or null-looking text, a code that is only an id, an
# empty list of references, a choice or a date not in the list.
BOUNDARIES = """\
events:
- {id: e, date: '2019-02-30', end: 2019-02-28, title: '  ', summary: ~, themes: [],
   confidence: 'High'}
- {id: E, date: '2006', title: "null", display_date: '', themes: [Arms], countries: [ve, VE]}
countries:
- {code: ve, name: '\t', region: Null}
- {code: VE, name: x, aliases: ['', ' ']}
actors:
- {id: a, name: n, kind: Person, country: ve, themes: [a, ""]}
"""


@pytest.mark.parametrize("pure", LOADERS)
@FUZZ
@example(text=BOUNDARIES)
@given(text=st.one_of(entry_texts(), yaml_texts()))
def test_the_shortcuts_read_what_the_readers_read(pure: bool, text: str) -> None:
    with parser(pure):
        quick, slow = both_ways(text)
    assert quick.records == slow.records
    assert quick.problems == slow.problems


def test_the_shortcuts_on_every_corpus_in_the_tests() -> None:
    from conftest import DATA

    paths = [
        *sorted(DATA.rglob("*.yaml")),
        *sorted((DATA.parent.parent / "briefings").rglob("*.yaml")),
    ]
    decoded = [load.decode(p.name, p.read_bytes()) for p in paths]
    texts = [t for t in decoded if isinstance(t, str)]
    assert len(texts) > 40
    for text in texts:
        quick, slow = both_ways(text)
        assert quick.records == slow.records
        assert quick.problems == slow.problems


@given(st.text(alphabet=st.characters(), max_size=8))
def test_has_text_is_strip_without_the_copy(value: str) -> None:
    assert fields.has_text(value) is bool(value.strip())


TAGGED = st.lists(
    st.sampled_from(
        ["!x a", "!!str b", "[!x a,!y b]", '{"k":!z v}', "{?!x a : b}", "[?!y a]", "!t [a]", "#!!"]
    ),
    max_size=6,
)


@FUZZ
@given(
    st.one_of(
        yaml_texts(), TAGGED.map(lambda parts: "\n".join(f"k{i}: {p}" for i, p in enumerate(parts)))
    )
)
def test_the_tag_count_bounds_the_tags_libyaml_reads(text: str) -> None:
    """load._tagged_nodes must never count fewer tags than a document libyaml composes
    holds: it stands in for the nodes that escape the node limit. (The scanner alone also
    takes a `!` after a closing quote for a tag; the parser refuses it.)"""
    try:
        yaml.compose(text, Loader=yaml.CSafeLoader)
        tags = sum(isinstance(t, yaml.TagToken) for t in yaml.scan(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        return
    assert load._tagged_nodes(text) >= tags
