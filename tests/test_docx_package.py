"""The Word package around the body (issue 28, point 2): python-docx makes its fixed parts
once, kept in the cache folder; vrmc adds the title, the running header, the pictures and
the links, and writes the zip itself. What it writes is what python-docx's own save would
hold, entry for entry, in a zip byte-identical to the zipfile module's; a warm run imports
neither python-docx, lxml nor zipfile; the kept parts are trusted as the cache is."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURE, invoke

B = ("-b", str(FIXTURE))


def _entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(info.filename, package.read(info)) for info in package.infolist()]


def _python_docx_save(calls: list[tuple[str, str | bytes]], title: str, running: str) -> bytes:
    """The package python-docx's own save writes for a document made as as_docx makes its
    kept parts, then given the pictures and links of `calls` in turn."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    from vrmc_cli.render import as_docx

    document, _, _ = as_docx._document(title, running)
    links = 0
    for kind, value in calls:
        if kind == "image":
            assert isinstance(value, bytes)
            document.part.get_or_add_image(io.BytesIO(value))
        else:
            links += 1
            document.part.rels.add_relationship(
                RELATIONSHIP_TYPE.HYPERLINK, value, f"rIdLink{links}", is_external=True
            )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("args", "title"),
    [
        ((*B, "report"), ""),
        (("chart", "events"), ""),
        ((*B, "actors"), ""),
        ((*B, "report"), "Guns & <butter> \"quoted\" — 'ünïcode'"),
    ],
)
def test_the_package_is_what_python_docx_saves(
    args: tuple[str, ...], title: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every entry, in order, with the same bytes as python-docx's own save of the same
    document (pictures and links added through python-docx in the same order), but for the
    creation and modification times python-docx stamps from the clock; the zip itself as
    zipfile writes those entries with a fixed date."""
    from vrmc_cli.core.doc import Doc
    from vrmc_cli.render import as_docx

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    calls: list[tuple[str, str | bytes]] = []
    seen: list[tuple[str, str]] = []

    class Mirror(as_docx._Package):
        def image(self, png: bytes) -> str:
            calls.append(("image", png))
            return super().image(png)

        def link(self, url: str) -> str:
            if url not in self.urls:
                calls.append(("link", url))
            return super().link(url)

        def write(self, out: Any, body: bytes, title: str, running: str) -> None:
            seen.append((title, running))
            super().write(out, body, title, running)

    monkeypatch.setattr(as_docx, "_Package", Mirror)
    if title:  # a title with every character XML escapes, and letters outside ASCII
        real = as_docx.to_bytes

        def retitled(doc: Doc, **kw: Any) -> bytes:
            return real(Doc(title, doc.blocks, doc.running), **kw)

        monkeypatch.setattr(as_docx, "to_bytes", retitled)
    ours = {}
    for cache in ("--no-cache", "--cache", "--cache"):  # made, kept, read back
        target = tmp_path / f"{cache}.docx"
        flag = () if cache == "--cache" else (cache,)
        assert invoke(*flag, *args, "-f", "docx", "-o", str(target)).exit_code == 0
        ours[cache] = target.read_bytes()
    assert ours["--no-cache"] == ours["--cache"]
    assert list((tmp_path / "cache" / "vrmc").glob("package-docx-*.pickle"))
    data = ours["--cache"]
    entries = _entries(data)
    used = calls[: len(calls) // 3]  # each of the three runs made the same calls
    assert used * 3 == calls
    if args[-1] != "actors":
        assert any(kind == "image" for kind, _ in used)
    theirs = _entries(_python_docx_save(used, *seen[0]))
    body = next(blob for name, blob in entries if name == "word/document.xml")
    ours_body = body[body.index(b"<w:body>") : body.rindex(b"<w:sectPr")]
    filled = {
        "word/document.xml": lambda blob: blob.replace(b"<w:body>", ours_body, 1),
        "docProps/core.xml": as_docx._no_dates,
    }
    expected = [(name, filled.get(name, bytes)(blob)) for name, blob in theirs]
    assert [name for name, _ in entries] == [name for name, _ in expected]
    for (name, blob), (_, wanted) in zip(entries, expected, strict=True):
        assert blob == wanted, name
    if title:
        assert b"<dc:title>Guns &amp; &lt;butter&gt;" in dict(entries)["docProps/core.xml"]
    # The zip: as zipfile writes these entries at level 3 with a fixed date.
    again = io.BytesIO()
    with zipfile.ZipFile(again, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as package:
        for name, blob in entries:
            entry = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_STORED if name.endswith(".png") else 8
            entry.external_attr = 0o644 << 16
            package.writestr(entry, blob, compresslevel=3)
    assert again.getvalue() == data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None


def test_a_warm_run_imports_neither_python_docx_nor_lxml_nor_zipfile(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from vrmc_cli.__main__ import main\n"
        "sys.argv = ['vrmc', '-b', sys.argv[1], 'report', '-f', 'docx', '-o', sys.argv[2]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(repr(sorted({'docx', 'lxml', 'zipfile', 'PIL'} & set(sys.modules))))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("VRMC_NO_CACHE", None)
    made = []
    for name in ("cold", "warm"):
        target = tmp_path / f"{name}.docx"
        done = subprocess.run(
            [sys.executable, "-c", code, str(FIXTURE), str(target)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        made.append((done.stderr.splitlines()[-1], target.read_bytes()))
    assert made[0][0] == "['PIL', 'docx', 'lxml', 'zipfile']"  # cold: parts and pictures made
    assert made[1][0] == "[]"
    assert made[0][1] == made[1][1]


def test_a_kept_package_of_another_shape_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kept file that is not what python-docx made (emptied, another shape, a value of
    the wrong type) is set aside and made again: the same bytes."""
    from vrmc_cli.corpus.cache import read_object, write_object

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    target = tmp_path / "r.docx"
    assert invoke(*B, "brief", "arms", "-f", "docx", "-o", str(target)).exit_code == 0
    first = target.read_bytes()
    [kept] = (tmp_path / "cache" / "vrmc").glob("package-docx-*.pickle")
    made = read_object(str(kept))
    assert isinstance(made, dict)
    for planted in ({}, {**made, "media_at": "0"}, {**made, "extra": 1}, ("parts",)):
        write_object(str(kept), planted)
        assert invoke(*B, "brief", "arms", "-f", "docx", "-o", str(target)).exit_code == 0
        assert target.read_bytes() == first
        assert read_object(str(kept)) == made
    kept.write_bytes(b"garbage")
    assert invoke(*B, "brief", "arms", "-f", "docx", "-o", str(target)).exit_code == 0
    assert target.read_bytes() == first


def test_no_cache_keeps_no_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    target = tmp_path / "r.docx"
    assert invoke("--no-cache", *B, "brief", "arms", "-f", "docx", "-o", str(target)).exit_code == 0
    assert not list((tmp_path / "cache").rglob("package-*"))


@given(st.text())
def test_character_data_and_widths_as_the_slow_forms_give_them(text: str) -> None:
    """The fast paths (printable ASCII skips `visible`; each run is written once; widths of
    characters outside ASCII come from a table filled as they are met) change nothing."""
    from vrmc_cli.core.textsafe import visible
    from vrmc_cli.render import as_docx

    slow = visible(text).replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")
    assert as_docx._clean(text) == slow.replace("&", "&amp;").replace("<", "&lt;").replace(
        ">", "&gt;"
    )
    for props, glue in (("", False), ("<w:b/>", True)):
        assert as_docx._run(text, props, glue) == as_docx._new_run(text, props, glue)
    units = sum(
        as_docx._ADVANCES[ord(c)]
        if text.isascii()
        else as_docx._ADVANCE.get(c, as_docx._WIDE if c.isalnum() or ord(c) < 0x2000 else 1000)
        for c in text
    )
    assert as_docx.measure(text, 9, True) == int(units * 9 * 1.12 / 1000) + 1
