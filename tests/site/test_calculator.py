"""The calculator page: self-hosted Pyodide, the llmsize wheel, and llmsize's figures in a browser.

* The build publishes only the Pyodide files that start the runtime (under the Pyodide version),
  a deterministic llmsize wheel and the service worker, once for both languages, and fills in
  the form's ``data-runtime``.
* Without ``node_modules/pyodide`` a strict build still succeeds, with one warning and a page
  that says ``npm ci``; with ``LLMSIZE_REQUIRE_RUNTIME=1`` it fails with one line.
* The form offers only real KV cache formats; the calculator's figures are the ones the static
  pages print (home and models pages, parsed from the built HTML).
* In Chromium (headless, nothing allowed beyond 127.0.0.1), in Chinese: Calculate shows
  DeepSeek-V3's counts exactly as llmsize formats them, a bad config gives the library's
  one-line error, and safetensors files chosen in the file drop are measured in the page
  (only their headers sliced; no request made). English, speed and caching:
  test_calculator_speed.py.
"""

from __future__ import annotations

import html
import importlib.util
import io
import json
import os
import runpy
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import llmsize
from llmsize import dtypes, presets
from llmsize.calculator import calculate
from tests.site.conftest import ROOT, Visit, third_party

HOOK = ROOT / "docs" / "hooks" / "calculator.py"
FORM = ROOT / "docs" / "snippets" / "calculator" / "form.py"
WHEEL = f"llmsize-{llmsize.__version__}-py3-none-any.whl"
DEFAULTS: dict[str, Any] = {"dtype": "bf16", "kv_dtype": "bf16", "context": 4096, "batch": 1}


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("calculator_hook", HOOK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _calc(model: str, lang: str, config: str | None = None) -> dict[str, Any]:
    return calculate(model, config, lang=lang, **DEFAULTS)


def _page(site: Path, lang: str) -> str:
    path = site / ("zh/" if lang == "zh" else "") / "calculator" / "index.html"
    return path.read_text(encoding="utf-8")


def runtime_data(page_html: str) -> dict[str, Any] | None:
    """The form's ``data-runtime`` (None when empty: built without the runtime)."""
    start = page_html.index('data-runtime="') + len('data-runtime="')
    value = html.unescape(page_html[start : page_html.index('"', start)])
    return json.loads(value) if value else None


# --- the build ----------------------------------------------------------------------------------


def test_only_the_runtime_is_published_once(site: Path) -> None:
    hook = _hook()
    version = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    assert sorted(p.name for p in (site / "assets" / "pyodide").iterdir()) == [version]
    runtime = site / "assets" / "pyodide" / version
    assert sorted(p.name for p in runtime.iterdir()) == sorted(hook.RUNTIME_FILES)
    for name in hook.RUNTIME_FILES:  # unmodified
        assert (runtime / name).read_bytes() == (ROOT / "node_modules/pyodide" / name).read_bytes()
    assert (site / "assets" / WHEEL).is_file()
    # The service worker sits at the root, above both calculator pages; not beside its source.
    assert (site / "calculator-sw.js").read_bytes() == (
        ROOT / "docs/assets/calculator/sw.js"
    ).read_bytes()
    assert not (site / "assets" / "calculator" / "sw.js").exists()
    # One copy for both languages: the Chinese build writes nothing of its own.
    assert not list((site / "zh").rglob("pyodide*")) and not list((site / "zh").rglob("*.whl"))
    assert not list((site / "zh").rglob("*-sw.js"))
    keys = set()
    for lang, prefix in (("en", "../"), ("zh", "../../")):
        page = _page(site, lang)
        assert f'<script type="module" src="{prefix}assets/calculator/calculator.js">' in page
        assert "cdn.jsdelivr" not in page and "pyodide.asm" not in page
        data = runtime_data(page)
        assert data is not None
        assert data["index"] == f"assets/pyodide/{version}/"
        assert data["wheel"].split("?")[0] == f"assets/{WHEEL}"
        assert data["worker"].split("?")[0] == "calculator-sw.js"
        assert data["lock"]["abi_version"]  # Pyodide checks it against its own
        keys.add(data["key"])
    assert len(keys) == 1
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


def _prose_only_project(tmp_path: Path) -> Path:
    """A project with the hook and the calculator form but no node_modules: what a contributor
    who edits only prose has."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    for name in ("pyproject.toml", "package.json"):
        shutil.copy(ROOT / name, project / name)
    (project / "src").symlink_to(ROOT / "src", target_is_directory=True)
    form = runpy.run_path(str(FORM))["form"]("en")
    (project / "docs" / "index.md").write_text(f"# Calculator\n\n<div>\n{form}\n</div>\n")
    (project / "mkdocs.yml").write_text(
        f"site_name: t\nstrict: true\nhooks:\n  - {HOOK.as_posix()}\n", encoding="utf-8"
    )
    return project


def _build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        check=False,
        timeout=120,
    )


def test_a_build_without_the_runtime_works_and_says_so(tmp_path: Path) -> None:
    project = _prose_only_project(tmp_path)
    done = _build(project, LLMSIZE_REQUIRE_RUNTIME="0")  # CI sets 1
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 1 and "run npm ci" in warnings[0], done.stderr
    assert "LLMSIZE_REQUIRE_RUNTIME=1" in warnings[0]
    page = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert runtime_data(page) is None  # the page's CSS shows the note, the script stays idle
    assert 'id="calc-no-runtime"' in page and "<code>npm ci</code>" in page
    assert not (project / "site" / "assets" / "pyodide").exists()
    assert not (project / "site" / "calculator-sw.js").exists()


def test_a_build_that_requires_the_runtime_fails_in_one_line(tmp_path: Path) -> None:
    project = _prose_only_project(tmp_path)
    done = _build(project, LLMSIZE_REQUIRE_RUNTIME="1")
    assert done.returncode != 0
    errors = [line for line in done.stderr.splitlines() if "ERROR" in line]
    assert len(errors) == 1 and errors[0].endswith("run npm ci"), done.stderr
    assert not (project / "site" / "assets" / "pyodide").exists()


# --- the form and the same figures as the static pages --------------------------------------


class _Tables(HTMLParser):
    """Every table row of a page, as its cells' text; and every <select>'s option values."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.options: dict[str, list[str]] = {}
        self._select: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "select":
            self._select = dict(attrs).get("id") or ""
            self.options[self._select] = []
        elif tag == "option" and self._select is not None:
            self.options[self._select].append(dict(attrs).get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _parse(path: Path) -> _Tables:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_kv_cache_offers_real_cache_types_only(site: Path, lang: str) -> None:
    page = _parse(site / ("zh/" if lang == "zh" else "") / "calculator" / "index.html")
    kv = page.options["calc-kv-dtype"]
    # llama.cpp's --cache-type-k/-v and vLLM's --kv-cache-dtype name these; nothing else.
    assert kv == ["fp32", "bf16", "fp16", "fp8_e4m3", "fp8_e5m2", "q8_0", "q4_0"]
    assert "tf32" not in kv and "q4_k" not in kv
    assert page.options["calc-dtype"] == list(dtypes.DTYPES)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figures_equal_the_static_pages(site: Path, lang: str) -> None:
    prefix = "zh/" if lang == "zh" else ""
    # Home: DeepSeek-V3's count definitions, each with the same exact figure (its short
    # forms follow that table's own digits, e.g. 6710.3亿 there and 6710亿 here).
    home = _parse(site / prefix / "index.html").rows
    out = _calc("deepseek-v3", lang)
    for key in ("total", "active"):
        row = out[key]
        assert any(row["exact"] in r for r in home), (key, row)
    # Real models: one row per preset, with its exact total (and active, for an MoE model).
    models = _parse(site / prefix / "models" / "index.html").rows
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


# --- in the browser, in Chinese --------------------------------------------------------------


def cell(tab: Any, table: str, key: str, column: int) -> str:
    return tab.locator(f'#{table} tbody tr[data-key="{key}"] td').nth(column).inner_text()


def lazy_assets(urls: list[str]) -> list[str]:
    """Of ``urls``, the Python runtime's and the wheel's."""
    return [u for u in urls if "/assets/pyodide/" in u or ".whl" in u]


def test_calculator_in_chinese(page: tuple[Any, Visit], base_url: str, tmp_path: Path) -> None:
    tab, visit = page
    tab.goto(base_url + "zh/calculator/", wait_until="networkidle")
    assert lazy_assets(visit.requests) == []
    tab.click("#calc-run")
    tab.locator("#calc-results").wait_for(state="visible", timeout=120_000)
    out = _calc("deepseek-v3", "zh")
    row = tab.locator('#calc-summary tbody tr[data-key="total"] td')
    assert [row.nth(i).inner_text() for i in range(3)] == [
        "总参数量",
        out["total"]["count"],
        out["total"]["exact"],
    ]
    assert cell(tab, "calc-summary", "active", 1) == out["active"]["count"]
    assert tab.locator("#calc-chart figcaption").inner_text() == out["chart_title"]
    experts = tab.locator('#calc-breakdown tbody tr[data-key$="moe.experts"] td').first
    assert experts.inner_text().strip() == "路由专家"
    # The worker controls this page (its own folder), and nothing above it.
    scope = tab.evaluate("navigator.serviceWorker.getRegistration().then(r => r && r.scope)")
    assert scope == base_url + "zh/calculator/"

    tab.fill("#calc-config", '{"model_type": "llama", "hidden_size": -1}')
    tab.locator("#calc-error").wait_for(state="visible")
    assert (
        tab.locator("#calc-error").inner_text()
        == _calc("x", "zh", '{"model_type": "llama", "hidden_size": -1}')["error"]
    )
    _files_dropped(tab, visit, tmp_path)
    assert visit.console_errors == [], visit.console_errors
    assert third_party(visit) == []


def _files_dropped(tab: Any, visit: Visit, tmp_path: Path) -> None:
    """Files chosen in the file drop are measured in the page (same runtime), none uploaded."""
    from tests.test_safetensors import TINY, llama_tensors

    torch = pytest.importorskip("torch")
    st = pytest.importorskip("safetensors.torch")
    st.save_file(llama_tensors(TINY, torch.bfloat16), tmp_path / "model.safetensors")
    (tmp_path / "config.json").write_text(json.dumps(TINY))
    before = len(visit.requests)
    tab.set_input_files(
        "#calc-files-input", [tmp_path / "model.safetensors", tmp_path / "config.json"]
    )
    tab.locator("#calc-files-result").wait_for(state="visible", timeout=60_000)
    assert tab.locator("#calc-files-dtypes tbody th").first.inner_text() == "BF16"
    assert tab.locator("#calc-files-check li").last.inner_text() == "按架构算出的量与文件完全一致。"
    assert len(visit.requests) == before  # nothing fetched, nothing sent
