"""sportlint.util.wordmemo: per-word answers kept across documents, dropped on new
resources and past the limit."""

from __future__ import annotations

from sportlint.util.wordmemo import WordMemo


def test_word_memo_starts_afresh_on_new_resources_and_past_its_limit() -> None:
    memo: WordMemo[int] = WordMemo(limit=2)
    first, second = object(), object()
    table = memo.table(first)
    table["a"] = 1
    assert memo.table(first) is table
    assert memo.table(second) == {}
    table = memo.table(second)
    table.update(a=1, b=2, c=3)
    assert memo.table(second) == {}
