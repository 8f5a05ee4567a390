"""Model ids read from a Hub mirror and from ModelScope, against local stand-ins on 127.0.0.1.

Each site is tested for success, 404, 401/403, a server that never answers (it times out within
the bound) and a malformed config.json, plus its cache and its settings. No test reaches the
internet: ``HF_ENDPOINT`` and ``MODELSCOPE_DOMAIN`` point at the stand-ins.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from llmsize import hubs
from llmsize.errors import LLMSizeError
from llmsize.source import resolve
from tests.standins import COMMIT, HANG, Answer, StandIn, config_answer, standin

LLAMA = {
    "model_type": "llama",
    "hidden_size": 4096,
    "intermediate_size": 11008,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "vocab_size": 32000,
}
LLAMA_TOTAL = 6_738_415_616  # Llama-2-7B, as the Hub reports for meta-llama/Llama-2-7b-hf
HUB_PATH = "/acme/tiny-llama/resolve/main/config.json"
MS_PATH = "/api/v1/models/acme/tiny-llama/repo?Revision=master&FilePath=config.json"
SECRET = "hf_not_a_real_token_0123456789"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    """One stand-in serving as both the Hub mirror and ModelScope; caches in tmp_path."""
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))
    monkeypatch.setenv("MODELSCOPE_CACHE", str(tmp_path / "ms"))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("LLMSIZE_TIMEOUT", "5")
    with standin() as stand:
        monkeypatch.setenv("HF_ENDPOINT", stand.url + "/")
        monkeypatch.setenv("MODELSCOPE_DOMAIN", stand.url)
        yield stand


def failure(model: str) -> str:
    with pytest.raises(LLMSizeError) as err:
        resolve(model)
    message = str(err.value)
    assert "\n" not in message and SECRET not in message
    return message


SITES = [("acme/tiny-llama", HUB_PATH), ("modelscope:acme/tiny-llama", MS_PATH)]


@pytest.mark.parametrize(("model", "path"), SITES)
def test_success_reads_and_caches(server: StandIn, model: str, path: str) -> None:
    server.routes[path] = config_answer(LLAMA)
    from llmsize import counts

    spec = resolve(model)
    assert spec.name == "acme/tiny-llama" and counts(spec).total == LLAMA_TOTAL
    assert [p for p, _ in server.seen] == [path]
    # The stand-in gone quiet (500), the cached copy answers, quietly.
    server.routes[path] = Answer(500, b"down")
    assert counts(resolve(model)).total == LLAMA_TOTAL


def test_hub_cache_is_huggingface_hubs_layout(
    server: StandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.routes[HUB_PATH] = config_answer(LLAMA)
    resolve("acme/tiny-llama")
    repo = tmp_path / "hf" / "hub" / "models--acme--tiny-llama"
    assert (repo / "refs" / "main").read_text() == COMMIT
    assert json.loads((repo / "snapshots" / COMMIT / "config.json").read_text()) == LLAMA
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    server.routes.clear()
    assert resolve("acme/tiny-llama").name == "acme/tiny-llama"
    assert len(server.seen) == 1  # offline: no request at all
    hf_hub = pytest.importorskip("huggingface_hub")
    found = hf_hub.try_to_load_from_cache("acme/tiny-llama", "config.json", cache_dir=repo.parent)
    assert found == str(repo / "snapshots" / COMMIT / "config.json")


def test_modelscope_cache_is_the_clients_layout(server: StandIn, tmp_path: Path) -> None:
    server.routes[MS_PATH.replace("tiny-llama", "tiny.v2")] = config_answer(LLAMA)
    resolve("modelscope:acme/tiny.v2")
    cached = tmp_path / "ms" / "models" / "acme" / "tiny___v2" / "config.json"
    assert json.loads(cached.read_text()) == LLAMA


@pytest.mark.parametrize(("model", "path"), SITES)
def test_404_says_not_found(server: StandIn, model: str, path: str) -> None:
    server.routes[path] = Answer(404, b"", {"X-Error-Code": "EntryNotFound"})
    message = failure(model)
    assert f"model {model!r}: not found on {server.url}" in message
    assert "HTTP 404" in message and "local config.json path" in message


def test_401_without_a_repo_is_not_found(server: StandIn) -> None:
    # The Hub answers 401 RepoNotFound for a repo that does not exist (or is private).
    server.routes[HUB_PATH] = Answer(401, b"", {"X-Error-Code": "RepoNotFound"})
    assert "not found on" in failure("acme/tiny-llama")


@pytest.mark.parametrize("status", [401, 403])
def test_gated_hub_model_asks_for_hf_token(server: StandIn, status: int) -> None:
    server.routes[HUB_PATH] = Answer(status, b"", {"X-Error-Code": "GatedRepo"})
    message = failure("acme/tiny-llama")
    assert f"is gated or private on {server.url} (HTTP {status}, GatedRepo)" in message
    assert "set HF_TOKEN" in message


def test_a_token_is_sent_never_printed(server: StandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_TOKEN", SECRET)
    server.routes[HUB_PATH] = Answer(403, b"")
    message = failure("acme/tiny-llama")
    assert "the token sent (HF_TOKEN) has no access" in message
    assert server.seen[-1][1]["Authorization"] == f"Bearer {SECRET}"
    server.routes[HUB_PATH] = config_answer(LLAMA)
    assert resolve("acme/tiny-llama").name == "acme/tiny-llama"


def test_token_file_of_hf_auth_login(server: StandIn, tmp_path: Path) -> None:
    (tmp_path / "hf").mkdir(exist_ok=True)
    (tmp_path / "hf" / "token").write_text(SECRET + "\n")
    server.routes[HUB_PATH] = config_answer(LLAMA)
    resolve("acme/tiny-llama")
    assert server.seen[-1][1]["Authorization"] == f"Bearer {SECRET}"


@pytest.mark.parametrize("status", [401, 403])
def test_gated_modelscope_model(server: StandIn, status: int) -> None:
    server.routes[MS_PATH] = Answer(status, b'{"Code": 10010205001, "Message": "no access"}')
    message = failure("modelscope:acme/tiny-llama")
    assert f"is gated or private on {server.url} (HTTP {status})" in message
    assert "modelscope download --model acme/tiny-llama config.json" in message


def test_modelscope_refusal_in_a_200(server: StandIn) -> None:
    body = {"Code": 10010205001, "Message": "model not exist", "Success": False}
    server.routes[MS_PATH] = Answer(200, json.dumps(body).encode())
    assert "answered 'model not exist'" in failure("modelscope:acme/tiny-llama")


@pytest.mark.parametrize(("model", "path"), SITES)
def test_a_server_that_never_answers_times_out(
    server: StandIn, monkeypatch: pytest.MonkeyPatch, model: str, path: str
) -> None:
    monkeypatch.setenv("LLMSIZE_TIMEOUT", "0.5")
    server.routes[path] = HANG
    start = time.monotonic()
    message = failure(model)
    assert time.monotonic() - start < 3  # the bound (0.5 s) plus generous slack
    assert "no answer within 0.5 s" in message and "LLMSIZE_TIMEOUT" in message
    assert "and no copy is cached" in message


@pytest.mark.parametrize(("model", "path"), SITES)
def test_malformed_config_names_the_key(server: StandIn, model: str, path: str) -> None:
    server.routes[path] = config_answer({**LLAMA, "hidden_size": "big"})
    message = failure(model)
    assert "'hidden_size'" in message and f"{server.url}/" in message
    server.routes[path] = Answer(200, b"{not json")
    assert "malformed JSON" in failure(model)
    assert not list((Path(os.environ["HF_HUB_CACHE"])).glob("**/config.json"))


def test_retries_are_bounded(server: StandIn) -> None:
    server.routes[HUB_PATH] = Answer(503, b"busy")
    message = failure("acme/tiny-llama")
    assert f"{server.url} answered HTTP 503" in message
    assert len(server.seen) == 2  # one quiet retry, no more


def test_offline_and_not_cached(server: StandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    message = failure("acme/tiny-llama")
    assert "HF_HUB_OFFLINE is set and it is not in the Hugging Face cache" in message
    assert server.seen == []


def test_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HF_ENDPOINT", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("MODELSCOPE_DOMAIN", raising=False)
    assert hubs.hf_endpoint() == "https://huggingface.co"
    assert hubs.modelscope_endpoint() == "https://www.modelscope.cn"
    monkeypatch.setenv("MODELSCOPE_DOMAIN", "www.modelscope.ai")
    assert hubs.modelscope_endpoint() == "https://www.modelscope.ai"
    monkeypatch.setenv("LLMSIZE_TIMEOUT", "soon")
    with pytest.raises(LLMSizeError, match="LLMSIZE_TIMEOUT must be a positive number"):
        resolve("acme/tiny-llama")
    monkeypatch.delenv("LLMSIZE_TIMEOUT")
    monkeypatch.setenv("HF_ENDPOINT", "hf-mirror.com")
    with pytest.raises(LLMSizeError, match="HF_ENDPOINT must be a URL such as https://"):
        resolve("acme/tiny-llama")
    with pytest.raises(LLMSizeError, match="modelscope:org/name"):
        resolve("modelscope:just-a-name")


def test_cli_one_line_exit_2_and_no_huggingface_hub(server: StandIn, tmp_path: Path) -> None:
    # A closed port on 127.0.0.1 stands in for a Hub that cannot be reached.
    server.routes[HUB_PATH] = config_answer(LLAMA)
    code = (
        "import sys; from llmsize.cli import main; main(['count', 'acme/tiny-llama', '--json']);"
        " assert 'huggingface_hub' not in sys.modules, 'huggingface_hub imported'"
    )
    ok = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and ok.stderr == "", ok.stderr
    assert json.loads(ok.stdout)["total"] == LLAMA_TOTAL
    env = {**os.environ, "HF_ENDPOINT": "http://127.0.0.1:9", "HF_HUB_CACHE": str(tmp_path / "x")}
    start = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "llmsize", "count", "Qwen/Qwen3-8B"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert time.monotonic() - start < 5  # the acceptance's bound
    assert out.returncode == 2 and out.stdout == "" and out.stderr.count("\n") == 1
    assert out.stderr.startswith("llmsize: error: model 'Qwen/Qwen3-8B': cannot reach")
    assert "HF_ENDPOINT" in out.stderr and "local config.json path" in out.stderr


def test_a_redirect_elsewhere_drops_the_token(
    server: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_TOKEN", SECRET)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    elsewhere = server.url.replace("127.0.0.1", "localhost") + "/cdn/config.json"
    server.routes[HUB_PATH] = Answer(302, b"", {"Location": elsewhere})
    server.routes["/cdn/config.json"] = config_answer(LLAMA)
    assert resolve("acme/tiny-llama").name == "acme/tiny-llama"
    (_, sent), (second, kept) = server.seen
    assert sent["Authorization"] == f"Bearer {SECRET}" and second == "/cdn/config.json"
    assert "Authorization" not in kept


def test_model_ids_load_urllib_only_when_used() -> None:
    code = "import sys, llmsize.cli; print('llmsize.fetch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_memory_takes_model_ids_too(server: StandIn, capsys: pytest.CaptureFixture[str]) -> None:
    from llmsize.cli import main

    server.routes[MS_PATH] = config_answer(LLAMA)
    assert main(["memory", "modelscope:acme/tiny-llama", "--json", "--context", "4096"]) == 0
    # bf16 weights: two bytes for each of Llama-2-7B's parameters.
    assert json.loads(capsys.readouterr().out)["memory"]["weights"] == 2 * LLAMA_TOTAL
