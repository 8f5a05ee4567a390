"""The calculator page: self-hosted Pyodide, the llmsize wheel, and llmsize's figures in a browser.

* The build publishes only Pyodide's runtime files and a deterministic llmsize wheel, once for
  both languages; a build without ``node_modules/pyodide`` fails with one line saying
  ``run npm ci``.
* The calculator's figures are the ones the static pages print (home and models pages, parsed
  from the built HTML).
* In Chromium (headless, nothing allowed beyond 127.0.0.1): the page's normal load fetches no
  Pyodide; pressing Calculate loads it with a progress line and shows DeepSeek-V3's total and
  active counts exactly as llmsize formats them; a pasted Llama config and a broken JSON give
  the library's total and the library's one-line error; no console error, no third-party request.
* Measured and printed (``pytest -s``), and written to
  ``$LLMSIZE_ARTIFACTS/calculator-metrics.json`` when that variable is set: bytes the page
  transfers before Calculate and the time from pressing Calculate to the first result.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import llmsize
from llmsize import presets
from llmsize.calculator import calculate
from tests.site.conftest import ROOT, Visit, third_party

HOOK = ROOT / "docs" / "hooks" / "calculator.py"
WHEEL = f"llmsize-{llmsize.__version__}-py3-none-any.whl"
LLAMA2_7B_TOTAL = "6,738,415,616"  # the Hub's safetensors total for meta-llama/Llama-2-7b-hf
DEFAULTS: dict[str, Any] = {"dtype": "bf16", "kv_dtype": "bf16", "context": 4096, "batch": 1}
METRICS: dict[str, Any] = {}


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("calculator_hook", HOOK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _calc(model: str, lang: str, config: str | None = None) -> dict[str, Any]:
    return calculate(model, config, lang=lang, **DEFAULTS)


# --- the build ----------------------------------------------------------------------------------


def test_only_the_runtime_is_published_once(site: Path) -> None:
    hook = _hook()
    runtime = site / "assets" / "pyodide"
    assert sorted(p.name for p in runtime.iterdir()) == sorted(hook.RUNTIME_FILES)
    for name in hook.RUNTIME_FILES:
        assert (runtime / name).read_bytes() == (ROOT / "node_modules/pyodide" / name).read_bytes()
    assert (site / "assets" / WHEEL).is_file()
    # One copy for both languages: the Chinese build writes nothing of its own.
    assert not list((site / "zh").rglob("pyodide*")) and not list((site / "zh").rglob("*.whl"))
    for lang, prefix in (("en", "../"), ("zh", "../../")):
        html = (site / ("zh/" if lang == "zh" else "") / "calculator" / "index.html").read_text(
            encoding="utf-8"
        )
        assert f'<script type="module" src="{prefix}assets/calculator/calculator.js">' in html
        assert f'data-wheel="{WHEEL}"' in html
        assert "cdn.jsdelivr" not in html and "pyodide.asm" not in html
    # Only the calculator page carries its script.
    pages_with_it = [
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "assets/calculator/calculator.js" in p.read_text(encoding="utf-8")
    ]
    assert sorted(pages_with_it) == ["calculator/index.html", "zh/calculator/index.html"]


def test_the_wheel_is_deterministic_and_installs(site: Path, tmp_path: Path) -> None:
    hook = _hook()
    built = (site / "assets" / WHEEL).read_bytes()
    again = hook.build_wheel(ROOT, llmsize.__version__)
    assert again == hook.build_wheel(ROOT, llmsize.__version__)
    assert again == built, "the wheel in the site differs from src/llmsize (rebuild the site)"
    names = zipfile.ZipFile(io.BytesIO(built)).namelist()
    assert "llmsize/calculator.py" in names and "llmsize/presets/deepseek-v3.json" in names
    assert f"llmsize-{llmsize.__version__}.dist-info/RECORD" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    # Installed alone (no src/ on the path), it computes what the source computes.
    zipfile.ZipFile(io.BytesIO(built)).extractall(tmp_path)
    code = (
        "import json, llmsize; from llmsize.calculator import calculate;"
        f" assert llmsize.__file__.startswith({str(tmp_path)!r}), llmsize.__file__;"
        " print(json.dumps(calculate('deepseek-v3', None, 'bf16', 'bf16', 4096, 1, 'zh')))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r}); {code}"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert json.loads(done.stdout) == _calc("deepseek-v3", "zh")


def test_a_build_without_node_modules_fails_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\nhooks:\n  - {HOOK.as_posix()}\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        timeout=120,
    )
    assert done.returncode != 0
    errors = [line for line in done.stderr.splitlines() if "ERROR" in line]
    assert len(errors) == 1 and errors[0].endswith("run npm ci"), done.stderr
    assert not (tmp_path / "site" / "assets" / "pyodide").exists()


# --- the same figures as the static pages ---------------------------------------------------


class _Tables(HTMLParser):
    """Every table row of a page inside <article>, as its cells' text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _rows(path: Path) -> list[list[str]]:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.rows


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figures_equal_the_static_pages(site: Path, lang: str) -> None:
    prefix = "zh/" if lang == "zh" else ""
    # Home: DeepSeek-V3's count definitions, one row each (rounded and exact).
    home = _rows(site / prefix / "index.html")
    out = _calc("deepseek-v3", lang)
    for key in ("total", "active"):
        row = out[key]
        assert any(row["count"] in r and row["exact"] in r for r in home), (key, row)
    # Real models: one row per preset, with its exact total (and active, for an MoE model).
    models = _rows(site / prefix / "models" / "index.html")
    checked = 0
    for preset_id in presets.ids():
        preset = presets.get(preset_id)
        out = _calc(preset_id, lang)
        found = [r for r in models if preset.name in r and out["total"]["exact"] in r]
        assert found, f"models page has no row for {preset.name} with {out['total']['exact']}"
        if out["active"]["params"] != out["total"]["params"]:
            assert any(out["active"]["count"] in r for r in found), preset.name
        checked += 1
    assert checked == len(presets.ids())


# --- in the browser ----------------------------------------------------------------------------


def _transferred(tab: Any) -> dict[str, int]:
    """Bytes this page load has transferred so far (Resource Timing), and how many requests."""
    return tab.evaluate(
        """() => {
          const entries = [...performance.getEntriesByType("navigation"),
                           ...performance.getEntriesByType("resource")];
          return {bytes: entries.reduce((n, e) => n + (e.transferSize || 0), 0),
                  requests: entries.length};
        }"""
    )


def _lazy_assets(visit: Visit) -> list[str]:
    return [u for u in visit.requests if "/assets/pyodide/" in u or u.endswith(".whl")]


def _cell(tab: Any, table: str, key: str, column: int) -> str:
    return tab.locator(f'#{table} tbody tr[data-key="{key}"] td').nth(column).inner_text()


def _record(name: str, value: Any) -> None:
    METRICS[name] = value
    out = os.environ.get("LLMSIZE_ARTIFACTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        Path(out, "calculator-metrics.json").write_text(
            json.dumps(METRICS, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )


def test_calculator_in_english(page: tuple[Any, Visit], base_url: str) -> None:
    tab, visit = page
    tab.goto(base_url + "calculator/", wait_until="networkidle")
    # A normal page load: no Pyodide, no wheel.
    assert _lazy_assets(visit) == []
    before = _transferred(tab)
    tab.goto(base_url + "memory/", wait_until="networkidle")
    other = _transferred(tab)
    tab.goto(base_url + "calculator/", wait_until="networkidle")
    assert tab.locator("#calc-results").is_hidden()
    assert tab.locator("#calc-model").input_value() == "deepseek-v3"

    started = time.perf_counter()
    tab.click("#calc-run")
    tab.locator("#calc-status progress").wait_for(state="visible", timeout=5_000)
    tab.locator("#calc-results").wait_for(state="visible", timeout=120_000)
    seconds = time.perf_counter() - started
    loaded = _transferred(tab)

    out = _calc("deepseek-v3", "en")
    assert _cell(tab, "calc-summary", "total", 1) == out["total"]["count"] == "671B"
    assert _cell(tab, "calc-summary", "total", 2) == out["total"]["exact"]
    assert _cell(tab, "calc-summary", "active", 1) == out["active"]["count"]
    assert _cell(tab, "calc-summary", "active", 2) == out["active"]["exact"]
    memory = {r["key"]: r for r in out["memory"]}
    for key in ("weights", "kv_per_token", "kv_naive_per_token", "kv_total", "training_16"):
        assert _cell(tab, "calc-memory", key, 1) == memory[key]["text"]
    assert tab.locator("#calc-breakdown tbody tr").count() == len(out["breakdown"])
    assert tab.locator("#calc-chart svg rect.calc-bar").count() == len(out["chart"])
    assert tab.locator("#calc-status").is_hidden()

    # A pasted Llama config (Llama-2-7B's shape) replaces the preset and recomputes at once.
    config = json.dumps(presets.get("llama-2-7b").config, indent=2)
    tab.fill("#calc-config", config)
    tab.wait_for_function(
        "() => document.querySelector('#calc-model-name').textContent.includes('pasted')"
    )
    assert _cell(tab, "calc-summary", "total", 2) == LLAMA2_7B_TOTAL
    assert tab.locator("#calc-source-hint").is_visible()

    # Broken JSON: the library's one-line message beside the input; the page keeps working.
    broken = config[:-3]
    expected = _calc("llama-2-7b", "en", broken)["error"]
    tab.fill("#calc-config", broken)
    tab.locator("#calc-error").wait_for(state="visible")
    assert tab.locator("#calc-error").inner_text() == expected
    assert expected.startswith("config.json: malformed JSON at line")
    assert tab.locator("#calc-config").get_attribute("aria-invalid") is not None
    assert tab.locator("#calc-results").is_hidden()
    tab.fill("#calc-context", "0")
    tab.fill("#calc-config", "")
    tab.locator("#calc-error").filter(has_text="context must be positive").wait_for()
    tab.fill("#calc-context", "8192")
    tab.locator("#calc-results").wait_for(state="visible")
    assert tab.locator("#calc-error").is_hidden()
    assert _cell(tab, "calc-summary", "total", 2) == out["total"]["exact"]

    # "Edit its config.json" puts the preset's own file in the box.
    tab.select_option("#calc-model", "qwen3-8b")
    tab.click("#calc-edit")
    tab.wait_for_function("() => document.querySelector('#calc-config').value.length > 0")
    assert json.loads(tab.locator("#calc-config").input_value()) == presets.get("qwen3-8b").config

    assert visit.console_errors == [], visit.console_errors
    assert third_party(visit) == []
    _record("bytes_before_calculate", before["bytes"])
    _record("requests_before_calculate", before["requests"])
    _record("bytes_of_the_memory_page", other["bytes"])
    _record("bytes_after_first_result", loaded["bytes"])
    _record("seconds_from_calculate_to_first_result", round(seconds, 2))
    print(
        f"\ncalculator page: {before['bytes']:,} bytes in {before['requests']} requests before"
        f" Calculate (memory page: {other['bytes']:,}); {loaded['bytes']:,} bytes after the"
        f" first result; Calculate -> first result {seconds:.2f} s"
    )
    # The page weighs what a normal page weighs until the reader asks for Python.
    assert before["bytes"] < other["bytes"] + 500_000
    assert loaded["bytes"] > before["bytes"] + 5_000_000


def test_calculator_in_chinese(page: tuple[Any, Visit], base_url: str) -> None:
    tab, visit = page
    tab.goto(base_url + "zh/calculator/", wait_until="networkidle")
    assert _lazy_assets(visit) == []
    tab.click("#calc-run")
    tab.locator("#calc-results").wait_for(state="visible", timeout=120_000)
    out = _calc("deepseek-v3", "zh")
    row = tab.locator('#calc-summary tbody tr[data-key="total"] td')
    assert [row.nth(i).inner_text() for i in range(3)] == [
        "总参数量",
        out["total"]["count"],
        out["total"]["exact"],
    ]
    assert _cell(tab, "calc-summary", "active", 1) == out["active"]["count"]
    assert tab.locator("#calc-chart figcaption").inner_text() == out["chart_title"]
    experts = tab.locator('#calc-breakdown tbody tr[data-key$="moe.experts"] td').first
    assert experts.inner_text().strip() == "路由专家"

    tab.fill("#calc-config", '{"model_type": "llama", "hidden_size": -1}')
    tab.locator("#calc-error").wait_for(state="visible")
    assert (
        tab.locator("#calc-error").inner_text()
        == _calc("x", "zh", '{"model_type": "llama", "hidden_size": -1}')["error"]
    )
    assert visit.console_errors == [], visit.console_errors
    assert third_party(visit) == []
