"""sportlint.util.datapaths: reading the rule files through the cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def test_an_edited_rule_file_is_never_read_stale_from_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache knows a file by its size and time; a newsroom's rule file (written by a
    script, on a file system with coarse times) can change with both equal: it is known by
    its content too. (Shipped data changes only with an install.)"""
    from sportlint.util import datapaths as paths

    monkeypatch.setenv("SPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SPORTLINT_NO_CACHE", raising=False)
    rule = tmp_path / "house.yaml"
    rule.write_text("id: style.house\nwords: [bove]\n", encoding="utf-8")
    info = rule.stat()
    assert paths.read_yaml(rule)["words"] == ["bove"]
    rule.write_text("id: style.house\nwords: [bava]\n", encoding="utf-8")
    os.utime(rule, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert rule.stat().st_size == info.st_size
    assert paths.read_yaml(rule)["words"] == ["bava"]
    assert paths.read_yaml(rule)["words"] == ["bava"]
