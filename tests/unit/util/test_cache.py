"""sportlint.util.cache: entries are rebuilt when a source changes or the entry is damaged,
and a cache that cannot be used never stops a check."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sportlint.italian import gazetteer, lexicon
from sportlint.util import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("SPORTLINT_CACHE_DIR", str(where))
    monkeypatch.delenv("SPORTLINT_NO_CACHE", raising=False)
    return where


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value
    return calls, build


def test_second_call_reads_the_entry(folder: Path, tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    src.write_text("Bari\n")
    calls, build = counting({"Bari": ("club", 1), "set": {1, 2}})
    assert cache.cached("x", [src], build) == {"Bari": ("club", 1), "set": {1, 2}}
    assert cache.cached("x", [src], build) == {"Bari": ("club", 1), "set": {1, 2}}
    assert len(calls) == 1
    assert len(list(folder.glob("x-*.marshal"))) == 1


def test_a_changed_source_rebuilds(folder: Path, tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    src.write_text("Bari\n")
    calls, build = counting("one")
    cache.cached("x", [src], build)
    src.write_text("Bari\nLecce\n")          # other size
    cache.cached("x", [src], build)
    st = src.stat()
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))   # same size, touched
    cache.cached("x", [src], build)
    assert len(calls) == 3


def test_a_damaged_entry_is_rebuilt(folder: Path, tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    src.write_text("Bari\n")
    calls, build = counting(["a", "b"])
    cache.cached("x", [src], build)
    for entry in folder.glob("x-*.marshal"):
        entry.write_bytes(b"\x00garbage")
    assert cache.cached("x", [src], build) == ["a", "b"]
    for entry in folder.glob("x-*.marshal"):
        entry.write_bytes(b"")
    assert cache.cached("x", [src], build) == ["a", "b"]
    assert len(calls) == 3


def test_unusable_cache_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "src.txt"
    src.write_text("Bari\n")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SPORTLINT_CACHE_DIR", str(blocker / "cache"))
    assert cache.cached("x", [src], lambda: 42) == 42
    monkeypatch.setenv("SPORTLINT_NO_CACHE", "1")
    assert cache.cache_dir() is None
    assert cache.cached("x", [src], lambda: 43) == 43
    with pytest.raises(FileNotFoundError):   # a missing source: the build reports it
        cache.cached("x", [tmp_path / "missing"], lambda: (tmp_path / "missing").read_text())


def test_values_marshal_cannot_hold_are_returned_uncached(folder: Path, tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    src.write_text("x")
    value = object()
    assert cache.cached("x", [src], lambda: value) is value
    assert not list(folder.glob("x-*"))


def test_cached_resources_equal_fresh_ones(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = gazetteer.load()
    again = gazetteer.load()     # from the cache
    assert again._names == built._names and again._tokens == built._tokens
    assert again._preferred == built._preferred and again._index == built._index
    assert again.names_with_token("Spartak") == built.names_with_token("Spartak")
    lex = lexicon.load()
    mapped = lexicon.load()              # memory-mapped from the cache
    assert type(mapped._data) is not bytes and mapped._text == lex._text
    assert mapped.analyses("seguì") == lex.analyses("seguì")
    monkeypatch.setenv("SPORTLINT_NO_CACHE", "1")
    assert gazetteer.load()._tokens == built._tokens


def test_stored_regex_patterns_behave_as_compiled_ones(folder: Path) -> None:
    import regex

    from sportlint.util import lazyregex

    sources = [(r"(?<![\p{L}\p{M}\d_])(?:poichè|perchè)(?![\p{L}\p{M}\d_])", regex.IGNORECASE),
               (r"(?P<span>\s+)[,;:](?P<x>\p{L})?", regex.V1),
               (r"\b(?:al|nel)\s+(\d+)['’]", 0)]
    text = "Perchè no ; e poichè sì , al 23' e nel 90’ POICHÈ"
    fresh = [regex.compile(s, f) for s, f in sources]
    for s, f in sources:
        lazyregex.compile(s, f)
    lazyregex.flush()
    lazyregex._store = None                 # a new process: read the folder
    assert lazyregex._load()
    for (s, f), want in zip(sources, fresh, strict=True):
        got = lazyregex.compile(s, f)
        assert got.pattern == want.pattern and got.groupindex == want.groupindex
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]
    for entry in folder.glob("regex-*.marshal"):   # damaged: compiled again
        entry.write_bytes(entry.read_bytes()[:-5] + b"xxxxx")
    lazyregex._store = None
    assert lazyregex._load() == {}
    assert lazyregex.compile(*sources[0]).findall(text) == fresh[0].findall(text)
    lazy = lazyregex.LazyPattern(*sources[1])
    assert lazy.groupindex == fresh[1].groupindex and lazy.search(text) is not None
    with pytest.raises(regex.error):
        lazyregex.compile("(unclosed")
    lazyregex._added.clear()


def test_a_damaged_blob_is_rebuilt(folder: Path, tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    src.write_text("x")
    calls, build = counting(b"#paradigms\n#forms\n")
    assert cache.cached_blob("b", [src], build) == b"#paradigms\n#forms\n"
    assert bytes(cache.cached_blob("b", [src], build)) == b"#paradigms\n#forms\n"
    assert len(calls) == 1
    for blob in folder.glob("b-*.bin"):
        blob.write_bytes(b"#para")          # truncated: its size no longer matches
    assert bytes(cache.cached_blob("b", [src], build)) == b"#paradigms\n#forms\n"
    assert len(calls) == 2
    for key in folder.glob("b-*.key"):
        key.write_bytes(b"other")
    assert bytes(cache.cached_blob("b", [src], build)) == b"#paradigms\n#forms\n"
    assert len(calls) == 3


def test_cache_folder_choice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("SPORTLINT_CACHE_DIR", "SPORTLINT_NO_CACHE", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / ".cache" / "sportlint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache.cache_dir() == tmp_path / ".cache" / "sportlint"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "sportlint"
    monkeypatch.setenv("SPORTLINT_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("SPORTLINT_NO_CACHE", "0")
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("SPORTLINT_NO_CACHE", "1")
    assert cache.cache_dir() is None
