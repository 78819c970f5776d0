"""`sportlint serve` driven by real LanguageTool clients: ``language-tool-python`` (the
library newsroom scripts use) and plain HTTP for what it does not send (annotated ``data``,
malformed requests). Each server is a subprocess on a port the OS picks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from language_tool_python import LanguageTool
from language_tool_python.exceptions import LanguageToolError

import fake_languagetool
from serverrun import serve

DOUBLE = "typography.double-space"
SLIP = "Il centravanti  ha segnato al 23' del primo tempo."


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(cwd=tmp_path_factory.mktemp("serve")) as address:
        yield address


@pytest.fixture(scope="module")
def tool(url: str) -> Iterator[LanguageTool]:
    lt = LanguageTool("it", remote_server=url)
    try:
        yield lt
    finally:
        lt.close()


def utf16_slice(text: str, offset: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * offset:2 * (offset + length)].decode("utf-16-le")


def check(url: str, **fields: str) -> requests.Response:
    return requests.post(f"{url}/v2/check", data=fields, timeout=30)


def test_languages_list_italian(url: str) -> None:
    answer = requests.get(f"{url}/v2/languages", timeout=10).json()
    assert {"name": "Italian", "code": "it", "longCode": "it-IT"} in answer
    assert LanguageTool("it-IT", remote_server=url)._language.normalized_tag == "it-IT"


def test_the_client_reads_a_finding(tool: LanguageTool) -> None:
    [m] = [m for m in tool.check(SLIP) if m.rule_id == DOUBLE]
    assert SLIP[m.offset:m.offset + m.error_length] == "  "
    assert m.replacements == [" "]
    assert m.category == "TYPOGRAPHY"
    assert m.rule_issue_type == "typographical"
    assert m.message


def test_emoji_before_a_finding_counts_two_utf16_units(tool: LanguageTool, url: str) -> None:
    text = "🏆⚽😀 " + SLIP
    [m] = [m for m in tool.check(text) if m.rule_id == DOUBLE]
    # the client turns LanguageTool's UTF-16 offset back into a Python index
    assert text[m.offset:m.offset + m.error_length] == "  "
    raw = [m for m in check(url, text=text, language="it").json()["matches"] if m["rule"]["id"] == DOUBLE]
    assert raw[0]["offset"] == text.index("  ") + 2 and raw[0]["length"] == 2
    context = raw[0]["context"]       # its offset counts UTF-16 units too
    assert utf16_slice(context["text"], context["offset"], context["length"]) == "  "


def test_a_disabled_rule_is_not_reported(tool: LanguageTool, url: str) -> None:
    tool.disabled_rules = {DOUBLE}
    try:
        assert all(m.rule_id != DOUBLE for m in tool.check(SLIP))
    finally:
        tool.disabled_rules = set()
    assert any(m.rule_id == DOUBLE for m in tool.check(SLIP))
    # a whole category, and a LanguageTool rule id the server does not know (ignored)
    for fields in ({"disabledCategories": "TYPOGRAPHY"}, {"disabledRules": "typography"}):
        matches = check(url, text=SLIP, language="it", **fields).json()["matches"]
        assert all(m["rule"]["id"] != DOUBLE for m in matches), fields
    matches = check(url, text=SLIP, language="it", disabledRules="WHITESPACE_RULE").json()["matches"]
    assert any(m["rule"]["id"] == DOUBLE for m in matches)


def test_enabled_only_checks_only_what_is_named(url: str) -> None:
    text = "Il il centravanti  ha segnato."
    matches = check(url, text=text, language="it", enabledRules=DOUBLE,
                    enabledOnly="true").json()["matches"]
    assert [m["rule"]["id"] for m in matches] == [DOUBLE]
    matches = check(url, text=text, language="it", enabledCategories="TYPOGRAPHY",
                    enabledOnly="true").json()["matches"]
    assert {m["rule"]["id"].split(".")[0] for m in matches} == {"typography"}


def test_picky_and_enabled_rules_turn_on_off_by_default_rules(url: str) -> None:
    text = "Le parti sono vicine ad un accordo."
    ids = [m["rule"]["id"] for m in check(url, text=text, language="it").json()["matches"]]
    assert "style.d-eufonica" not in ids
    for extra in ({"level": "picky"}, {"enabledRules": "style.d-eufonica"}):
        ids = [m["rule"]["id"] for m in check(url, text=text, language="it", **extra).json()["matches"]]
        assert "style.d-eufonica" in ids, extra


def test_annotated_data_skips_markup_and_counts_offsets_on_the_whole(url: str) -> None:
    parts = [{"markup": "<p>"}, {"text": "🏆 Il "}, {"markup": "<b>"}, {"text": "centravanti"},
             {"markup": "</b>"}, {"text": "  ha segnato."}, {"markup": "</p>", "interpretAs": "\n\n"},
             {"text": "Il <b>tag</b> è testo."}]
    whole = "".join(p.get("text", p.get("markup", "")) for p in parts)
    answer = check(url, data=json.dumps({"annotation": parts}), language="it").json()
    [m] = [m for m in answer["matches"] if m["rule"]["id"] == DOUBLE]
    assert utf16_slice(whole, m["offset"], m["length"]) == "  "
    # the markup is not checked: nothing is reported inside a tag
    for m in answer["matches"]:
        found = utf16_slice(whole, m["offset"], m["length"])
        assert "<p>" not in found and "</b>" not in found


def test_a_suppression_comment_sent_as_markup_works(url: str) -> None:
    parts = [{"markup": f"<!-- sportlint-disable-next-line {DOUBLE} -->"}, {"text": "\nIl  gol.\nE  poi."}]
    answer = check(url, data=json.dumps({"annotation": parts}), language="it").json()
    whole = "".join(p.get("text", p.get("markup", "")) for p in parts)
    [m] = [m for m in answer["matches"] if m["rule"]["id"] == DOUBLE]     # the second line's only
    assert utf16_slice(whole, m["offset"], m["length"]) == "  " and m["offset"] > whole.index("E")


def test_get_check_for_small_texts(url: str) -> None:
    answer = requests.get(f"{url}/v2/check", params={"text": SLIP, "language": "it-IT"},
                          timeout=30).json()
    assert any(m["rule"]["id"] == DOUBLE for m in answer["matches"])
    assert answer["software"]["name"] == "sportlint"


@pytest.mark.parametrize(("fields", "status", "says"), [
    ({"text": SLIP}, 400, "'language'"),
    ({"language": "it"}, 400, "'text' or 'data'"),
    ({"text": SLIP, "data": "{}", "language": "it"}, 400, "not both"),
    ({"data": "{not json", "language": "it"}, 400, "not valid JSON"),
    ({"data": '{"annotation": [{"text": 1}]}', "language": "it"}, 400, "must be a string"),
    ({"data": '{"annotation": [{"bold": "x"}]}', "language": "it"}, 400, "'text' or 'markup'"),
    ({"data": "[]", "language": "it"}, 400, "'annotation' list"),
    ({"text": SLIP, "language": "it", "level": "pedantic"}, 400, "level"),
    ({"text": SLIP, "language": "it", "enabledOnly": "true"}, 400, "enabledOnly"),
    ({"text": "Hello world", "language": "en-US"}, 400, "Italian only"),
])
def test_malformed_requests_get_a_clear_400(url: str, fields: dict[str, str], status: int,
                                            says: str) -> None:
    response = check(url, **fields)
    assert response.status_code == status
    assert response.text.startswith("Error: ") and says in response.text


def test_bad_paths_methods_and_bodies(url: str) -> None:
    assert requests.get(f"{url}/v2/nothing", timeout=10).status_code == 404
    assert requests.put(f"{url}/v2/check", data={"text": "x"}, timeout=10).status_code == 405
    root = requests.get(url, timeout=10)
    assert root.status_code == 400 and "/v2/check" in root.text
    upload = requests.post(f"{url}/v2/check", data={"language": "it"},
                           files={"text": ("a.txt", b"Testo")}, timeout=10)
    assert upload.status_code == 400 and "file" in upload.text
    latin = requests.post(f"{url}/v2/check", data=b"language=it&text=caff\xe8",
                          headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
                          timeout=10)
    assert latin.status_code in (200, 400)     # never a crash: the server still answers
    assert requests.get(f"{url}/v2/healthcheck", timeout=10).text == "OK"


def test_concurrent_requests_all_get_their_answer(url: str) -> None:
    texts = [f"Il centravanti  ha segnato {n} gol." for n in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda t: check(url, text=t, language="it").json(), texts))
    for text, answer in zip(texts, answers, strict=True):
        [m] = [m for m in answer["matches"] if m["rule"]["id"] == DOUBLE]
        assert text[m["offset"]:m["offset"] + 2] == "  "


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve("--max-text-length", "2000", "--timeout", "0.0001",
               cwd=tmp_path_factory.mktemp("limited")) as address:
        yield address


def test_a_text_over_the_limit_gets_languagetools_413(limited: str) -> None:
    lt = LanguageTool("it", remote_server=limited)
    try:
        with pytest.raises(LanguageToolError, match=r"exceeds the limit of 2000 characters \(it's 3000"):
            lt.check("a" * 3000)
    finally:
        lt.close()
    response = check(limited, text="a" * 3000, language="it")
    assert response.status_code == 413


def test_an_oversized_body_is_refused_with_413(limited: str) -> None:
    response = check(limited, text="x" * (2 << 20), language="it")
    assert response.status_code == 413
    assert response.text.startswith("Error: ") and "bytes" in response.text


def test_a_check_over_the_time_limit_gets_an_error_not_a_hang(limited: str) -> None:
    # a tenth of a millisecond cannot lint 300 words: the answer is LanguageTool's time-out error
    text = " ".join(f"Il centravanti numero {n} ha segnato al {n}' del primo tempo." for n in range(30))
    assert len(text) < 2000
    response = check(limited, text=text, language="it")
    assert response.status_code == 500 and "longer than" in response.text
    assert requests.get(f"{limited}/v2/healthcheck", timeout=10).text == "OK"


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, fake_languagetool.FakeServer]]:
    folder = tmp_path_factory.mktemp("proxied")
    # the config is found from the working folder: it silences one of sportlint's rules
    (folder / ".sportlint.yaml").write_text("disable: [spelling.repeated-word]\n", encoding="utf-8")
    fake = fake_languagetool.start()
    try:
        with serve("--languagetool", fake.url, cwd=folder) as address:
            yield address, fake
    finally:
        fake_languagetool.stop(fake)


def test_proxy_mode_merges_languagetool_matches(proxied: tuple[str, fake_languagetool.FakeServer]) -> None:
    url, fake = proxied
    text = "🏆 Tu ai ragione, il il centravanti  ha segnato."
    lt = LanguageTool("it", remote_server=url)
    try:
        matches = lt.check(text)
    finally:
        lt.close()
    ids = [m.rule_id for m in matches]
    # LanguageTool's AI_HAI and WHITESPACE_RULE say what grammar.avere-h and
    # typography.double-space say, on the same words: each slip is reported once
    assert "grammar.avere-h" in ids and DOUBLE in ids
    assert "AI_HAI" not in ids and "WHITESPACE_RULE" not in ids
    lt = LanguageTool("it", remote_server=url)
    lt.disabled_rules = {"grammar.avere-h"}
    try:
        matches = lt.check(text)
    finally:
        lt.close()
    [hai] = [m for m in matches if m.rule_id == "AI_HAI"]
    assert text[hai.offset:hai.offset + hai.error_length] == "ai"     # after an emoji too
    assert fake.last["disabledRules"].startswith("grammar.avere-h,")
    # the config found in the working folder disables spelling.repeated-word
    assert "spelling.repeated-word" not in ids
    # sportlint's default list of LanguageTool rules to leave off goes with the request
    assert "disabledRules" in fake.last and fake.last["language"] == "it"


def test_proxy_mode_passes_other_languages_through(proxied: tuple[str, fake_languagetool.FakeServer]) -> None:
    url, _ = proxied
    answer = check(url, text="You ai ragione", language="en-US").json()
    assert answer["software"]["name"] == "LanguageTool"


def test_a_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    from sportlint.cli.main import main

    monkeypatch.setitem(sys.modules, "aiohttp", None)     # import aiohttp now fails
    monkeypatch.delitem(sys.modules, "sportlint.server.http", raising=False)
    assert main(["serve", "--port", "0"]) == 2
    assert "pip install 'sportlint[server]'" in capsys.readouterr().err


def test_check_does_not_load_the_servers(tmp_path: Path) -> None:
    """`sportlint check` starts as fast as before: no server code, no aiohttp, no pygls."""
    import subprocess
    import sys

    draft = tmp_path / "a.txt"
    draft.write_text("Il centravanti ha segnato.\n", encoding="utf-8")
    probe = ("import sys\nfrom sportlint.cli.main import main\nmain(['check', sys.argv[1]])\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('aiohttp', 'pygls', "
             "'lsprotocol') or m.startswith('sportlint.server')))")
    out = subprocess.run([sys.executable, "-c", probe, str(draft)], capture_output=True,
                         text=True, check=False, cwd=tmp_path).stdout
    assert out.strip().splitlines()[-1] == "[]"
